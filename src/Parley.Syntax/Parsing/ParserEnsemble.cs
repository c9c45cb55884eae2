namespace Parley.Syntax.Parsing;

/// <summary>
/// The parser of a model: a left-to-right transition parser alone (the shipped models), or an
/// ensemble of it with a right-to-left transition parser (trained on reversed sentences) and a
/// graph-based parser, combined arc by arc (Sagae and Lavie 2006) as <see cref="ParserCombination"/>
/// says. With two transition parsers and no graph member each word takes the head the more
/// confident parser gave it (confidence = the margin of the move that made the arc, see
/// <see cref="DependencyParser.Parse"/>; agreeing parsers add up), and when those choices do not form
/// a tree, the best projective tree over the arcs is found with Eisner's algorithm; with the graph
/// member the votes of <see cref="ArcVoting"/> decide. The members make different mistakes (a
/// left-to-right parser commits to early attachments before it sees the rest of the sentence; a
/// first-order graph parser sees every head at once but no siblings), so together they are right
/// more often.
/// </summary>
internal sealed class ParserEnsemble
{
    // An arc's weight is Bias + its margin; an arc made by a forced move (the only valid one, e.g.
    // emptying the stack at the end) has no margin and counts as Forced. Bias only matters when the
    // tree search must trade arcs off; Forced was chosen on the held-out GUM news documents (0, 2, 5
    // tried; 5 best, by 0.1 LAS), never on EWT test.
    private const float Bias = 1, Forced = 5;

    public ParserEnsemble(DependencyParser forward, DependencyParser? backward, GraphParser? graph = null, ParserCombination? combination = null, IReadOnlyList<TransitionMember>? extra = null)
    {
        Forward = forward;
        Backward = backward;
        Graph = graph;
        Combination = combination ?? ParserCombination.Default;
        Extra = extra ?? [];
        foreach (var member in Extra)
            if (member.Parser.ClusterWords != forward.ClusterWords)
                throw new InvalidDataException("PARLEY-S010: every transition parser of an ensemble must read the same word values (cluster-coded or not)");
    }

    /// <summary>
    /// Further transition parsers (for instance a pair trained with another feature set) whose arcs join the
    /// forward and backward parsers' in the margin-weighted combination; they take no part beside the graph member.
    /// </summary>
    public IReadOnlyList<TransitionMember> Extra { get; }

    public DependencyParser Forward { get; }

    public DependencyParser? Backward { get; }

    /// <summary>The graph-based parser, when the model has one: with it the members are combined as <see cref="Combination"/> says.</summary>
    public GraphParser? Graph { get; }

    /// <summary>Which members take part and how their arcs are weighed (only when there is a <see cref="Graph"/> member).</summary>
    public ParserCombination Combination { get; }

    /// <summary>The same members combined as <paramref name="combination"/> says.</summary>
    public ParserEnsemble With(ParserCombination combination) => new(Forward, Backward, Graph, combination, Extra);

    /// <summary>The same ensemble with <paramref name="members"/> added to <see cref="Extra"/>.</summary>
    public ParserEnsemble WithExtra(IEnumerable<TransitionMember> members) => new(Forward, Backward, Graph, Combination, [.. Extra, .. members]);

    /// <summary>Every transition parser with its weights under <paramref name="minimum"/> pruned, and the graph parser's.</summary>
    public ParserEnsemble Pruned(float minimum) =>
        new(Forward.Pruned(minimum), Backward?.Pruned(minimum), Graph?.Pruned(minimum), Combination, Extra.Select(m => m with { Parser = m.Parser.Pruned(minimum) }).ToList());

    /// <summary>Dependency relation names; label id = index.</summary>
    public string[] Labels => Forward.Labels;

