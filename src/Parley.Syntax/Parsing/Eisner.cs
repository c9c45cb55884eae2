namespace Parley.Syntax.Parsing;

/// <summary>
/// Eisner's (1996) O(n^3) dynamic programme for the highest-scoring projective dependency tree,
/// constrained to one word attached to the root. Scores are per arc: score[h * (n + 1) + d] for
/// head h (0 = root) and dependent d (1..n); <see cref="Impossible"/> forbids an arc.
/// </summary>
internal static class Eisner
{
    public const float Impossible = -1e6f;

    /// <summary>Working arrays, grown on demand.</summary>
    public sealed class Chart
    {
        // Spans s..t: complete with head t (CL) or s (CR), incomplete (arc between s and t) with head t (IL) or s (IR).
        public float[] CL = [], CR = [], IL = [], IR = [];
        public int[] BL = [], BR = [], BIL = [], BIR = [];
        public readonly Stack<(int S, int T, int Kind)> Todo = new();

        public void Ensure(int m)
        {
            if (CL.Length >= m * m) return;
            var size = m * m * 2;
            CL = new float[size]; CR = new float[size]; IL = new float[size]; IR = new float[size];
            BL = new int[size]; BR = new int[size]; BIL = new int[size]; BIR = new int[size];
        }
    }

    /// <summary>Writes the best tree's heads for words 1..n into <paramref name="heads"/>.</summary>
    public static void Decode(int n, float[] score, Chart c, Span<int> heads)
    {
        var m = n + 1;
        c.Ensure(m);
        float[] cl = c.CL, cr = c.CR, il = c.IL, ir = c.IR;
        for (var s = 0; s < m; s++) { cl[s * m + s] = 0; cr[s * m + s] = 0; }
        for (var len = 1; len <= n; len++)
        {
            for (var s = 0; s + len <= n; s++)
            {
                var t = s + len;
                var st = s * m + t;
                // Incomplete spans: an arc between s and t over a right-complete s..r and left-complete r+1..t.
                float best = float.NegativeInfinity;
                var arg = s;
                var last = s == 0 ? 0 : t - 1; // the root takes one dependent: nothing else beside it
                for (var r = s; r <= last; r++)
                {
                    var v = cr[s * m + r] + cl[(r + 1) * m + t];
                    if (v > best) { best = v; arg = r; }
                }
                ir[st] = best + score[s * m + t];
                c.BIR[st] = arg;
                il[st] = s == 0 ? float.NegativeInfinity : best + score[t * m + s];
                c.BIL[st] = arg;
                // Complete spans.
                best = float.NegativeInfinity;
                arg = s;
                if (s > 0)
                {
                    for (var r = s; r < t; r++)
                    {
                        var v = cl[s * m + r] + il[r * m + t];
                        if (v > best) { best = v; arg = r; }
                    }
                }
                cl[st] = best;
                c.BL[st] = arg;
                best = float.NegativeInfinity;
                arg = t;
                for (var r = s + 1; r <= t; r++)
                {
                    var v = ir[s * m + r] + cr[r * m + t];
                    if (v > best) { best = v; arg = r; }
                }
                cr[st] = best;
                c.BR[st] = arg;
            }
        }
        // Follow the back pointers from the whole sentence headed by the root.
        var todo = c.Todo;
        todo.Clear();
        todo.Push((0, n, 1));
        while (todo.Count > 0)
        {
            var (s, t, kind) = todo.Pop();
            if (s == t) continue;
            var st = s * m + t;
            switch (kind)
            {
                case 0: // complete, head t
                    todo.Push((s, c.BL[st], 0));
                    todo.Push((c.BL[st], t, 2));
                    break;
                case 1: // complete, head s
                    todo.Push((s, c.BR[st], 3));
                    todo.Push((c.BR[st], t, 1));
                    break;
                case 2: // incomplete, head t
                    heads[s] = t;
                    todo.Push((s, c.BIL[st], 1));
                    todo.Push((c.BIL[st] + 1, t, 0));
                    break;
                default: // incomplete, head s
                    heads[t] = s;
                    todo.Push((s, c.BIR[st], 1));
                    todo.Push((c.BIR[st] + 1, t, 0));
                    break;
            }
        }
    }
}
