using Parley.Core.Model;
using Parley.Syntax.Learning;

namespace Parley.Syntax.Tagging;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS+XPOS tag per token, from
/// the word, its lower-case form, prefixes and suffixes (1-4), shape, the two words on each side
/// and the two previous predicted tags.
/// </summary>
internal sealed class PosTagger
{
    private const int MaxFeatures = 56;

    private readonly LinearModel _model;
    private readonly LinearModel? _second;

    /// <summary>
    /// A tagger from a left-to-right model and, optionally, a second-pass model that also sees the
    /// first pass's tags of the next two words (so "that" before a verb and before a noun differ).
    /// </summary>
    public PosTagger(LinearModel model, LinearModel? second, string[] upos, string[] xpos, TaggerClusters clusters = TaggerClusters.All)
    {
        Clusters = clusters;
        _model = model;
        _second = second;
        Upos = upos;
        Xpos = xpos;
    }

    /// <summary>Which word-cluster templates the model reads (none for models saved before they existed).</summary>
    public TaggerClusters Clusters { get; }

    /// <summary>UPOS of each joint tag.</summary>
    public string[] Upos { get; }

    /// <summary>XPOS of each joint tag.</summary>
    public string[] Xpos { get; }

    public LinearModel Model => _model;

    public LinearModel? SecondPass => _second;

    /// <summary>Tags the tokens at <paramref name="spans"/> of <paramref name="text"/>, writing joint tag ids to <paramref name="tags"/>.</summary>
    public void Tag(string text, ReadOnlySpan<TextSpan> spans, Span<int> tags)
    {
        var n = spans.Length;
        var values = n * WordFeatures.Stride <= 4096 ? stackalloc ulong[n * WordFeatures.Stride] : new ulong[n * WordFeatures.Stride];
        WordFeatures.Compute(text, spans, values, Clusters != TaggerClusters.None);
        if (_second is null)
        {
            Pass(_model, values, n, default, tags, Clusters);
            return;
        }
        var first = n <= 512 ? stackalloc int[n] : new int[n];
        Pass(_model, values, n, default, first, Clusters);
        Pass(_second, values, n, first, tags, Clusters);
    }

    /// <summary>Runs this tagger's model as a second pass over given first-pass tags (for jackknifing).</summary>
    public void TagSecondPass(string text, ReadOnlySpan<TextSpan> spans, ReadOnlySpan<int> firstPass, Span<int> tags)
    {
        var values = new ulong[spans.Length * WordFeatures.Stride];
        WordFeatures.Compute(text, spans, values, Clusters != TaggerClusters.None);
        Pass(_model, values, spans.Length, firstPass, tags, Clusters);
    }

