using FsCheck;
using FsCheck.Xunit;
using Parley.Syntax.Parsing;

namespace Parley.Syntax.Tests;

/// <summary>
/// Eisner's algorithm, which turns the two parse directions' arcs into one tree: it must always return
/// one projective tree with a single root word, and find a tree that the scores clearly favour.
/// </summary>
public sealed class TreeCombinationTests
{
    /// <summary>A random projective tree over words 1..n (heads[0] unused): each word attaches inside its span.</summary>
    private static int[] RandomProjectiveTree(int n, Random random)
    {
        var heads = new int[n + 1];
        void Build(int lo, int hi, int head)
        {
            if (lo > hi) return;
            var root = random.Next(lo, hi + 1);
            heads[root] = head;
            Build(lo, root - 1, root);
            Build(root + 1, hi, root);
        }
        Build(1, n, 0);
        return heads;
    }

    private static bool IsProjectiveTree(int n, ReadOnlySpan<int> heads)
    {
        var roots = 0;
        for (var d = 1; d <= n; d++)
        {
            if (heads[d] < 0 || heads[d] > n || heads[d] == d) return false;
            if (heads[d] == 0) roots++;
            var (lo, hi) = heads[d] < d ? (heads[d], d) : (d, heads[d]);
            for (var k = lo + 1; k < hi; k++)
            {
                var a = k;
                for (var steps = 0; a != heads[d] && a != 0 && steps <= n; steps++) a = heads[a];
                if (a != heads[d]) return false;
            }
        }
        return roots == 1;
    }

    [Property(MaxTest = 200)]
    public bool Any_scores_give_one_projective_tree_with_one_root(PositiveInt size, int seed)
    {
        var n = 1 + size.Get % 30;
        var random = new Random(seed);
        var m = n + 1;
        var score = new float[m * m];
        for (var i = 0; i < score.Length; i++) score[i] = random.Next(4) == 0 ? Eisner.Impossible : (float)random.NextDouble();
        // At least one tree must be possible: keep a random projective tree's arcs allowed.
        var allowed = RandomProjectiveTree(n, random);
        for (var d = 1; d <= n; d++) score[allowed[d] * m + d] = (float)random.NextDouble();
        var heads = new int[m];
        Eisner.Decode(n, score, new Eisner.Chart(), heads);
        return IsProjectiveTree(n, heads);
    }

    [Property(MaxTest = 200)]
    public bool A_clearly_favoured_projective_tree_is_found(PositiveInt size, int seed)
    {
        var n = 1 + size.Get % 30;
        var random = new Random(seed);
        var gold = RandomProjectiveTree(n, random);
        var m = n + 1;
        var score = new float[m * m];
        for (var i = 0; i < score.Length; i++) score[i] = (float)random.NextDouble();
        for (var d = 1; d <= n; d++) score[gold[d] * m + d] += n + 1;
        var heads = new int[m];
        Eisner.Decode(n, score, new Eisner.Chart(), heads);
        return heads.AsSpan(1).SequenceEqual(gold.AsSpan(1));
    }
}
