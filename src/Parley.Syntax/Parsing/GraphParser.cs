using Parley.Syntax.Learning;

namespace Parley.Syntax.Parsing;

/// <summary>
/// First-order graph-based (arc-factored) dependency parser (McDonald, Crammer and Pereira 2005):
/// every possible arc head -> dependent gets a score from a linear model over features of the arc
/// (<see cref="ArcFeatures"/>), and the best projective tree under the sum of its arc scores is found
/// exactly with Eisner's algorithm; <see cref="ArcLabeler"/> then labels the arcs. It searches the
/// whole sentence at once instead of attaching words one move at a time, so it errs differently
/// from the transition parsers (<see cref="DependencyParser"/>): a useful member of an ensemble.
/// </summary>
internal sealed class GraphParser
{
    private readonly int[] _coarse;
    private readonly string[] _coarseNames;
    private readonly (int Verb, int Punct, int Conj) _kinds;

    public GraphParser(LinearModel side, LinearModel pair, ArcLabeler labeler, int[] coarseOfTag, string[] coarseNames, int maxPairDistance = int.MaxValue)
    {
        MaxPairDistance = maxPairDistance;
        Side = side;
        Pair = pair;
        Labeler = labeler;
        _coarse = coarseOfTag;
        _coarseNames = coarseNames;
        _kinds = Kinds(coarseNames);
    }

    /// <summary>Weights of the one-end ("side") features; classes = other end's coarse tag x direction and distance.</summary>
    public LinearModel Side { get; }

    /// <summary>Weights of the two-end ("pair") features; one class.</summary>
    public LinearModel Pair { get; }

    public ArcLabeler Labeler { get; }

    /// <summary>
    /// Arcs between words further apart than this get no pair features (only the side features, which
    /// know the distance bucket); arcs from the root always get them. Fewer lookups per word in long
    /// sentences; the model is trained with the same limit.
    /// </summary>
    public int MaxPairDistance { get; }

    /// <summary>Dependency relation names; label id = index.</summary>
    public string[] Labels => Labeler.Labels;

    private static (int, int, int) Kinds(string[] coarseNames) =>
        (Array.IndexOf(coarseNames, "VERB"), Array.IndexOf(coarseNames, "PUNCT"), Array.IndexOf(coarseNames, "CCONJ"));

    /// <summary>
    /// Parses one sentence (lower-case form hashes and tag ids, index 0 = first word) into heads
    /// (1-based, 0 = root) and label ids for words 1..n (index 0 unused).
    /// </summary>
    /// <remarks>
    /// When <paramref name="margins"/> is not empty it receives, for each word, how far the score of
    /// the arc to its chosen head exceeds that of its best other head (negative when the tree
    /// constraint overruled the word's own favourite). The arc scores stay in
    /// <see cref="GraphScratch.Scores"/> for a combiner.
    /// </remarks>
    public void Parse(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, GraphScratch scratch, Span<int> heads, Span<int> labels, Span<float> margins = default)
    {
        var n = words.Length;
        scratch.Ensure(n, Side.Classes);
        var a = scratch.Features;
        a.Load(words, tags, _coarse, _coarseNames.Length, _kinds);
        ScoreArcs(a, Side, Pair, scratch, MaxPairDistance);
        Eisner.Decode(n, scratch.Scores, scratch.Chart, heads);
        if (!margins.IsEmpty) Margins(n, scratch.Scores, heads, margins);
        Labeler.Label(a, heads, scratch.Children, labels);
    }

    /// <summary>For each word, its chosen arc's score minus its best other arc's.</summary>
    public static void Margins(int n, float[] scores, ReadOnlySpan<int> heads, Span<float> margins)
    {
        var m = n + 1;
        for (var d = 1; d <= n; d++)
        {
            var other = float.NegativeInfinity;
            for (var h = 0; h <= n; h++)
                if (h != d && h != heads[d]) other = MathF.Max(other, scores[h * m + d]);
            margins[d] = float.IsNegativeInfinity(other) ? 0 : scores[heads[d] * m + d] - other;
        }
    }

