using Parley.Syntax.Learning;
using Parley.Syntax.Tagging;

namespace Parley.Syntax.Parsing;

/// <summary>
/// Greedy arc-hybrid dependency parser scored by an averaged perceptron over labelled transitions
/// (SHIFT, LEFT-label, RIGHT-label), with rich features of the stack, buffer, children and
/// distances in the style of Zhang and Nivre (2011); trained with a dynamic oracle and error
/// exploration so it learns to recover from its own mistakes.
/// </summary>
internal sealed class DependencyParser
{
    private const int MaxFeatures = 112;
    private const int None = 0, RootValue = 1;

    private readonly LinearModel _model;
    private readonly int _rootLabel;
    private readonly int[] _coarse;

    public DependencyParser(LinearModel model, string[] labels, int[] coarseOfTag, bool clusters = true, bool? labelSets = null, bool? clusterWords = null)
    {
        Clusters = clusters;
        LabelSets = labelSets ?? clusters;
        ClusterWords = clusterWords ?? clusters;
        _model = model;
        Labels = labels;
        _coarse = coarseOfTag;
        _rootLabel = Array.IndexOf(labels, "root");
        if (_rootLabel < 0) throw new InvalidDataException("PARLEY-S003: parser model has no 'root' label");
    }

    /// <summary>Dependency relation names; label id = index.</summary>
    public string[] Labels { get; }

    /// <summary>
    /// Whether the model reads word clusters and dependents' label sets (false for models saved before
    /// they existed): it decides the feature templates and the word values (<see cref="Tagging.WordFeatures.LowerHashes"/>).
    /// </summary>
    public bool Clusters { get; }

    /// <summary>
    /// Whether the word values carry the word's cluster code (<see cref="Tagging.WordFeatures.LowerHashes"/>
    /// with clusters); by default as <see cref="Clusters"/>. A parser without the cluster templates may still
    /// read such values, so that it can join an ensemble with cluster parsers (one hashing serves all members).
    /// </summary>
    public bool ClusterWords { get; }

    /// <summary>Whether the model reads the label sets of the dependents found so far (by default with the clusters).</summary>
    public bool LabelSets { get; }

    public LinearModel Model => _model;

    /// <summary>UPOS class of each joint tag id.</summary>
    public int[] Coarse => _coarse;

    private int L => Labels.Length;

    /// <summary>
    /// Parses one sentence given per-word lower-case form hashes and tag ids (index 0 = first word).
    /// Writes heads (1-based, 0 = root) and label ids for words 1..n into <paramref name="heads"/>/<paramref name="labels"/> (index 0 unused).
    /// </summary>
    /// <remarks>
    /// When <paramref name="margins"/> is not empty it receives, for each word, how far the move that
    /// attached it outscored the best valid move of another kind (a different head or no arc yet);
    /// 0 when that move was the only one possible. <see cref="ParserEnsemble"/> weighs arcs by it.
    /// </remarks>
    public void Parse(ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, ParseState state, Span<int> heads, Span<int> labels, Span<float> margins = default)
    {
        var n = words.Length;
        state.Reset(n);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[_model.Classes];
        while (!state.Terminal)
        {
            var count = Extract(state, words, tags, _coarse, features, Clusters, LabelSets);
            _model.Score(features[..count], scores);
            var best = BestValid(state, scores);
            if (best != 0 && !margins.IsEmpty) margins[state.S0] = Margin(state, scores, best);
            Apply(state, best);
        }
        for (var i = 1; i <= n; i++) { heads[i] = state.Heads[i]; labels[i] = state.Labels[i]; }
    }

    /// <summary>Score of arc move <paramref name="best"/> minus that of the best valid move of another kind (0 if there is none).</summary>
    private float Margin(ParseState state, ReadOnlySpan<float> scores, int best)
    {
        var other = float.NegativeInfinity;
        if (state.CanShift) other = scores[0];
        var isLeft = best <= L;
        if (isLeft && state.CanRight)
        {
            if (state.S1 == 0) other = MathF.Max(other, scores[1 + L + _rootLabel]);
            else for (var l = 0; l < L; l++) if (l != _rootLabel) other = MathF.Max(other, scores[1 + L + l]);
        }
        if (!isLeft && state.CanLeft)
            for (var l = 0; l < L; l++) if (l != _rootLabel) other = MathF.Max(other, scores[1 + l]);
        return float.IsNegativeInfinity(other) ? 0 : scores[best] - other;
    }

