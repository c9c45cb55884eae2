using Parley.Core.Model;
using Parley.Syntax.Learning;

namespace Parley.Syntax.Tagging;

/// <summary>
/// Per-token feature values computed once per sentence (hashes of the form, lower-case form, shape,
/// prefixes and suffixes), so the per-decision feature extraction only combines integers.
/// </summary>
internal static class WordFeatures
{
    public const int Stride = 13;
    public const int Word = 0, Lower = 1, Shape = 2, Pre1 = 3, Suf1 = 7, Flags = 11, Case = 12;

    public static readonly ulong Start = FeatureHash.Text("<s>", false);
    public static readonly ulong End = FeatureHash.Text("</s>", false);

    /// <summary>Fills <paramref name="values"/> (Stride per token) for the tokens at <paramref name="spans"/> of <paramref name="text"/>.</summary>
    public static void Compute(string text, ReadOnlySpan<TextSpan> spans, Span<ulong> values)
    {
        Span<char> lower = stackalloc char[64];
        Span<char> shape = stackalloc char[64];
        for (var i = 0; i < spans.Length; i++)
        {
            var w = text.AsSpan(spans[i].Start, Math.Min(spans[i].Length, 64));
            var v = values.Slice(i * Stride, Stride);
            var n = w.Length;
            var shapeLength = 0;
            var upper = 0;
            var digits = 0;
            var hyphen = false;
            for (var k = 0; k < n; k++)
            {
                var c = FeatureHash.Normalise(w[k]);
                lower[k] = char.ToLowerInvariant(c);
                var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
                if (char.IsUpper(c)) upper++;
                if (char.IsDigit(c)) digits++;
                if (c == '-') hyphen = true;
                // Short shape: runs of one class folded ("Xxxx" -> "Xx", "1,000" -> "d,d").
                if (shapeLength == 0 || shape[shapeLength - 1] != s) shape[shapeLength++] = s;
            }
            var lw = lower[..n];
            v[Word] = FeatureHash.Text(w, false);
            v[Lower] = FeatureHash.Text(lw, false);
            v[Shape] = FeatureHash.Text(shape[..shapeLength], false);
            for (var k = 1; k <= 4; k++)
            {
                v[Pre1 + k - 1] = n >= k ? FeatureHash.Text(lw[..k], false) : 0;
                v[Suf1 + k - 1] = n >= k ? FeatureHash.Text(lw[(n - k)..], false) : 0;
            }
            v[Case] = CaseLexicon.Class(lw);
            v[Flags] = (ulong)((hyphen ? 1 : 0) | (digits > 0 ? 2 : 0) | (upper == n && n > 1 ? 4 : 0) | (upper > 0 ? 8 : 0) | (i == 0 ? 16 : 0));
        }
    }

    /// <summary>Hashes of the lower-cased, normalised forms (the parser's word features).</summary>
    public static void LowerHashes(string text, ReadOnlySpan<TextSpan> spans, Span<ulong> hashes)
    {
        for (var i = 0; i < spans.Length; i++) hashes[i] = FeatureHash.Text(text.AsSpan(spans[i].Start, Math.Min(spans[i].Length, 64)), true);
    }
}
