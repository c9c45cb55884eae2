using Parley.Core.Model;
using Parley.Syntax.Learning;

namespace Parley.Syntax.Parsing;

/// <summary>
/// One sentence as <see cref="PunctuationAttacher"/> sees it (arrays 1-based, 0 = root or none): the
/// tree of its words with the punctuation taken out, each word's yield and depth in that tree, and
/// the nearest words on either side of each mark. Per thread; grows, never shrinks.
/// </summary>
internal sealed class PunctuationScratch
{
    // Flank values that are not relation hashes: nothing on that side, the candidate itself, or a word outside its yield.
    private const ulong FlankNone = 1, FlankSelf = 2, FlankOutside = 3;

    public int N;
    public bool[] Punct = [];
    public ulong[] Form = [], Lower = [], Tag = [], Relation = [];
    public int[] Heads = [], Low = [], High = [], Depths = [], Left = [], Right = [], CandidateList = [];
    private string?[] _marks = [];
    private int _lca = -1;

    /// <summary>
    /// Reads a parsed sentence; false when there is nothing to do or the tree cannot be worked on (no
    /// mark to move, no word, a mark at the root, or heads that do not form a tree).
    /// </summary>
    public bool Prepare(string text, ReadOnlySpan<TextSpan> spans, ReadOnlySpan<int> tags, PunctuationAttacher.Vocabulary vocabulary, ReadOnlySpan<int> heads, ReadOnlySpan<int> labels)
    {
        var n = N = spans.Length;
        Ensure(n);
        var marks = 0;
        for (var d = 1; d <= n; d++)
        {
            var form = text.AsSpan(spans[d - 1].Start, spans[d - 1].Length);
            var tag = tags[d - 1];
            Punct[d] = vocabulary.TagIsPunct[tag];
            Tag[d] = vocabulary.TagHash[tag];
            Relation[d] = vocabulary.RelationHash[labels[d]];
            Form[d] = Punct[d] ? FeatureHash.Text(form, lower: false) : 0; // read for marks only
            Lower[d] = FeatureHash.Text(form, lower: true);
            Heads[d] = heads[d];
            _marks[d] = Punct[d] ? form.ToString() : null;
            if (Punct[d]) marks++;
        }
        // A mark the parser gave dependents keeps its place and counts as a word: moving it, or them,
        // would change the arcs of words, which this step leaves to the parser.
        for (var d = 1; d <= n; d++)
        {
            var h = Heads[d];
            if (h != 0 && Punct[h]) { Punct[h] = false; marks--; }
        }
        for (var d = 1; d <= n; d++) if (Punct[d] && Heads[d] == 0) return false;
        if (marks <= 0 || marks == n) return false;
        for (var d = 1; d <= n; d++) { Low[d] = High[d] = d; Depths[d] = 0; }
        for (var d = 1; d <= n; d++)
        {
            if (Punct[d]) continue;
            var steps = 0;
            for (var x = Heads[d]; x != 0; x = Heads[x])
            {
                if (++steps > n) return false;
                if (d < Low[x]) Low[x] = d;
                if (d > High[x]) High[x] = d;
            }
            Depths[d] = steps;
        }
        var last = 0;
        for (var d = 1; d <= n; d++) { Left[d] = last; if (!Punct[d]) last = d; }
        last = 0;
        for (var d = n; d >= 1; d--) { Right[d] = last; if (!Punct[d]) last = d; }
        return true;
    }

    /// <summary>The words mark <paramref name="p"/> can attach to without crossing an arc of the words' tree, into <see cref="CandidateList"/>; returns how many.</summary>
    public int Candidates(int p)
    {
        var count = 0;
        for (var c = 1; c <= N; c++)
        {
            if (Punct[c] || Crosses(Math.Min(c, p), Math.Max(c, p))) continue;
            CandidateList[count++] = c;
        }
        _lca = EnclosedHead(p);
        return count;
    }

    private bool Crosses(int a, int b)
    {
        for (var d = 1; d <= N; d++)
        {
            if (Punct[d] || Heads[d] == 0) continue;
            var x = Math.Min(d, Heads[d]);
            var y = Math.Max(d, Heads[d]);
            if ((a < x && x < b && (y > b || y < a)) || (a < y && y < b && (x < a || x > b))) return true;
        }
        return false;
    }

    /// <summary>Number of words above <paramref name="d"/> in the tree.</summary>
    public int Depth(int d) => Depths[d];

    /// <summary>Which of <paramref name="c"/>'s subtrees holds word <paramref name="x"/>: its relation, or <paramref name="c"/> itself, or outside, or none.</summary>
    public ulong Flank(int c, int x)
    {
        if (x == 0) return FlankNone;
        if (x == c) return FlankSelf;
        for (var steps = 0; Heads[x] != 0 && steps <= N; steps++)
        {
            if (Heads[x] == c) return Relation[x];
            x = Heads[x];
        }
        return FlankOutside;
    }

    /// <summary>0 when mark <paramref name="p"/> has no partner (bracket, quote), 1 when <paramref name="c"/> heads what the pair encloses, 2 otherwise.</summary>
    public ulong MatchKind(int p, int c) => _lca < 0 ? 0UL : c == _lca ? 1UL : 2UL;

    /// <summary>The head of the words between mark <paramref name="p"/> and its partner, or -1 when it has none or they enclose no word.</summary>
    private int EnclosedHead(int p)
    {
        var m = Partner(p);
        if (m < 0) return -1;
        var (a, b) = (Math.Min(p, m), Math.Max(p, m));
        var lca = -1;
        for (var x = a + 1; x < b; x++)
        {
            if (Punct[x]) continue;
            lca = lca < 0 ? x : CommonAncestor(lca, x);
        }
        return lca;
    }

    private int CommonAncestor(int a, int b)
    {
        while (Depths[a] > Depths[b]) a = Heads[a];
        while (Depths[b] > Depths[a]) b = Heads[b];
        while (a != b && a != 0 && b != 0) { a = Heads[a]; b = Heads[b]; }
        return a == b ? a : 0;
    }

    /// <summary>The other mark of a bracket or quote pair, or -1.</summary>
    private int Partner(int p)
    {
        var mark = _marks[p]!;
        var close = mark switch { "(" => ")", "[" => "]", "{" => "}", "“" => "”", "‘" => "’", _ => null };
        if (close is not null) return Find(p + 1, N + 1, 1, close);
        var open = mark switch { ")" => "(", "]" => "[", "}" => "{", "”" => "“", "’" => "‘", _ => null };
        if (open is not null) return Find(p - 1, 0, -1, open);
        if (mark != "\"") return -1;
        // Straight quotes: an even number before this one makes it an opening quote.
        var before = 0;
        for (var q = 1; q < p; q++) if (_marks[q] == "\"") before++;
        return before % 2 == 0 ? Find(p + 1, N + 1, 1, "\"") : Find(p - 1, 0, -1, "\"");
    }

    private int Find(int from, int end, int step, string mark)
    {
        for (var q = from; q != end; q += step) if (_marks[q] == mark) return q;
        return -1;
    }

    private void Ensure(int n)
    {
        if (Punct.Length > n) return;
        var size = Math.Max(64, (n + 1) * 2);
        Punct = new bool[size];
        Form = new ulong[size]; Lower = new ulong[size]; Tag = new ulong[size]; Relation = new ulong[size];
        Heads = new int[size]; Low = new int[size]; High = new int[size]; Depths = new int[size];
        Left = new int[size]; Right = new int[size]; CandidateList = new int[size];
        _marks = new string?[size];
    }
}