    private int BestValid(ParseState state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (state.CanShift) { best = 0; bestScore = scores[0]; }
        if (state.CanLeft)
        {
            for (var l = 0; l < L; l++)
                if (l != _rootLabel && scores[1 + l] > bestScore) { best = 1 + l; bestScore = scores[1 + l]; }
        }
        if (state.CanRight)
        {
            if (state.S1 == 0)
            {
                if (best < 0 || scores[1 + L + _rootLabel] > bestScore) best = 1 + L + _rootLabel;
            }
            else
            {
                for (var l = 0; l < L; l++)
                    if (l != _rootLabel && scores[1 + L + l] > bestScore) { best = 1 + L + l; bestScore = scores[1 + L + l]; }
            }
        }
        return best;
    }

    private void Apply(ParseState state, int action)
    {
        if (action == 0) state.Shift();
        else if (action <= L) state.Left(action - 1);
        else state.Right(action - 1 - L);
    }

    /// <summary>Feature keys of a configuration.</summary>
    private static int Extract(ParseState st, ReadOnlySpan<ulong> words, ReadOnlySpan<int> tags, int[] coarse, Span<ulong> f, bool clusters, bool labelSets)
    {
        // Word x (1-based) -> values; None for absent positions, RootValue for the root.

        int s0 = st.S0, s1 = st.S1, s2 = st.S2, b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
        int s0L = Child(st.Left1, s0), s0L2 = Child(st.Left2, s0), s0R = Child(st.Right1, s0), s0R2 = Child(st.Right2, s0);
        int s1L = Child(st.Left1, s1), s1R = Child(st.Right1, s1);
        int b0L = Child(st.Left1, b0), b0L2 = Child(st.Left2, b0);
        ulong s0w = W(words, s0), s0t = T(tags, s0), s1w = W(words, s1), s1t = T(tags, s1), s2t = T(tags, s2);
        ulong b0w = W(words, b0), b0t = T(tags, b0), b1w = W(words, b1), b1t = T(tags, b1), b2w = W(words, b2), b2t = T(tags, b2);
        var dist = (ulong)(s0 > 0 && b0 > 0 ? Math.Min(b0 - s0, 5) : 0);
        var dist1 = (ulong)(s0 > 0 && s1 > 0 ? Math.Min(s0 - s1, 5) : 0);
        ulong s0vl = s0 >= 0 ? (ulong)st.LeftCount[s0] : 9, s0vr = s0 >= 0 ? (ulong)st.RightCount[s0] : 9;
        ulong b0vl = b0 >= 0 ? (ulong)st.LeftCount[b0] : 9, s1vr = s1 >= 0 ? (ulong)st.RightCount[s1] : 9;

        var k = 0;
        f[k++] = FeatureHash.Key(0, 0);
        f[k++] = FeatureHash.Key(1, s0w);
        f[k++] = FeatureHash.Key(2, s0t);
        f[k++] = FeatureHash.Key(3, s0w, s0t);
        f[k++] = FeatureHash.Key(4, s1w);
        f[k++] = FeatureHash.Key(5, s1t);
        f[k++] = FeatureHash.Key(6, s1w, s1t);
        f[k++] = FeatureHash.Key(7, b0w);
        f[k++] = FeatureHash.Key(8, b0t);
        f[k++] = FeatureHash.Key(9, b0w, b0t);
        f[k++] = FeatureHash.Key(10, b1w);
        f[k++] = FeatureHash.Key(11, b1t);
        f[k++] = FeatureHash.Key(12, b1w, b1t);
        f[k++] = FeatureHash.Key(13, b2t);
        f[k++] = FeatureHash.Key(14, b2w);
        f[k++] = FeatureHash.Key(15, s2t);
        f[k++] = FeatureHash.Key(16, s0w, b0w);
        f[k++] = FeatureHash.Key(17, s0t, b0t);
        f[k++] = FeatureHash.Key(18, s0w, s0t, b0t);
        f[k++] = FeatureHash.Key(19, s0t, b0w, b0t);
        f[k++] = FeatureHash.Key(20, s0w, b0w, s0t ^ (b0t << 8));
        f[k++] = FeatureHash.Key(21, s1w, s0w);
        f[k++] = FeatureHash.Key(22, s1t, s0t);
        f[k++] = FeatureHash.Key(23, s1t, s0w);
        f[k++] = FeatureHash.Key(24, s1w, s0t);
        f[k++] = FeatureHash.Key(25, b0t, b1t);
        f[k++] = FeatureHash.Key(26, b0t, b1t, b2t);
        f[k++] = FeatureHash.Key(27, s0t, b0t, b1t);
        f[k++] = FeatureHash.Key(28, s1t, s0t, b0t);
        f[k++] = FeatureHash.Key(29, s2t, s1t, s0t);
        f[k++] = FeatureHash.Key(30, s0w, b0t, b1t);
        f[k++] = FeatureHash.Key(31, T(tags, s0L));
        f[k++] = FeatureHash.Key(32, T(tags, s0R));
        f[k++] = FeatureHash.Key(33, s0t, Lb(st, s0L));
        f[k++] = FeatureHash.Key(34, s0t, Lb(st, s0R));
        f[k++] = FeatureHash.Key(35, W(words, s0L));
        f[k++] = FeatureHash.Key(36, W(words, s0R));
        f[k++] = FeatureHash.Key(37, b0t, T(tags, b0L));
        f[k++] = FeatureHash.Key(38, b0t, Lb(st, b0L));
        f[k++] = FeatureHash.Key(39, W(words, b0L));
        f[k++] = FeatureHash.Key(40, s1t, T(tags, s1L));
        f[k++] = FeatureHash.Key(41, s1t, T(tags, s1R));
        f[k++] = FeatureHash.Key(42, s1t, Lb(st, s1R));
        f[k++] = FeatureHash.Key(43, s1t, Lb(st, s1L));
        f[k++] = FeatureHash.Key(44, s0t, T(tags, s0L), T(tags, s0L2));
        f[k++] = FeatureHash.Key(45, s0t, T(tags, s0R), T(tags, s0R2));
        f[k++] = FeatureHash.Key(46, b0t, T(tags, b0L), T(tags, b0L2));
        f[k++] = FeatureHash.Key(47, s1t, s0t, T(tags, s0L));
        f[k++] = FeatureHash.Key(48, s1t, s0t, T(tags, s0R));
        f[k++] = FeatureHash.Key(49, s1t, T(tags, s1R), s0t);
        f[k++] = FeatureHash.Key(50, s0t, b0t, T(tags, b0L));
        f[k++] = FeatureHash.Key(51, s0t, Lb(st, s0L), Lb(st, s0L2));
        f[k++] = FeatureHash.Key(52, s0t, Lb(st, s0R), Lb(st, s0R2));
        f[k++] = FeatureHash.Key(53, b0t, Lb(st, b0L), Lb(st, b0L2));
        f[k++] = FeatureHash.Key(54, dist, s0w);
        f[k++] = FeatureHash.Key(55, dist, s0t);
        f[k++] = FeatureHash.Key(56, dist, b0w);
        f[k++] = FeatureHash.Key(57, dist, b0t);
        f[k++] = FeatureHash.Key(58, dist, s0t, b0t);
        f[k++] = FeatureHash.Key(59, dist1, s1t, s0t);
        f[k++] = FeatureHash.Key(60, s0t, s0vl);
        f[k++] = FeatureHash.Key(61, s0t, s0vr);
        f[k++] = FeatureHash.Key(62, b0t, b0vl);
        f[k++] = FeatureHash.Key(63, s0w, s0vr);
        f[k++] = FeatureHash.Key(64, s1t, s1vr);
        f[k++] = FeatureHash.Key(65, s0w, s0vl);
        f[k++] = FeatureHash.Key(66, b0w, b0vl);
        f[k++] = FeatureHash.Key(67, (ulong)(st.Buffer > st.N ? 1 : 0), s0t, s1t);
        f[k++] = FeatureHash.Key(68, s1w, s0w, b0t);
        f[k++] = FeatureHash.Key(69, s1t, s0w, b0w);
        // Coarse (UPOS) tags generalise over the fine joint tags.
        ulong s0u = U(tags, coarse, s0), s1u = U(tags, coarse, s1), b0u = U(tags, coarse, b0), b1u = U(tags, coarse, b1), b2u = U(tags, coarse, b2);
        f[k++] = FeatureHash.Key(70, s0u, b0u);
        f[k++] = FeatureHash.Key(71, s1u, s0u, b0u);
        f[k++] = FeatureHash.Key(72, s0u, b0u, b1u);
        f[k++] = FeatureHash.Key(73, b0u, b1u, b2u);
        f[k++] = FeatureHash.Key(74, s0u, U(tags, coarse, s0L), U(tags, coarse, s0R));
        f[k++] = FeatureHash.Key(75, s0w, b0u);
        f[k++] = FeatureHash.Key(76, s0u, b0w);
        f[k++] = FeatureHash.Key(77, b0w, b1w);
        if (clusters) k = ClusterFeatures(words, f, k, s0, s1, b0, b1, s0L, s0R, b0L, s0t, b0t, dist);
        if (!labelSets) return k;
        // Label sets of the dependents found so far (Zhang and Nivre 2011): a verb that has its subject.
        ulong s0ll = s0 >= 0 ? st.LeftLabels[s0] : 0, s0rl = s0 >= 0 ? st.RightLabels[s0] : 0, b0ll = b0 >= 0 ? st.LeftLabels[b0] : 0;
        f[k++] = FeatureHash.Key(94, s0t, s0ll);
        f[k++] = FeatureHash.Key(95, s0t, s0rl);
        f[k++] = FeatureHash.Key(96, b0t, b0ll);
        f[k++] = FeatureHash.Key(97, s0w, s0ll);
        f[k++] = FeatureHash.Key(98, s0w, s0rl);
        f[k++] = FeatureHash.Key(99, b0w, b0ll);
        return k;
    }

