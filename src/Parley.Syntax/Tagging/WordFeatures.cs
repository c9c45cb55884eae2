using Parley.Core.Model;
using Parley.Syntax.Learning;

namespace Parley.Syntax.Tagging;

/// <summary>
/// Per-token feature values computed once per sentence (hashes of the form, lower-case form, shape,
/// prefixes and suffixes), so the per-decision feature extraction only combines integers.
/// </summary>
internal static class WordFeatures
{
    public const int Stride = 14;
    public const int Word = 0, Lower = 1, Shape = 2, Pre1 = 3, Suf1 = 7, Flags = 11, Case = 12, Cluster = 13;

    public static readonly ulong Start = FeatureHash.Text("<s>", false);
    public static readonly ulong End = FeatureHash.Text("</s>", false);

    /// <summary>
    /// Fills <paramref name="values"/> (Stride per token) for the tokens at <paramref name="spans"/> of
    /// <paramref name="text"/>; the cluster field stays 0 without <paramref name="clusters"/> (models that predate them).
    /// </summary>
    public static void Compute(string text, ReadOnlySpan<TextSpan> spans, Span<ulong> values, bool clusters = true)
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
            v[Cluster] = clusters ? WordClusters.Code(w) : 0UL;
            v[Flags] = (ulong)((hyphen ? 1 : 0) | (digits > 0 ? 2 : 0) | (upper == n && n > 1 ? 4 : 0) | (upper > 0 ? 8 : 0) | (i == 0 ? 16 : 0));
        }
    }

    /// <summary>Bits of a parser word value that hold the hash of the form; the bits above hold the word's cluster code.</summary>
    public const int FormBits = 48;

    /// <summary>
    /// The parser's word values: the hash of the lower-cased, normalised form in the low
    /// <see cref="FormBits"/> bits and the word's cluster code (<see cref="WordClusters"/>) above them;
    /// without <paramref name="clusters"/> (models that predate them) the whole hash of the form.
    /// </summary>
    public static void LowerHashes(string text, ReadOnlySpan<TextSpan> spans, Span<ulong> hashes, bool clusters = true)
    {
        const ulong formMask = (1UL << FormBits) - 1;
        for (var i = 0; i < spans.Length; i++)
        {
            var w = text.AsSpan(spans[i].Start, Math.Min(spans[i].Length, 64));
            hashes[i] = clusters ? FeatureHash.Text(w, true) & formMask | (ulong)WordClusters.Code(w) << FormBits : FeatureHash.Text(w, true);
        }
    }
}