    /// <summary>
    /// Parses one sentence (lower-case form hashes and tag ids, index 0 = first word) into heads
    /// (1-based, 0 = root) and label ids for words 1..n (index 0 unused).
    /// </summary>
    public void Parse(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParserScratch scratch, Span<int> heads, Span<int> labels)
    {
        var n = words.Length;
        if (Graph is not null && Combination.Graph)
        {
            ParseEnsemble(words, tags, scratch, heads, labels);
            return;
        }
        var withBackward = Backward is not null && Combination.Backward;
        if (!withBackward && Extra.Count == 0)
        {
            Forward.Parse(words, tags, scratch.State, heads, labels);
            return;
        }
        scratch.Ensure(n, Extra.Count);
        if (!Combination.Forward && Extra.Count == 0)
        {
            // The right-to-left parser alone.
            ParseBackward(words, tags, scratch);
            for (var d = 1; d <= n; d++) { heads[d] = scratch.BackwardHeads[d]; labels[d] = scratch.BackwardLabels[d]; }
            return;
        }
        // The transition parsers alone are always weighed by their moves' margins, and each label is the heaviest parser's.
        var k = 0;
        int[] lastLabels = [];
        if (Combination.Forward)
        {
            Forward.Parse(words, tags, scratch.State, scratch.ForwardHeads, scratch.ForwardLabels, scratch.ForwardMargins);
            AddMember(scratch, k++, scratch.ForwardHeads, scratch.ForwardLabels, scratch.ForwardMargins, n, votes: false);
            lastLabels = scratch.ForwardLabels;
        }
        if (withBackward)
        {
            ParseBackward(words, tags, scratch);
            AddMember(scratch, k++, scratch.BackwardHeads, scratch.BackwardLabels, scratch.BackwardMargins, n, votes: false);
            lastLabels = scratch.BackwardLabels;
        }
        for (var e = 0; e < Extra.Count; e++)
        {
            var (member, eh, el, em) = (Extra[e], scratch.ExtraHeads[e], scratch.ExtraLabels[e], scratch.ExtraMargins[e]);
            if (member.Reversed) ParseReversed(member.Parser, words, tags, scratch, eh, el, em);
            else member.Parser.Parse(words, tags, scratch.State, eh, el, em);
            AddMember(scratch, k++, eh, el, em, n, votes: false);
            lastLabels = el;
        }
        if (k == 1)
        {
            for (var d = 1; d <= n; d++) { heads[d] = scratch.MemberHeads[0][d]; labels[d] = scratch.MemberLabels[0][d]; }
            return;
        }
        var from = scratch.LabelFrom;
        ArcVoting.Combine(n, k, scratch.MemberHeads, scratch.MemberLabels, scratch.MemberWeights, null, scratch.Voting, heads, labels, from, voteLabels: false);
        // An arc no parser proposed (the tree search had no tree of theirs to choose) keeps the last member's label.
        for (var d = 1; d <= n; d++) if (from[d] < 0) labels[d] = lastLabels[d];
    }

    /// <summary>The right-to-left parse of the sentence, mapped back to left-to-right positions in the scratch's backward arrays.</summary>
    private void ParseBackward(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParserScratch scratch) =>
        ParseReversed(Backward!, words, tags, scratch, scratch.BackwardHeads, scratch.BackwardLabels, scratch.BackwardMargins);

    /// <summary>A parser trained on reversed sentences, run on the reversed sentence, its arcs mapped back to left-to-right positions.</summary>
    private static void ParseReversed(DependencyParser parser, ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParserScratch scratch, int[] bh, int[] bl, float[] bm)
    {
        var n = words.Length;
        var rw = scratch.Words; var rt = scratch.Tags;
        for (var i = 0; i < n; i++) { rw[i] = words[n - 1 - i]; rt[i] = tags[n - 1 - i]; }
        // The backward parse into the reversed slots, then mapped back: word d is reversed word n+1-d.
        var rh = scratch.ReversedHeads; var rl = scratch.ReversedLabels; var rm = scratch.ReversedMargins;
        parser.Parse(rw.AsSpan(0, n), rt.AsSpan(0, n), scratch.State, rh, rl, rm);
        for (var d = 1; d <= n; d++)
        {
            var r = n + 1 - d;
            bh[d] = rh[r] == 0 ? 0 : n + 1 - rh[r];
            bl[d] = rl[r];
            bm[d] = rm[r];
        }
    }