    /// <summary>Word clusters (Koo et al. 2008): coarse prefixes stand in for tags, full paths for words.</summary>
    private static int ClusterFeatures(ReadOnlySpan<ulong> words, Span<ulong> f, int k, int s0, int s1, int b0, int b1, int s0L, int s0R, int b0L, ulong s0t, ulong b0t, ulong dist)
    {
        ulong s0c = C(words, s0, 15), s0c6 = C(words, s0, 6), s0c4 = C(words, s0, 4);
        ulong b0c = C(words, b0, 15), b0c6 = C(words, b0, 6), b0c4 = C(words, b0, 4);
        ulong s1c = C(words, s1, 15), s1c6 = C(words, s1, 6), b1c6 = C(words, b1, 6);
        f[k++] = FeatureHash.Key(78, s0c);
        f[k++] = FeatureHash.Key(79, s0c6);
        f[k++] = FeatureHash.Key(80, b0c);
        f[k++] = FeatureHash.Key(81, b0c6);
        f[k++] = FeatureHash.Key(82, s1c);
        f[k++] = FeatureHash.Key(83, b1c6);
        f[k++] = FeatureHash.Key(84, s0c4, b0c4);
        f[k++] = FeatureHash.Key(85, s0c6, b0t);
        f[k++] = FeatureHash.Key(86, s0t, b0c6);
        f[k++] = FeatureHash.Key(87, s0c, b0c);
        f[k++] = FeatureHash.Key(88, s1c6, s0c6);
        f[k++] = FeatureHash.Key(89, s0c4, b0c4, C(words, b1, 4));
        f[k++] = FeatureHash.Key(90, s1c6, s0t, b0c6);
        f[k++] = FeatureHash.Key(91, s0t, C(words, s0L, 6), C(words, s0R, 6));
        f[k++] = FeatureHash.Key(92, b0c6, C(words, b0L, 6));
        f[k++] = FeatureHash.Key(93, dist, s0c6, b0c6);
        return k;
    }

