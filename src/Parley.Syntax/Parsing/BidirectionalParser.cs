namespace Parley.Syntax.Parsing;

/// <summary>
/// Two greedy parsers, one reading the sentence left to right and one right to left (trained on
/// reversed sentences), combined arc by arc (Sagae and Lavie 2006): each word takes the head the
/// more confident parser gave it (confidence = the margin of the move that made the arc, see
/// <see cref="DependencyParser.Parse"/>; agreeing parsers add up), and when those choices do not
/// form a tree, the best projective tree over the two parsers' arcs is found with Eisner's
/// algorithm. The two directions make different mistakes (a left-to-right parser commits to early
/// attachments before it sees the rest of the sentence), so together they are right more often.
/// Without a backward model it is the forward parser alone.
/// </summary>
internal sealed class BidirectionalParser
{
    // An arc's weight is Bias + its margin; an arc made by a forced move (the only valid one, e.g.
    // emptying the stack at the end) has no margin and counts as Forced. Bias only matters when the
    // tree search must trade arcs off; Forced was chosen on the held-out GUM news documents (0, 2, 5
    // tried; 5 best, by 0.1 LAS), never on EWT test.
    private const float Bias = 1, Forced = 5;

    /// <summary>Above this many words the O(n^3) tree search is skipped and the forward parse kept.</summary>
    private const int MaxTreeSearch = 250;

    public BidirectionalParser(DependencyParser forward, DependencyParser? backward)
    {
        Forward = forward;
        Backward = backward;
    }

    public DependencyParser Forward { get; }

    public DependencyParser? Backward { get; }

    /// <summary>Dependency relation names; label id = index.</summary>
    public string[] Labels => Forward.Labels;

    /// <summary>
    /// Parses one sentence (lower-case form hashes and tag ids, index 0 = first word) into heads
    /// (1-based, 0 = root) and label ids for words 1..n (index 0 unused).
    /// </summary>
    public void Parse(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParserScratch scratch, Span<int> heads, Span<int> labels)
    {
        var n = words.Length;
        if (Backward is null)
        {
            Forward.Parse(words, tags, scratch.State, heads, labels);
            return;
        }
        scratch.Ensure(n);
        var fh = scratch.ForwardHeads; var fl = scratch.ForwardLabels; var fm = scratch.ForwardMargins;
        var bh = scratch.BackwardHeads; var bl = scratch.BackwardLabels; var bm = scratch.BackwardMargins;
        Forward.Parse(words, tags, scratch.State, fh, fl, fm);
        var rw = scratch.Words; var rt = scratch.Tags;
        for (var i = 0; i < n; i++) { rw[i] = words[n - 1 - i]; rt[i] = tags[n - 1 - i]; }
        // The backward parse into the reversed slots, then mapped back: word d is reversed word n+1-d.
        var rh = scratch.ReversedHeads; var rl = scratch.ReversedLabels; var rm = scratch.ReversedMargins;
        Backward.Parse(rw.AsSpan(0, n), rt.AsSpan(0, n), scratch.State, rh, rl, rm);
        for (var d = 1; d <= n; d++)
        {
            var r = n + 1 - d;
            bh[d] = rh[r] == 0 ? 0 : n + 1 - rh[r];
            bl[d] = rl[r];
            bm[d] = rm[r];
        }
        Combine(n, scratch, heads, labels);
    }

    private static float Weight(float margin) => Bias + (margin == 0 ? Forced : margin);

    private static void Combine(int n, ParserScratch scratch, Span<int> heads, Span<int> labels)
    {
        var fh = scratch.ForwardHeads; var fl = scratch.ForwardLabels; var fm = scratch.ForwardMargins;
        var bh = scratch.BackwardHeads; var bl = scratch.BackwardLabels; var bm = scratch.BackwardMargins;
        var roots = 0;
        for (var d = 1; d <= n; d++)
        {
            // Ties go to the forward parser, the more accurate one alone.
            var forwardWins = Weight(fm[d]) + 1e-4f >= Weight(bm[d]);
            heads[d] = forwardWins ? fh[d] : bh[d];
            labels[d] = forwardWins ? fl[d] : bl[d];
            if (heads[d] == 0) roots++;
        }
        if (roots == 1 && IsAcyclic(n, heads, scratch.Mark)) return;
        if (n > MaxTreeSearch)
        {
            for (var d = 1; d <= n; d++) { heads[d] = fh[d]; labels[d] = fl[d]; }
            return;
        }
        var m = n + 1;
        var score = scratch.Scores;
        Array.Fill(score, Eisner.Impossible, 0, m * m);
        for (var d = 1; d <= n; d++)
        {
            score[fh[d] * m + d] = Weight(fm[d]) + 1e-4f;
            if (bh[d] == fh[d]) score[bh[d] * m + d] += Weight(bm[d]);
            else score[bh[d] * m + d] = Weight(bm[d]);
        }
        Eisner.Decode(n, score, scratch.Eisner, heads);
        for (var d = 1; d <= n; d++)
        {
            var fromForward = heads[d] == fh[d] && (heads[d] != bh[d] || Weight(fm[d]) + 1e-4f >= Weight(bm[d]));
            labels[d] = fromForward ? fl[d] : bl[d];
        }
    }

    /// <summary>True when following heads from every word reaches the root.</summary>
    private static bool IsAcyclic(int n, ReadOnlySpan<int> heads, int[] mark)
    {
        // mark: 0 unvisited, d = on the current walk from d, -1 known to reach the root.
        Array.Clear(mark, 0, n + 1);
        mark[0] = -1;
        for (var d = 1; d <= n; d++)
        {
            var a = d;
            while (mark[a] == 0) { mark[a] = d; a = heads[a]; }
            if (mark[a] == d) return false;
            for (var b = d; mark[b] == d; b = heads[b]) mark[b] = -1;
        }
        return true;
    }

    public void Write(BinaryWriter writer)
    {
        Forward.Write(writer);
        writer.Write(Backward is not null);
        Backward?.Write(writer);
    }

    public static BidirectionalParser Read(BinaryReader reader)
    {
        var forward = DependencyParser.Read(reader);
        var backward = reader.ReadBoolean() ? DependencyParser.Read(reader) : null;
        return new BidirectionalParser(forward, backward);
    }
}

/// <summary>Per-thread working memory of <see cref="BidirectionalParser"/> (no allocation per sentence once grown).</summary>
internal sealed class ParserScratch
{
    public readonly ParseState State = new();
    public int[] ForwardHeads = [], ForwardLabels = [], BackwardHeads = [], BackwardLabels = [];
    public int[] ReversedHeads = [], ReversedLabels = [], Tags = [], Mark = [];
    public float[] ForwardMargins = [], BackwardMargins = [], ReversedMargins = [];
    public ulong[] Words = [];
    public float[] Scores = [];
    public readonly Eisner.Chart Eisner = new();

    public void Ensure(int n)
    {
        if (ForwardHeads.Length >= n + 1) return;
        var size = Math.Max(64, (n + 1) * 2);
        ForwardHeads = new int[size]; ForwardLabels = new int[size]; BackwardHeads = new int[size]; BackwardLabels = new int[size];
        ReversedHeads = new int[size]; ReversedLabels = new int[size]; Tags = new int[size]; Mark = new int[size];
        ForwardMargins = new float[size]; BackwardMargins = new float[size]; ReversedMargins = new float[size];
        Words = new ulong[size];
        Scores = new float[size * size];
    }
}