    /// <summary>
    /// The graph parser with whichever transition parsers <see cref="Combination"/> selects, combined by
    /// <see cref="ArcVoting"/>: members in the order forward, backward, graph (ties go to the earlier).
    /// </summary>
    private void ParseEnsemble(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParserScratch scratch, Span<int> heads, Span<int> labels)
    {
        var n = words.Length;
        var c = Combination;
        scratch.Ensure(n, 0);
        var k = 0;
        if (c.Forward)
        {
            Forward.Parse(words, tags, scratch.State, scratch.ForwardHeads, scratch.ForwardLabels, scratch.ForwardMargins);
            AddMember(scratch, k++, scratch.ForwardHeads, scratch.ForwardLabels, scratch.ForwardMargins, n, c.Scheme == CombinationScheme.Votes);
        }
        if (Backward is not null && c.Backward)
        {
            ParseBackward(words, tags, scratch);
            AddMember(scratch, k++, scratch.BackwardHeads, scratch.BackwardLabels, scratch.BackwardMargins, n, c.Scheme == CombinationScheme.Votes);
        }
        if (k == 2 && c.Scheme == CombinationScheme.Votes && c.GraphWeight <= 1 && !c.GraphLabels && SameTree(n, scratch.ForwardHeads, scratch.BackwardHeads))
        {
            // Two agreeing votes outvote the graph parser (weight at most 1) on every word, and the forward
            // parser gives the labels: the graph parse cannot change the result, so it is skipped.
            for (var d = 1; d <= n; d++) { heads[d] = scratch.ForwardHeads[d]; labels[d] = scratch.ForwardLabels[d]; }
            return;
        }
        var graph = Graph!;
        var gs = scratch.Graph;
        graph.Parse(words, tags, gs, scratch.GraphHeads, scratch.GraphLabels, scratch.GraphMargins);
        if (k == 0)
        {
            for (var d = 1; d <= n; d++) { heads[d] = scratch.GraphHeads[d]; labels[d] = scratch.GraphLabels[d]; }
            return;
        }
        float[]? prior = null;
        if (c.Scheme == CombinationScheme.Scores)
        {
            prior = scratch.Prior;
            var m = n + 1;
            for (var d = 1; d <= n; d++)
            {
                var best = float.NegativeInfinity;
                for (var h = 0; h <= n; h++) if (h != d) best = MathF.Max(best, gs.Scores[h * m + d]);
                for (var h = 0; h <= n; h++) prior[h * m + d] = h == d ? Eisner.Impossible : c.GraphWeight * (gs.Scores[h * m + d] - best);
            }
        }
        else
        {
            scratch.MemberHeads[k] = scratch.GraphHeads;
            scratch.MemberLabels[k] = scratch.GraphLabels;
            var w = scratch.MemberWeights[k++];
            for (var d = 1; d <= n; d++)
                w[d] = c.Scheme == CombinationScheme.Votes ? c.GraphWeight : Bias + c.GraphWeight * MathF.Max(scratch.GraphMargins[d], 0);
        }
        var from = scratch.LabelFrom;
        ArcVoting.Combine(n, k, scratch.MemberHeads, scratch.MemberLabels, scratch.MemberWeights, prior, scratch.Voting, heads, labels, from, c.LabelVotes);
        var relabel = c.GraphLabels;
        for (var d = 1; d <= n && !relabel; d++) relabel = from[d] < 0;
        if (!relabel) return;
        // Arcs no member proposed (or every arc, when asked) are labelled by the graph parser's labeler.
        graph.Labeler.Label(gs.Features, heads, gs.Children, scratch.Relabelled);
        for (var d = 1; d <= n; d++) if (c.GraphLabels || from[d] < 0) labels[d] = scratch.Relabelled[d];
    }