    private static void Pass(LinearModel model, ReadOnlySpan<ulong> values, int n, ReadOnlySpan<int> firstPass, Span<int> tags, TaggerClusters clusters)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[model.Classes];
        for (var i = 0; i < n; i++)
        {
            var count = Extract(values, n, i, i > 0 ? tags[i - 1] + 1 : 0, i > 1 ? tags[i - 2] + 1 : 0, firstPass, features, clusters);
            model.Score(features[..count], scores);
            tags[i] = ArgMax(scores);
        }
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var k = 1; k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
        return best;
    }

    /// <summary>The feature keys of position <paramref name="i"/>; <paramref name="p1"/>, <paramref name="p2"/> are previous tag ids + 1 (0 = none).</summary>
    internal static int Extract(ReadOnlySpan<ulong> v, int n, int i, int p1, int p2, ReadOnlySpan<int> firstPass, Span<ulong> f, TaggerClusters clusters)
    {
        const int S = WordFeatures.Stride;
        var me = v.Slice(i * S, S);
        var k = 0;
        f[k++] = FeatureHash.Key(0, 0);
        f[k++] = FeatureHash.Key(1, me[WordFeatures.Lower]);
        f[k++] = FeatureHash.Key(2, me[WordFeatures.Word]);
        f[k++] = FeatureHash.Key(3, me[WordFeatures.Shape]);
        for (var a = 0; a < 4; a++)
        {
            if (me[WordFeatures.Pre1 + a] != 0) f[k++] = FeatureHash.Key(4 + a, me[WordFeatures.Pre1 + a]);
            if (me[WordFeatures.Suf1 + a] != 0) f[k++] = FeatureHash.Key(8 + a, me[WordFeatures.Suf1 + a]);
        }
        f[k++] = FeatureHash.Key(12, me[WordFeatures.Flags]);
        f[k++] = FeatureHash.Key(13, At(v, n, WordFeatures.Lower, i - 1));
        f[k++] = FeatureHash.Key(14, At(v, n, WordFeatures.Lower, i + 1));
        f[k++] = FeatureHash.Key(15, At(v, n, WordFeatures.Lower, i - 2));
        f[k++] = FeatureHash.Key(16, At(v, n, WordFeatures.Lower, i + 2));
        f[k++] = FeatureHash.Key(17, At(v, n, WordFeatures.Suf1 + 2, i - 1));
        f[k++] = FeatureHash.Key(18, At(v, n, WordFeatures.Suf1 + 2, i + 1));
        f[k++] = FeatureHash.Key(19, At(v, n, WordFeatures.Shape, i - 1));
        f[k++] = FeatureHash.Key(20, At(v, n, WordFeatures.Shape, i + 1));
        f[k++] = FeatureHash.Key(21, (ulong)p1);
        f[k++] = FeatureHash.Key(22, (ulong)p2);
        f[k++] = FeatureHash.Key(23, (ulong)p1, (ulong)p2);
        f[k++] = FeatureHash.Key(24, (ulong)p1, me[WordFeatures.Lower]);
        f[k++] = FeatureHash.Key(25, me[WordFeatures.Lower], At(v, n, WordFeatures.Lower, i + 1));
        f[k++] = FeatureHash.Key(26, At(v, n, WordFeatures.Lower, i - 1), me[WordFeatures.Lower]);
        f[k++] = FeatureHash.Key(27, (ulong)p1, me[WordFeatures.Suf1 + 2]);
        f[k++] = FeatureHash.Key(28, At(v, n, WordFeatures.Shape, i + 1), me[WordFeatures.Shape]);
        // Usual capitalisation mid-sentence, with the position flags and shape: a name at the start of a sentence.
        f[k++] = FeatureHash.Key(33, me[WordFeatures.Case], me[WordFeatures.Flags]);
        f[k++] = FeatureHash.Key(34, me[WordFeatures.Case], me[WordFeatures.Shape]);
        f[k++] = FeatureHash.Key(35, me[WordFeatures.Case], At(v, n, WordFeatures.Case, i + 1));
        // Distributional clusters (coarse to fine) of the word and its neighbours: they carry what was
        // learnt about treebank words over to words used alike.
        if (clusters == TaggerClusters.All) k = ClusterFeatures(v, n, i, p1, me, f, k);
        else if (clusters == TaggerClusters.Few) k = FewClusterFeatures(v, n, i, me, f, k);
        if (firstPass.Length > 0)
        {
            // Second pass: the first pass's tags to the right.
            var r1 = i + 1 < n ? (ulong)firstPass[i + 1] + 1 : 0;
            var r2 = i + 2 < n ? (ulong)firstPass[i + 2] + 1 : 0;
            f[k++] = FeatureHash.Key(29, r1);
            f[k++] = FeatureHash.Key(30, r1, r2);
            f[k++] = FeatureHash.Key(31, r1, me[WordFeatures.Lower]);
            f[k++] = FeatureHash.Key(32, (ulong)p1, r1);
        }
        return k;
    }

    private static int ClusterFeatures(ReadOnlySpan<ulong> v, int n, int i, int p1, ReadOnlySpan<ulong> me, Span<ulong> f, int k)
    {
        var c0 = me[WordFeatures.Cluster];
        ulong cm1 = At(v, n, WordFeatures.Cluster, i - 1), cp1 = At(v, n, WordFeatures.Cluster, i + 1);
        f[k++] = FeatureHash.Key(36, WordClusters.Prefix(c0, 4));
        f[k++] = FeatureHash.Key(37, WordClusters.Prefix(c0, 6));
        f[k++] = FeatureHash.Key(38, WordClusters.Prefix(c0, 10));
        f[k++] = FeatureHash.Key(39, c0);
        f[k++] = FeatureHash.Key(40, cm1);
        f[k++] = FeatureHash.Key(41, cp1);
        f[k++] = FeatureHash.Key(42, WordClusters.Prefix(cm1, 6));
        f[k++] = FeatureHash.Key(43, WordClusters.Prefix(cp1, 6));
        f[k++] = FeatureHash.Key(44, WordClusters.Prefix(At(v, n, WordFeatures.Cluster, i - 2), 6));
        f[k++] = FeatureHash.Key(45, WordClusters.Prefix(At(v, n, WordFeatures.Cluster, i + 2), 6));
        f[k++] = FeatureHash.Key(46, (ulong)p1, c0);
        f[k++] = FeatureHash.Key(47, WordClusters.Prefix(c0, 6), me[WordFeatures.Suf1 + 2]);
        return k;
    }

    /// <summary>
    /// A few of the cluster templates (the word's path at two depths, the next word's, the word's with
    /// its suffix): most of what clusters add for unseen words at a third of the look-ups.
    /// </summary>
    private static int FewClusterFeatures(ReadOnlySpan<ulong> v, int n, int i, ReadOnlySpan<ulong> me, Span<ulong> f, int k)
    {
        var c0 = me[WordFeatures.Cluster];
        var c6 = WordClusters.Prefix(c0, 6);
        f[k++] = FeatureHash.Key(37, c6);
        f[k++] = FeatureHash.Key(39, c0);
        f[k++] = FeatureHash.Key(43, WordClusters.Prefix(At(v, n, WordFeatures.Cluster, i + 1), 6));
        f[k++] = FeatureHash.Key(47, c6, me[WordFeatures.Suf1 + 2]);
        return k;
    }

    private static ulong At(ReadOnlySpan<ulong> v, int n, int field, int j) =>
        j < 0 ? WordFeatures.Start : j >= n ? WordFeatures.End : v[j * WordFeatures.Stride + field];

    public void Write(BinaryWriter writer)
    {
        writer.Write(Upos.Length);
        for (var t = 0; t < Upos.Length; t++) { writer.Write(Upos[t]); writer.Write(Xpos[t]); }
        _model.Write(writer);
        writer.Write(_second is not null);
        _second?.Write(writer);
    }

    public static PosTagger Read(BinaryReader reader, TaggerClusters clusters)
    {
        var n = reader.ReadInt32();
        var upos = new string[n];
        var xpos = new string[n];
        for (var t = 0; t < n; t++) { upos[t] = reader.ReadString(); xpos[t] = reader.ReadString(); }
        var first = LinearModel.Read(reader);
        var second = reader.ReadBoolean() ? LinearModel.Read(reader) : null;
        return new PosTagger(first, second, upos, xpos, clusters);
    }

    /// <summary>
    /// Trains one pass on sentences given as (text, token spans, gold joint tags); a second pass when
    /// <paramref name="firstPass"/> gives each sentence's first-pass tags (jackknifed, as at run time).
    /// </summary>
    public static LinearModel TrainPass(IReadOnlyList<TaggedSentence> sentences, int classes, int[][]? firstPass, int epochs, int seed, float prune, int minFeatureCount, Action<string>? log, TaggerClusters clusters)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        // Features seen fewer than minFeatureCount times along the gold tag sequences never get weights.
        var counts = new Dictionary<ulong, int>();
        for (var si = 0; si < sentences.Count; si++)
        {
            var sentence = sentences[si];
            var n = sentence.Spans.Length;
            var values = new ulong[n * WordFeatures.Stride];
            WordFeatures.Compute(sentence.Text, sentence.Spans, values, clusters != TaggerClusters.None);
            for (var i = 0; i < n; i++)
            {
                var count = Extract(values, n, i, i > 0 ? sentence.Tags[i - 1] + 1 : 0, i > 1 ? sentence.Tags[i - 2] + 1 : 0, firstPass is null ? default : firstPass[si], features, clusters);
                foreach (var f in features[..count]) counts[f] = counts.GetValueOrDefault(f) + 1;
            }
        }
        var trainer = new PerceptronTrainer(classes, minFeatureCount > 1 ? PerceptronTrainer.Frequent(counts, minFeatureCount) : null);
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).SelectMany(s => Enumerable.Repeat(s, sentences[s].Repeats)).ToArray();
        var scores = new float[classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var sentence = sentences[s];
                var n = sentence.Spans.Length;
                var values = new ulong[n * WordFeatures.Stride];
                WordFeatures.Compute(sentence.Text, sentence.Spans, values, clusters != TaggerClusters.None);
                var predicted = new int[n];
                for (var i = 0; i < n; i++)
                {
                    var count = Extract(values, n, i, i > 0 ? predicted[i - 1] + 1 : 0, i > 1 ? predicted[i - 2] + 1 : 0, firstPass is null ? default : firstPass[s], features, clusters);
                    trainer.Score(features[..count], scores);
                    var guess = ArgMax(scores);
                    var gold = sentence.Tags[i];
                    trainer.Update(features[..count], gold, guess);
                    trainer.Tick();
                    predicted[i] = guess;
                    if (guess == gold) correct++;
                    total++;
                }
            }
            log?.Invoke($"tagger {(firstPass is null ? "first" : "second")} pass epoch {epoch + 1}/{epochs}: training accuracy {(double)correct / total:F4}");
        }
        return trainer.Average(prune);
    }
}

/// <summary>Which word-cluster templates a tagger reads (see <see cref="WordClusters"/>).</summary>
public enum TaggerClusters
{
    /// <summary>None (the session-1 feature set).</summary>
    None,
    /// <summary>Four templates: cheap enough for the speed target.</summary>
    Few,
    /// <summary>Twelve templates (session 2).</summary>
    All,
}

/// <summary>A training sentence for the tagger: text, token spans, gold joint tag ids, and how many times an epoch visits it.</summary>
internal sealed record TaggedSentence(string Text, TextSpan[] Spans, int[] Tags, int Repeats = 1);
