using Parley.Coding.Clauses;
using Parley.Core.Data;

namespace Parley.Coding.Patterns;

/// <summary>
/// Weapons that say how an attack was carried out (Patterns/Data/instruments.tsv): "Army warplanes struck"
/// is an air strike (195), not a generic attack (190). Immutable and thread-safe.
/// </summary>
public sealed class InstrumentCodes
{
    private readonly Dictionary<string, string> _codes;

    private InstrumentCodes(Dictionary<string, string> codes) => _codes = codes;

    /// <summary>Reads the embedded list.</summary>
    public static InstrumentCodes Load() =>
        new(DataFile.ReadTsv(typeof(InstrumentCodes).Assembly, "Patterns/Data/instruments.tsv")
            .ToDictionary(r => r["word"], r => r["code"], StringComparer.Ordinal));

    /// <summary>
    /// The code of the weapon heading the subject of the verb at <paramref name="verb"/> ("warplanes struck",
    /// "Israeli aircraft had struck"), or null: the word just before the verb, past the forms of "to have" and the
    /// adverbs that <paramref name="words"/> lists (roles perfect and verb-adverb: "had reportedly struck").
    /// </summary>
    public string? CodeOfSubject(TokenLine line, int verb, FunctionWords words)
    {
        var k = verb - 1;
        while (k >= 0 && (words.Is(line.Lower[k], "perfect") || words.Is(line.Lower[k], "verb-adverb"))) k--;
        return k >= 0 && _codes.TryGetValue(line.Lower[k], out var code) ? code : null;
    }
}