    /// <summary>Fills <see cref="GraphScratch.Scores"/>[h * (n + 1) + d] with the score of every arc h -> d.</summary>
    public static void ScoreArcs<TWeights>(ArcFeatures a, TWeights side, TWeights pair, GraphScratch s, int maxPairDistance) where TWeights : IWeights
    {
        var n = a.N;
        var m = n + 1;
        var classes = side.Classes;
        var headScores = s.HeadScores;
        var depScores = s.DependentScores;
        for (var x = 0; x <= n; x++)
        {
            side.Score(a.HeadSide(x), headScores.AsSpan(x * classes, classes));
            if (x > 0) side.Score(a.DependentSide(x), depScores.AsSpan(x * classes, classes));
        }
        const int P = ArcFeatures.PairTemplates;
        var buffer = s.PairFeatures;
        var sums = s.Sums;
        var score = s.Scores;
        for (var d = 1; d <= n; d++)
        {
            var count = 0;
            for (var h = 0; h <= n; h++)
                if (HasPairFeatures(h, d, maxPairDistance)) a.Pair(h, d, buffer.AsSpan(count++ * P, P));
            pair.SumGroups(buffer.AsSpan(0, count * P), P, sums);
            var dc = a.Coarse(d);
            var i = 0;
            for (var h = 0; h <= n; h++)
            {
                if (h == d) continue;
                var distance = ArcFeatures.Distance(h, d);
                score[h * m + d] = headScores[h * classes + ArcFeatures.SideClass(dc, distance)]
                    + depScores[d * classes + ArcFeatures.SideClass(a.Coarse(h), distance)]
                    + (HasPairFeatures(h, d, maxPairDistance) ? sums[i++] : 0);
            }
        }
    }

    /// <summary>Whether arc h -> d gets pair features: not a self-loop, and from the root or within <paramref name="maxPairDistance"/> words.</summary>
    private static bool HasPairFeatures(int h, int d, int maxPairDistance) => h != d && (h == 0 || Math.Abs(h - d) <= maxPairDistance);

    // Files start with the number of tag ids; a negative first number is a format version: -2 = the
    // maximum pair distance follows.
    private const int WithMaxPairDistance = -2;

    public void Write(BinaryWriter writer)
    {
        if (MaxPairDistance != int.MaxValue)
        {
            writer.Write(WithMaxPairDistance);
            writer.Write(MaxPairDistance);
        }
        writer.Write(_coarse.Length);
        foreach (var c in _coarse) writer.Write7BitEncodedInt(c);
        writer.Write(_coarseNames.Length);
        foreach (var c in _coarseNames) writer.Write(c);
        writer.Write(Labels.Length);
        foreach (var l in Labels) writer.Write(l);
        Side.Write(writer);
        Pair.Write(writer);
        Labeler.Model.Write(writer);
    }