    /// <summary>The cluster path prefix of word x (<paramref name="bits"/> bits) + 2; 0 absent, 1 root, 2 a word with no cluster.</summary>
    private static ulong C(ReadOnlySpan<ulong> words, int x, int bits) =>
        x < 0 ? None : x == 0 ? RootValue : WordClusters.Prefix(words[x - 1] >> WordFeatures.FormBits, bits) + 2;
    private static ulong W(ReadOnlySpan<ulong> words, int x) => x < 0 ? None : x == 0 ? RootValue : words[x - 1];
    private static ulong T(ReadOnlySpan<int> tags, int x) => x < 0 ? None : x == 0 ? RootValue : (ulong)(tags[x - 1] + 2);
    private static ulong Lb(ParseState st, int x) => x < 0 ? None : (ulong)(st.Labels[x] + 2);
    private static ulong U(ReadOnlySpan<int> tags, int[] coarse, int x) => x < 0 ? None : x == 0 ? RootValue : (ulong)(coarse[tags[x - 1]] + 2);
    private static int Child(int[] a, int x) => x < 0 ? -1 : a[x];

    /// <summary>A copy without the weights smaller than <paramref name="minimum"/> (absolute).</summary>
    public DependencyParser Pruned(float minimum) => new(_model.Pruned(minimum), Labels, _coarse, Clusters, LabelSets, ClusterWords);

