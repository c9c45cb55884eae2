using Parley.Syntax.Learning;

namespace Parley.Syntax.Parsing;

/// <summary>
/// Labels the arcs of a finished tree: a multiclass averaged perceptron over the relation labels,
/// reading both ends of the arc (words, tags, neighbours), its direction and distance, and a little
/// of the tree around it (whether the dependent is its head's nearest on that side, how many
/// dependents it has). <see cref="GraphParser"/> finds heads only; this gives them relations.
/// </summary>
internal sealed class ArcLabeler
{
    public const int Templates = 18;

    public ArcLabeler(LinearModel model, string[] labels)
    {
        Model = model;
        Labels = labels;
        RootLabel = Array.IndexOf(labels, "root");
        if (RootLabel < 0) throw new InvalidDataException("PARLEY-S003: parser model has no 'root' label");
    }

    public LinearModel Model { get; }

    /// <summary>Relation names; label id = index.</summary>
    public string[] Labels { get; }

    public int RootLabel { get; }

    /// <summary>Label ids for words 1..n of the tree <paramref name="heads"/> (1-based, 0 = root): "root" for the root's dependent, the best other label elsewhere.</summary>
    public void Label(ArcFeatures a, ReadOnlySpan<int> heads, int[] children, Span<int> labels)
    {
        Span<ulong> f = stackalloc ulong[Templates];
        Span<float> scores = stackalloc float[Model.Classes];
        CountChildren(a.N, heads, children);
        for (var d = 1; d <= a.N; d++)
        {
            if (heads[d] == 0) { labels[d] = RootLabel; continue; }
            Extract(a, heads, children, d, f);
            Model.Score(f, scores);
            labels[d] = Best(scores, RootLabel);
        }
    }

    private static int Best(ReadOnlySpan<float> scores, int root)
    {
        var best = root == 0 ? 1 : 0;
        for (var l = 0; l < scores.Length; l++)
            if (l != root && scores[l] > scores[best]) best = l;
        return best;
    }

    /// <summary>children[x] = left dependents of x, children[n + 1 + x] = right dependents.</summary>
    private static void CountChildren(int n, ReadOnlySpan<int> heads, int[] children)
    {
        Array.Clear(children, 0, 2 * (n + 1));
        for (var d = 1; d <= n; d++) children[heads[d] > d ? heads[d] : n + 1 + heads[d]]++;
    }

    /// <summary>Whether no other dependent of d's head lies between the two on that side.</summary>
    private static bool IsNearest(ReadOnlySpan<int> heads, int d)
    {
        var h = heads[d];
        var (lo, hi) = h < d ? (h + 1, d) : (d + 1, h);
        for (var k = lo; k < hi; k++) if (heads[k] == h) return false;
        return true;
    }

    private static void Extract(ArcFeatures a, ReadOnlySpan<int> heads, int[] children, int d, Span<ulong> f)
    {
        var n = a.N;
        var h = heads[d];
        var distance = (ulong)ArcFeatures.Distance(h, d);
        var direction = distance / 6;
        ulong dw = a.W(d), dt = a.T(d), hw = a.W(h), ht = a.T(h);
        var nearest = IsNearest(heads, d) ? 1UL : 0;
        var kids = (ulong)(Math.Min(children[d], 3) * 4 + Math.Min(children[n + 1 + d], 3));
        f[0] = FeatureHash.Key(200, 0);
        f[1] = FeatureHash.Key(201, dw);
        f[2] = FeatureHash.Key(202, dt);
        f[3] = FeatureHash.Key(203, hw);
        f[4] = FeatureHash.Key(204, ht);
        f[5] = FeatureHash.Key(205, ht, dt);
        f[6] = FeatureHash.Key(206, hw, dt);
        f[7] = FeatureHash.Key(207, ht, dw);
        f[8] = FeatureHash.Key(208, dt, distance);
        f[9] = FeatureHash.Key(209, ht, dt, distance);
        f[10] = FeatureHash.Key(210, dw, direction);
        f[11] = FeatureHash.Key(211, dt, a.T(d + 1));
        f[12] = FeatureHash.Key(212, dt, a.T(d - 1));
        f[13] = FeatureHash.Key(213, ht, dt, nearest * 4 + direction);
        f[14] = FeatureHash.Key(214, dt, kids);
        f[15] = FeatureHash.Key(215, a.U(d), a.U(h), a.U(h - 1));
        f[16] = FeatureHash.Key(216, ht, dt, a.T(d + 1));
        f[17] = FeatureHash.Key(217, hw, dw);
    }

    /// <summary>Collects the label features of the gold arcs of a sentence (for the feature counts).</summary>
    public static void Count(ArcFeatures a, ReadOnlySpan<int> heads, int[] children, Dictionary<ulong, int> counts)
    {
        Span<ulong> f = stackalloc ulong[Templates];
        CountChildren(a.N, heads, children);
        for (var d = 1; d <= a.N; d++)
        {
            if (heads[d] == 0) continue;
            Extract(a, heads, children, d, f);
            foreach (var k in f) counts[k] = counts.GetValueOrDefault(k) + 1;
        }
    }

    /// <summary>One perceptron pass over the gold arcs of a sentence; returns how many labels were already right.</summary>
    public static int Train(ArcFeatures a, ReadOnlySpan<int> heads, ReadOnlySpan<int> gold, int[] children, PerceptronTrainer trainer, int root)
    {
        Span<ulong> f = stackalloc ulong[Templates];
        Span<float> scores = stackalloc float[trainer.Classes];
        CountChildren(a.N, heads, children);
        var correct = 0;
        for (var d = 1; d <= a.N; d++)
        {
            if (heads[d] == 0) continue;
            Extract(a, heads, children, d, f);
            trainer.Score(f, scores);
            var guess = Best(scores, root);
            if (guess == gold[d]) correct++;
            else trainer.Update(f, gold[d], guess);
            trainer.Tick();
        }
        return correct;
    }
}
