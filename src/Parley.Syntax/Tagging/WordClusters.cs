using System.IO.Compression;
using System.Numerics;
using Parley.Core.Data;
using Parley.Syntax.Learning;

namespace Parley.Syntax.Tagging;

/// <summary>
/// Distributional word clusters (Data/word-clusters.tsv.gz, built by tools/build-word-clusters.cs from
/// unlabelled news text): words used in similar contexts share a bit-string prefix, so the tagger and
/// parser generalise from treebank words to words they never saw there (Koo et al. 2008). The models
/// are trained with this file: rebuild them when it changes.
/// </summary>
internal static class WordClusters
{
    /// <summary>Longest path the codes can hold (a code is the path's bits under a leading 1 bit).</summary>
    public const int MaxDepth = 15;

    private static readonly Lazy<Dictionary<string, ushort>> Words = new(Load);
    private static readonly Lazy<Dictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>>> Lookup = new(() => Words.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>The cluster code of a word (its path as bits under a leading 1), 0 when the word is not in the table.</summary>
    public static ushort Code(ReadOnlySpan<char> word)
    {
        if (word.Length > 64) return 0;
        Span<char> key = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = FeatureHash.Normalise(word[i]);
            key[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
        }
        return Lookup.Value.TryGetValue(key, out var code) ? code : (ushort)0;
    }

    /// <summary>The first <paramref name="bits"/> bits of a cluster code's path (the whole code when shorter), as a code.</summary>
    public static ulong Prefix(ulong code, int bits)
    {
        if (code == 0) return 0;
        var length = BitOperations.Log2(code);
        return length <= bits ? code : code >> (length - bits);
    }

    private static Dictionary<string, ushort> Load()
    {
        const string path = "Data/word-clusters.tsv.gz";
        using var reader = new StreamReader(new GZipStream(DataFile.Open(typeof(WordClusters).Assembly, path), CompressionMode.Decompress));
        var words = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var header = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (!header) { header = true; continue; }
            var tab = line.IndexOf('\t');
            var bits = tab < 0 ? "" : line[(tab + 1)..];
            if (bits.Length is 0 or > MaxDepth || bits.Any(c => c is not ('0' or '1')))
                throw new InvalidDataException($"PARLEY-S007: {path} line {lineNumber}: expected 'word<TAB>path' with a path of 1-{MaxDepth} bits");
            var code = 1;
            foreach (var c in bits) code = code << 1 | (c - '0');
            words[line[..tab]] = (ushort)code;
        }
        return words;
    }
}