    public static GraphParser Read(BinaryReader reader)
    {
        var first = reader.ReadInt32();
        var maxPairDistance = int.MaxValue;
        if (first == WithMaxPairDistance)
        {
            maxPairDistance = reader.ReadInt32();
            first = reader.ReadInt32();
        }
        var coarse = new int[first];
        for (var i = 0; i < coarse.Length; i++) coarse[i] = reader.Read7BitEncodedInt();
        var names = new string[reader.ReadInt32()];
        for (var i = 0; i < names.Length; i++) names[i] = reader.ReadString();
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++) labels[i] = reader.ReadString();
        var side = LinearModel.Read(reader);
        var pair = LinearModel.Read(reader);
        return new GraphParser(side, pair, new ArcLabeler(LinearModel.Read(reader), labels), coarse, names, maxPairDistance);
    }

    /// <summary>A copy without the weights smaller than <paramref name="minimum"/> (absolute).</summary>
    public GraphParser Pruned(float minimum) =>
        new(Side.Pruned(minimum), Pair.Pruned(minimum), new ArcLabeler(Labeler.Model.Pruned(minimum), Labels), _coarse, _coarseNames, MaxPairDistance);

    /// <summary>
    /// Trains with the averaged structured perceptron (Collins 2002): each sentence is parsed with the
    /// current weights, and every word attached to a wrong head moves the weights towards its gold arc
    /// and away from the predicted one. The labeler learns from the gold trees alongside.
    /// </summary>
    public static GraphParser Train(IReadOnlyList<ParserSentence> sentences, string[] labels, int[] coarseOfTag, string[] coarseNames,
        int epochs, int seed, float prune, int minFeatureCount, Action<string>? log, int maxPairDistance = int.MaxValue)
    {
        var kinds = Kinds(coarseNames);
        var classes = ArcFeatures.SideClasses(coarseNames.Length);
        var s = new GraphScratch();
        var a = s.Features;
        const int P = ArcFeatures.PairTemplates;
        Span<ulong> pairFeatures = stackalloc ulong[P];
        // Only features of gold arcs, seen often enough, ever get weights.
        var counts = new Dictionary<ulong, int>();
        void CountAll(ReadOnlySpan<ulong> keys) { foreach (var k in keys) counts[k] = counts.GetValueOrDefault(k) + 1; }
        foreach (var sentence in sentences)
        {
            var n = sentence.Words.Length;
            s.Ensure(n, classes);
            a.Load(sentence.Words, sentence.Tags, coarseOfTag, coarseNames.Length, kinds);
            for (var d = 1; d <= n; d++)
            {
                var h = sentence.Heads[d];
                CountAll(a.HeadSide(h));
                CountAll(a.DependentSide(d));
                if (!HasPairFeatures(h, d, maxPairDistance)) continue;
                a.Pair(h, d, pairFeatures);
                CountAll(pairFeatures);
            }
            ArcLabeler.Count(a, sentence.Heads, s.Children, counts);
        }
        var allowed = minFeatureCount > 1 ? PerceptronTrainer.Frequent(counts, minFeatureCount) : null;
        counts = null;
        var side = new PerceptronTrainer(classes, allowed);
        var pair = new PerceptronTrainer(1, allowed);
        var labelTrainer = new PerceptronTrainer(labels.Length, allowed);
        var root = Array.IndexOf(labels, "root");
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).SelectMany(i => Enumerable.Repeat(i, sentences[i].Repeats)).ToArray();
        var predicted = Array.Empty<int>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, labelled = 0, total = 0;
            foreach (var i in order)
            {
                var sentence = sentences[i];
                var n = sentence.Words.Length;
                s.Ensure(n, classes);
                if (predicted.Length < n + 1) predicted = new int[2 * (n + 1)];
                a.Load(sentence.Words, sentence.Tags, coarseOfTag, coarseNames.Length, kinds);
                ScoreArcs(a, side, pair, s, maxPairDistance);
                Eisner.Decode(n, s.Scores, s.Chart, predicted);
                var gold = sentence.Heads;
                for (var d = 1; d <= n; d++)
                {
                    int g = gold[d], p = predicted[d];
                    total++;
                    if (g == p) { correct++; continue; }
                    side.Add(a.HeadSide(g), ArcFeatures.SideClass(a.Coarse(d), ArcFeatures.Distance(g, d)), 1);
                    side.Add(a.HeadSide(p), ArcFeatures.SideClass(a.Coarse(d), ArcFeatures.Distance(p, d)), -1);
                    side.Add(a.DependentSide(d), ArcFeatures.SideClass(a.Coarse(g), ArcFeatures.Distance(g, d)), 1);
                    side.Add(a.DependentSide(d), ArcFeatures.SideClass(a.Coarse(p), ArcFeatures.Distance(p, d)), -1);
                    if (HasPairFeatures(g, d, maxPairDistance))
                    {
                        a.Pair(g, d, pairFeatures);
                        pair.Add(pairFeatures, 0, 1);
                    }
                    if (HasPairFeatures(p, d, maxPairDistance))
                    {
                        a.Pair(p, d, pairFeatures);
                        pair.Add(pairFeatures, 0, -1);
                    }
                }
                side.Tick();
                pair.Tick();
                labelled += ArcLabeler.Train(a, gold, sentence.Labels, s.Children, labelTrainer, root);
            }
            log?.Invoke($"graph epoch {epoch + 1}/{epochs}: training UAS {(double)correct / total:F4}, labels {(double)labelled / total:F4}");
        }
        return new GraphParser(side.Average(prune), pair.Average(prune), new ArcLabeler(labelTrainer.Average(prune), labels), coarseOfTag, coarseNames, maxPairDistance);
    }
}

/// <summary>Per-thread working memory of <see cref="GraphParser"/> (no allocation per sentence once grown).</summary>
internal sealed class GraphScratch
{
    public readonly ArcFeatures Features = new();
    public readonly Eisner.Chart Chart = new();
    public float[] HeadScores = [], DependentScores = [], Scores = [], Sums = [];
    public ulong[] PairFeatures = [];
    public int[] Children = [];

    public void Ensure(int n, int classes)
    {
        var m = n + 1;
        if (Scores.Length >= m * m && HeadScores.Length >= m * classes) return;
        var size = Math.Max(64, 2 * m);
        HeadScores = new float[size * classes];
        DependentScores = new float[size * classes];
        Scores = new float[size * size];
        Sums = new float[size];
        PairFeatures = new ulong[size * ArcFeatures.PairTemplates];
        Children = new int[2 * size];
    }
}