    private static bool SameTree(int n, int[] a, int[] b) => a.AsSpan(1, n).SequenceEqual(b.AsSpan(1, n));

    /// <summary>Makes a transition parser's tree member <paramref name="k"/> of the vote, its arcs weighing one vote each or by their margins.</summary>
    private static void AddMember(ParserScratch scratch, int k, int[] memberHeads, int[] memberLabels, float[] margins, int n, bool votes)
    {
        scratch.MemberHeads[k] = memberHeads;
        scratch.MemberLabels[k] = memberLabels;
        var w = scratch.MemberWeights[k];
        // The earliest member gets a hair more, so that ties go to it (the forward parser: the most accurate alone).
        for (var d = 1; d <= n; d++) w[d] = (votes ? 1 : Weight(margins[d])) + (k == 0 ? 1e-4f : 0);
    }

    private static float Weight(float margin) => Bias + (margin == 0 ? Forced : margin);

    public void Write(BinaryWriter writer)
    {
        Forward.Write(writer);
        writer.Write(Backward is not null);
        Backward?.Write(writer);
    }

    /// <summary>
    /// Writes every member with its feature-set flags and the combination (the "parley-parser-5" format):
    /// the transition parsers' flags are stored, so any feature set can go with a backward or graph member.
    /// </summary>
    public void WriteEnsemble(BinaryWriter writer)
    {
        writer.Write(Forward.Clusters);
        writer.Write(Forward.LabelSets);
        Forward.Write(writer);
        writer.Write(Backward is not null);
        Backward?.Write(writer);
        writer.Write(Graph is not null);
        Graph?.Write(writer);
        Combination.Write(writer);
    }

    /// <summary>
    /// Writes the "parley-parser-6" format: the word values' kind, then every transition parser with its
    /// templates' flags (forward, optional backward, then the <see cref="Extra"/> members with their
    /// direction), the optional graph parser and the combination.
    /// </summary>
    public void WriteMembers(BinaryWriter writer)
    {
        writer.Write(Forward.ClusterWords);
        WriteMember(writer, Forward);
        writer.Write(Backward is not null);
        if (Backward is not null) WriteMember(writer, Backward);
        writer.Write7BitEncodedInt(Extra.Count);
        foreach (var member in Extra)
        {
            writer.Write(member.Reversed);
            WriteMember(writer, member.Parser);
        }
        writer.Write(Graph is not null);
        Graph?.Write(writer);
        Combination.Write(writer);
    }

    private static void WriteMember(BinaryWriter writer, DependencyParser parser)
    {
        writer.Write(parser.Clusters);
        writer.Write(parser.LabelSets);
        parser.Write(writer);
    }

    /// <summary>Reads what <see cref="WriteMembers"/> wrote.</summary>
    public static ParserEnsemble ReadMembers(BinaryReader reader)
    {
        var clusterWords = reader.ReadBoolean();
        DependencyParser Member() { var clusters = reader.ReadBoolean(); var labelSets = reader.ReadBoolean(); return DependencyParser.Read(reader, clusters, labelSets, clusterWords); }
        var forward = Member();
        var backward = reader.ReadBoolean() ? Member() : null;
        var extra = new TransitionMember[reader.Read7BitEncodedInt()];
        for (var e = 0; e < extra.Length; e++) { var reversed = reader.ReadBoolean(); extra[e] = new TransitionMember(Member(), reversed); }
        var graph = reader.ReadBoolean() ? GraphParser.Read(reader) : null;
        return new ParserEnsemble(forward, backward, graph, ParserCombination.Read(reader), extra);
    }

    /// <summary>Whether only the "parley-parser-6" format can hold this ensemble: it has extra members, or word values that do not follow the templates.</summary>
    public bool NeedsMembersFormat => Extra.Count > 0 || Forward.ClusterWords != Forward.Clusters || Backward is { } b && b.ClusterWords != b.Clusters;

