namespace Parley.Syntax.Parsing;

/// <summary>
/// Combines the trees of several parsers arc by arc (Sagae and Lavie 2006): each word takes the head
/// with the largest summed weight over the members that proposed it (ties to the earlier member);
/// when those choices do not form a tree, or when a full matrix of prior arc scores is given, the best
/// projective tree is found with Eisner's algorithm over the summed weights. Each label is the one with
/// the largest summed weight among the members that proposed the chosen arc (or the heaviest such member's).
/// </summary>
internal static class ArcVoting
{
    /// <summary>Above this many words the O(n³) tree search is skipped and the first member's tree (heads and labels) kept.</summary>
    public const int MaxTreeSearch = 250;

    /// <summary>
    /// Combines <paramref name="members"/> trees: heads[k][d], labels[k][d], weights[k][d] for member k and
    /// word d (1..n). With <paramref name="prior"/> (a matrix [h * (n + 1) + d] over every arc, overwritten)
    /// the members' weights are added to it and the tree search always runs. Returns the heads and, for
    /// each word, the member whose label it took (-1 when no member proposed the chosen arc: the caller labels it).
    /// </summary>
    public static void Combine(int n, int members, int[][] heads, int[][] labels, float[][] weights, float[]? prior,
        VotingScratch s, Span<int> outHeads, Span<int> outLabels, Span<int> labelFrom, bool voteLabels = true)
    {
        var m = n + 1;
        s.Ensure(m);
        if (prior is null)
        {
            var roots = 0;
            for (var d = 1; d <= n; d++)
            {
                var best = heads[0][d];
                var bestWeight = float.NegativeInfinity;
                for (var k = 0; k < members; k++)
                {
                    var h = heads[k][d];
                    var sum = 0f;
                    for (var j = 0; j < members; j++) if (heads[j][d] == h) sum += weights[j][d];
                    if (sum > bestWeight) { bestWeight = sum; best = h; }
                }
                outHeads[d] = best;
                if (best == 0) roots++;
            }
            if (roots != 1 || !IsAcyclic(n, outHeads, s.Mark))
            {
                if (n > MaxTreeSearch)
                {
                    // The first member's tree is kept whole, its labels too.
                    for (var d = 1; d <= n; d++) { outHeads[d] = heads[0][d]; outLabels[d] = labels[0][d]; labelFrom[d] = 0; }
                    return;
                }
                var score = s.Matrix;
                Array.Fill(score, Eisner.Impossible, 0, m * m);
                AddMembers(n, members, heads, weights, score, fresh: true);
                Eisner.Decode(n, score, s.Chart, outHeads);
            }
        }
        else
        {
            AddMembers(n, members, heads, weights, prior, fresh: false);
            Eisner.Decode(n, prior, s.Chart, outHeads);
        }
        // Labels are voted too, among the members that proposed the chosen arc (without voteLabels: the heaviest member's).
        for (var d = 1; d <= n; d++)
        {
            labelFrom[d] = -1;
            var bestWeight = float.NegativeInfinity;
            for (var k = 0; k < members; k++)
            {
                if (heads[k][d] != outHeads[d]) continue;
                var sum = 0f;
                for (var j = 0; j < members; j++)
                    if (heads[j][d] == outHeads[d] && (j == k || voteLabels && labels[j][d] == labels[k][d])) sum += weights[j][d];
                if (sum <= bestWeight) continue;
                bestWeight = sum;
                labelFrom[d] = k;
                outLabels[d] = labels[k][d];
            }
        }
    }

    /// <summary>Adds each member's arc weights into <paramref name="score"/>; <paramref name="fresh"/>: cells still <see cref="Eisner.Impossible"/> are set rather than added to.</summary>
    private static void AddMembers(int n, int members, int[][] heads, float[][] weights, float[] score, bool fresh)
    {
        var m = n + 1;
        for (var k = 0; k < members; k++)
        {
            for (var d = 1; d <= n; d++)
            {
                var cell = heads[k][d] * m + d;
                if (fresh && score[cell] == Eisner.Impossible) score[cell] = weights[k][d];
                else score[cell] += weights[k][d];
            }
        }
    }

    /// <summary>True when following heads from every word reaches the root.</summary>
    public static bool IsAcyclic(int n, ReadOnlySpan<int> heads, int[] mark)
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
}

/// <summary>Working memory of <see cref="ArcVoting"/>.</summary>
internal sealed class VotingScratch
{
    public float[] Matrix = [];
    public int[] Mark = [];
    public readonly Eisner.Chart Chart = new();

    public void Ensure(int m)
    {
        if (Matrix.Length < m * m) Matrix = new float[4 * m * m];
        if (Mark.Length < m) Mark = new int[2 * m];
    }
}
