using System.Numerics;
using Parley.Ingest.Text;

namespace Parley.Ingest.Dedup;

/// <summary>
/// 64-bit SimHash (Charikar) over word shingles of the normalised text (<see cref="TextNormalizer.Key"/>:
/// case, punctuation, quotes and white space ignored). Copies of one story that differ by a few
/// words (syndicated copies, updated versions, a changed headline) get fingerprints a few bits
/// apart; unrelated articles differ by about 32 bits. Shingles are hashed with 64-bit FNV-1a, so
/// fingerprints are stable across runs and machines and can be stored.
/// </summary>
public static class SimHash
{
    /// <summary>Words per shingle. Three keeps word order without making one edit change too many shingles.</summary>
    public const int DefaultShingleSize = 3;

    /// <summary>Bits that may differ for two texts to count as near duplicates (about 95% similar shingles).</summary>
    public const int DefaultMaxDistance = 3;

    /// <summary>The fingerprint of <paramref name="text"/>; 0 for a text with no words.</summary>
    public static ulong Compute(string text, int shingleSize = DefaultShingleSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        Span<int> weights = stackalloc int[64];
        var any = false;
        foreach (var h in Shingles.Hashes(text, shingleSize))
        {
            any = true;
            for (var bit = 0; bit < 64; bit++)
                weights[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
        }
        if (!any) return 0;
        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
            if (weights[bit] > 0) result |= 1UL << bit;
        return result;
    }

    /// <summary>Number of differing bits (Hamming distance).</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>True when the fingerprints are at most <paramref name="maxDistance"/> bits apart.</summary>
    public static bool AreNearDuplicates(ulong a, ulong b, int maxDistance = DefaultMaxDistance) => Distance(a, b) <= maxDistance;
}
