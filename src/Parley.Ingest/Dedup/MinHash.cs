using Parley.Ingest.Text;

namespace Parley.Ingest.Dedup;

/// <summary>
/// MinHash signatures over word shingles of the normalised text (<see cref="TextNormalizer.Key"/>).
/// The share of equal positions in two signatures estimates the Jaccard similarity of the two
/// texts' shingle sets, whatever their length: a syndicated copy with a new headline, or an update
/// with one paragraph added, keeps most of its shingles and so most of its signature, where a
/// 64-bit SimHash of a short article can move many bits. Hashes are fixed (FNV-1a and constants
/// from a seeded SplitMix64), so signatures are stable across runs and machines and can be stored.
/// </summary>
public static class MinHash
{
    /// <summary>Hash functions in a signature.</summary>
    public const int Size = 64;

    /// <summary>Words per shingle (the same as SimHash's).</summary>
    public const int ShingleSize = SimHash.DefaultShingleSize;

    private static readonly (ulong A, ulong B)[] Permutations = CreatePermutations();

    /// <summary>The signature of <paramref name="text"/>: <see cref="Size"/> 32-bit minima (all max for a text with no words).</summary>
    public static uint[] Compute(string text, int shingleSize = ShingleSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        foreach (var shingle in Shingles.Hashes(text, shingleSize))
        {
            for (var i = 0; i < Size; i++)
            {
                var h = (uint)((Permutations[i].A * shingle + Permutations[i].B) >> 32);
                if (h < signature[i]) signature[i] = h;
            }
        }
        return signature;
    }

    /// <summary>Estimated Jaccard similarity of the shingle sets behind two signatures (0..1).</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        var same = 0;
        for (var i = 0; i < a.Length; i++)
            if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>A signature as bytes (little-endian), for storage.</summary>
    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (var i = 0; i < signature.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), signature[i]);
        return bytes;
    }

    /// <summary>A signature read back from <see cref="ToBytes"/>; null when the bytes are not one.</summary>
    public static uint[]? FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length != Size * 4) return null;
        var signature = new uint[Size];
        for (var i = 0; i < Size; i++) signature[i] = BitConverter.ToUInt32(bytes, i * 4);
        return signature;
    }

    private static (ulong, ulong)[] CreatePermutations()
    {
        var state = 0x5EED0F9A21E7UL;
        ulong Next()
        {
            // SplitMix64: fixed constants, so the same seed gives the same permutations everywhere.
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        return Enumerable.Range(0, Size).Select(_ => (Next() | 1, Next())).ToArray();
    }
}

/// <summary>Word shingles of the normalised text, hashed with 64-bit FNV-1a.</summary>
internal static class Shingles
{
    public static IEnumerable<ulong> Hashes(string text, int size)
    {
        var words = TextNormalizer.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) yield break;
        var count = Math.Max(1, words.Length - size + 1);
        for (var i = 0; i < count; i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = i; j < Math.Min(words.Length, i + size); j++)
            {
                if (j > i) hash = Mix(hash, ' ');
                foreach (var ch in words[j]) hash = Mix(hash, ch);
            }
            yield return hash;
        }
    }

    /// <summary>One UTF-16 unit into an FNV-1a hash, low byte then high byte.</summary>
    public static ulong Mix(ulong hash, char ch)
    {
        hash ^= (byte)ch;
        hash *= 1099511628211UL;
        hash ^= (byte)(ch >> 8);
        return hash * 1099511628211UL;
    }
}