    public void Write(BinaryWriter writer)
    {
        writer.Write(Labels.Length);
        foreach (var l in Labels) writer.Write(l);
        writer.Write(_coarse.Length);
        foreach (var c in _coarse) writer.Write7BitEncodedInt(c);
        _model.Write(writer);
    }

    public static DependencyParser Read(BinaryReader reader, bool clusters = true, bool? labelSets = null, bool? clusterWords = null)
    {
        var labels = new string[reader.ReadInt32()];
        for (var i = 0; i < labels.Length; i++) labels[i] = reader.ReadString();
        var coarse = new int[reader.ReadInt32()];
        for (var i = 0; i < coarse.Length; i++) coarse[i] = reader.Read7BitEncodedInt();
        return new DependencyParser(LinearModel.Read(reader), labels, coarse, clusters, labelSets, clusterWords);
    }

    /// <summary>Trains a parser with the dynamic oracle and error exploration.</summary>
    public static DependencyParser Train(IReadOnlyList<ParserSentence> sentences, string[] labels, int[] coarse, int epochs, int seed, float prune, int minFeatureCount, Action<string>? log, bool clusters = true, bool? labelSets = null, bool? clusterWords = null)
    {
        var withLabelSets = labelSets ?? clusters;
        var l = labels.Length;
        var root = Array.IndexOf(labels, "root");
        var state = new ParseState();
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        // Count features along the gold (static oracle) derivations; rarer ones never get weights.
        var counts = new Dictionary<ulong, int>();
        foreach (var sentence in sentences)
        {
            state.Reset(sentence.Words.Length);
            while (!state.Terminal)
            {
                var count = Extract(state, sentence.Words, sentence.Tags, coarse, features, clusters, withLabelSets);
                foreach (var f in features[..count]) counts[f] = counts.GetValueOrDefault(f) + 1;
                var (shiftCost, leftCost, rightCost) = state.Costs(sentence.Heads);
                var s0 = state.S0;
                if (state.CanLeft && leftCost == 0 && sentence.Heads[s0] == state.Buffer) state.Left(sentence.Labels[s0]);
                else if (state.CanRight && rightCost == 0 && sentence.Heads[s0] == state.S1) state.Right(state.S1 == 0 ? root : sentence.Labels[s0]);
                else if (state.CanShift && shiftCost == 0) state.Shift();
                else if (state.CanRight) state.Right(state.S1 == 0 ? root : sentence.Labels[s0]);
                else state.Shift();
            }
        }
        var trainer = new PerceptronTrainer(1 + 2 * l, minFeatureCount > 1 ? PerceptronTrainer.Frequent(counts, minFeatureCount) : null);
        counts = null;
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).SelectMany(s => Enumerable.Repeat(s, sentences[s].Repeats)).ToArray();
        var scores = new float[1 + 2 * l];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            var explore = epoch > 0;
            foreach (var s in order)
            {
                var sentence = sentences[s];
                state.Reset(sentence.Words.Length);
                var gold = sentence.Heads;
                while (!state.Terminal)
                {
                    var count = Extract(state, sentence.Words, sentence.Tags, coarse, features, clusters, withLabelSets);
                    trainer.Score(features[..count], scores);
                    var (shiftCost, leftCost, rightCost) = state.Costs(gold);
                    int predicted = -1, best = -1;
                    float predictedScore = float.NegativeInfinity, bestScore = float.NegativeInfinity;
                    var s0 = state.S0;
                    void Consider(int action, int cost)
                    {
                        var score = scores[action];
                        if (score > predictedScore || predicted < 0) { predicted = action; predictedScore = score; }
                        if (cost == 0 && (score > bestScore || best < 0)) { best = action; bestScore = score; }
                    }
                    if (state.CanShift) Consider(0, shiftCost);
                    if (state.CanLeft)
                    {
                        var arcIsGold = gold[s0] == state.Buffer;
                        for (var k = 0; k < l; k++)
                            if (k != root) Consider(1 + k, leftCost + (arcIsGold && sentence.Labels[s0] != k ? 1 : 0));
                    }
                    if (state.CanRight)
                    {
                        var arcIsGold = gold[s0] == state.S1;
                        if (state.S1 == 0) Consider(1 + l + root, rightCost);
                        else
                            for (var k = 0; k < l; k++)
                                if (k != root) Consider(1 + l + k, rightCost + (arcIsGold && sentence.Labels[s0] != k ? 1 : 0));
                    }
                    if (best < 0) best = predicted; // no zero-cost move (cannot happen on projective gold)
                    var predictedIsGood = predicted == best || IsZeroCost(predicted, shiftCost, leftCost, rightCost, l, gold, state, sentence.Labels);
                    if (!predictedIsGood) trainer.Update(features[..count], best, predicted);
                    else correct++;
                    total++;
                    trainer.Tick();
                    // Error exploration: after the first epoch, usually follow the model's own (wrong) move.
                    var follow = predictedIsGood || (explore && random.NextDouble() < 0.9) ? predicted : best;
                    if (follow == 0) state.Shift();
                    else if (follow <= l) state.Left(follow - 1);
                    else state.Right(follow - 1 - l);
                }
            }
            log?.Invoke($"parser epoch {epoch + 1}/{epochs}: training transition accuracy {(double)correct / total:F4}");
        }
        return new DependencyParser(trainer.Average(prune), labels, coarse, clusters, withLabelSets, clusterWords);
    }

    private static bool IsZeroCost(int action, int shiftCost, int leftCost, int rightCost, int l, ReadOnlySpan<int> gold, ParseState state, int[] goldLabels)
    {
        if (action == 0) return shiftCost == 0;
        var s0 = state.S0;
        if (action <= l) return leftCost == 0 && !(gold[s0] == state.Buffer && goldLabels[s0] != action - 1);
        return rightCost == 0 && !(gold[s0] == state.S1 && goldLabels[s0] != action - 1 - l);
    }
}

/// <summary>
/// A training sentence for the parser: per-word form hashes and tag ids (0-based), projective gold
/// heads and label ids (1-based, index 0 unused), and how many times an epoch visits it.
/// </summary>
internal sealed record ParserSentence(ulong[] Words, int[] Tags, int[] Heads, int[] Labels, int Repeats = 1);
