namespace Parley.Syntax.Parsing;

/// <summary>
/// Makes a tree projective for training by lifting: while some arc crosses another, the shortest
/// non-projective arc's dependent is re-attached to its head's head. The transition system can only
/// build projective trees, so the oracle needs one to aim at.
/// </summary>
internal static class Projectivizer
{
    /// <summary>Returns projective heads (1-based words, index 0 unused, 0 = root) for <paramref name="heads"/>.</summary>
    public static int[] Lift(int[] heads)
    {
        var h = (int[])heads.Clone();
        var n = h.Length - 1;
        while (true)
        {
            var worst = -1;
            var worstLength = int.MaxValue;
            for (var d = 1; d <= n; d++)
            {
                var head = h[d];
                if (head <= 0) continue;
                var length = Math.Abs(head - d);
                if (length >= worstLength || IsProjective(h, head, d)) continue;
                worst = d;
                worstLength = length;
            }
            if (worst < 0) return h;
            h[worst] = h[h[worst]];
        }
    }

    private static bool IsProjective(int[] h, int head, int dependent)
    {
        var (lo, hi) = head < dependent ? (head, dependent) : (dependent, head);
        for (var k = lo + 1; k < hi; k++)
        {
            // Every word between head and dependent must descend from head.
            var a = k;
            var steps = 0;
            while (a != head && a > 0 && steps++ < h.Length) a = h[a];
            if (a != head) return false;
        }
        return true;
    }
}
