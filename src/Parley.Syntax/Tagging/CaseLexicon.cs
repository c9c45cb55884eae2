using Parley.Core.Data;

namespace Parley.Syntax.Tagging;

/// <summary>
/// How words are usually capitalised mid-sentence (Data/case-lexicon.tsv): lets the tagger see that a
/// sentence-initial "Trump" is a name and "Troops" is not, even for names never seen in the treebanks.
/// The tagger's models are trained with this file: rebuild them when it changes.
/// </summary>
internal static class CaseLexicon
{
    private static readonly Lazy<Dictionary<string, byte>> Words = new(Load);
    private static readonly Lazy<Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>>> Lookup = new(() => Words.Value.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>1 = usually capitalised, 2 = usually lower case, 3 = mixed, 0 = not in the lexicon.</summary>
    public static byte Class(ReadOnlySpan<char> lower) => Lookup.Value.TryGetValue(lower, out var c) ? c : (byte)0;

    private static Dictionary<string, byte> Load()
    {
        var words = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(typeof(CaseLexicon).Assembly, "Data/case-lexicon.tsv"))
        {
            words[row["word"]] = row["class"] switch
            {
                "C" => 1,
                "L" => 2,
                "M" => 3,
                var other => throw new InvalidDataException($"PARLEY-S006: {row.File} line {row.Line}: unknown class '{other}'"),
            };
        }
        return words;
    }
}
