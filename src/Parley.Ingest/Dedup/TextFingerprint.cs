namespace Parley.Ingest.Dedup;

/// <summary>
/// What near-duplicate detection keeps of an article's extracted text: its SimHash, its MinHash
/// signature (shingle overlap) and the hashes of its names and numbers (words that start with a
/// capital letter, other than a sentence's first word, or a digit). Shingle overlap alone links template releases that are different
/// events ("approves Texas emergency declaration" and "... Louisiana ...": 90% of their shingles are
/// shared); a copy, though, repeats the names of the text it copies, so the names of the shorter
/// text must reappear in the longer one. Computed once per article, before the pipeline runs.
/// </summary>
/// <param name="SimHash">64-bit SimHash (<see cref="Dedup.SimHash"/>), kept for the store and the reported distance.</param>
/// <param name="Signature">MinHash signature (<see cref="MinHash"/>).</param>
/// <param name="Names">Distinct 32-bit hashes of the text's names and numbers, sorted.</param>
public sealed record TextFingerprint(ulong SimHash, uint[] Signature, uint[] Names)
{
    /// <summary>The fingerprint of <paramref name="text"/>.</summary>
    public static TextFingerprint Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextFingerprint(Dedup.SimHash.Compute(text), MinHash.Compute(text), NameHashes(text));
    }

    /// <summary>
    /// Share of the names and numbers of the text with fewer of them that do not occur in the other
    /// text (0 when every one does). A copy, an update or a syndicated version scores 0 or close to it.
    /// </summary>
    public static double NamesMissing(TextFingerprint a, TextFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Names.Length <= b.Names.Length ? (a.Names, b.Names) : (b.Names, a.Names);
        if (small.Length == 0) return 0;
        var missing = small.Count(n => Array.BinarySearch(large, n) < 0);
        return (double)missing / small.Length;
    }

    /// <summary>The signature and name hashes as bytes, for the store (the SimHash has its own column).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[(Signature.Length + Names.Length) * 4];
        for (var i = 0; i < Signature.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), Signature[i]);
        for (var i = 0; i < Names.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan((Signature.Length + i) * 4), Names[i]);
        return bytes;
    }

    /// <summary>A fingerprint read back from <see cref="ToBytes"/>; null when the bytes are not one.</summary>
    public static TextFingerprint? FromBytes(ulong simHash, byte[]? bytes)
    {
        if (bytes is null || bytes.Length < MinHash.Size * 4 || bytes.Length % 4 != 0) return null;
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.ToUInt32(bytes, i * 4);
        return new TextFingerprint(simHash, values[..MinHash.Size], values[MinHash.Size..]);
    }

    private static uint[] NameHashes(string text)
    {
        var names = new HashSet<uint>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '\'' or '.' or ',' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))) i++;
            // A capital after a full stop or at a paragraph's start marks the sentence, not a name.
            if (char.IsDigit(text[start]) || (char.IsUpper(text[start]) && !StartsSentence(text, start)))
                names.Add(Fnv32(text.AsSpan(start, i - start)));
        }
        var sorted = names.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static bool StartsSentence(string text, int start)
    {
        var j = start - 1;
        while (j >= 0 && text[j] is ' ' or '"' or '\u201C' or '\'' or '\u2018' or '(') j--;
        return j < 0 || text[j] is '.' or '!' or '?' or '\n' or ':';
    }

    private static uint Fnv32(ReadOnlySpan<char> s)
    {
        var hash = 2166136261u;
        foreach (var ch in s) hash = (hash ^ ch) * 16777619u;
        return hash;
    }
}