    /// <summary>Reads what <see cref="WriteEnsemble"/> wrote.</summary>
    public static ParserEnsemble ReadEnsemble(BinaryReader reader)
    {
        var clusters = reader.ReadBoolean();
        var labelSets = reader.ReadBoolean();
        var forward = DependencyParser.Read(reader, clusters, labelSets);
        var backward = reader.ReadBoolean() ? DependencyParser.Read(reader, clusters, labelSets) : null;
        var graph = reader.ReadBoolean() ? GraphParser.Read(reader) : null;
        return new ParserEnsemble(forward, backward, graph, ParserCombination.Read(reader));
    }

    public static ParserEnsemble Read(BinaryReader reader)
    {
        var forward = DependencyParser.Read(reader);
        var backward = reader.ReadBoolean() ? DependencyParser.Read(reader) : null;
        return new ParserEnsemble(forward, backward);
    }
}

/// <summary>Per-thread working memory of <see cref="ParserEnsemble"/> (no allocation per sentence once grown).</summary>
internal sealed class ParserScratch
{
    public readonly ParseState State = new();
    public int[] ForwardHeads = [], ForwardLabels = [], BackwardHeads = [], BackwardLabels = [];
    public int[] ReversedHeads = [], ReversedLabels = [], Tags = [];
    public float[] ForwardMargins = [], BackwardMargins = [], ReversedMargins = [];
    public ulong[] Words = [];
    // The graph member and the vote.
    public readonly GraphScratch Graph = new();
    public readonly VotingScratch Voting = new();
    // The punctuation step after the parse.
    public readonly PunctuationScratch Punctuation = new();
    public int[] GraphHeads = [], GraphLabels = [], LabelFrom = [], Relabelled = [];
    public float[] GraphMargins = [], Prior = [];
    public int[][] MemberHeads = new int[3][], MemberLabels = new int[3][];
    public float[][] MemberWeights = new float[3][];
    // The extra transition members' parses.
    public int[][] ExtraHeads = [], ExtraLabels = [];
    public float[][] ExtraMargins = [];

    /// <summary>Grows the arrays for a sentence of <paramref name="n"/> words and <paramref name="extra"/> extra transition members.</summary>
    public void Ensure(int n, int extra)
    {
        if (ForwardHeads.Length >= n + 1 && ExtraHeads.Length >= extra) return;
        var size = Math.Max(Math.Max(64, (n + 1) * 2), ForwardHeads.Length);
        extra = Math.Max(extra, ExtraHeads.Length);
        MemberHeads = new int[3 + extra][]; MemberLabels = new int[3 + extra][]; MemberWeights = new float[3 + extra][];
        ExtraHeads = new int[extra][]; ExtraLabels = new int[extra][]; ExtraMargins = new float[extra][];
        for (var e = 0; e < extra; e++) { ExtraHeads[e] = new int[size]; ExtraLabels[e] = new int[size]; ExtraMargins[e] = new float[size]; }
        ForwardHeads = new int[size]; ForwardLabels = new int[size]; BackwardHeads = new int[size]; BackwardLabels = new int[size];
        ReversedHeads = new int[size]; ReversedLabels = new int[size]; Tags = new int[size];
        ForwardMargins = new float[size]; BackwardMargins = new float[size]; ReversedMargins = new float[size];
        Words = new ulong[size];
        GraphHeads = new int[size]; GraphLabels = new int[size]; LabelFrom = new int[size]; Relabelled = new int[size];
        GraphMargins = new float[size];
        Prior = new float[size * size];
        for (var k = 0; k < MemberWeights.Length; k++) MemberWeights[k] = new float[size];
    }
}

/// <summary>A transition parser of an ensemble beyond its forward and backward ones, and whether it was trained on reversed sentences.</summary>
internal sealed record TransitionMember(DependencyParser Parser, bool Reversed);
