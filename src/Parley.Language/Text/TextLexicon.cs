using Parley.Core.Data;

namespace Parley.Language.Text;

/// <summary>How an abbreviation behaves before the next word (see Data/abbreviations.tsv).</summary>
public enum AbbreviationKind
{
    /// <summary>Usually precedes a name or number ("Mr.", "Gen.", "Oct.", "No."): never ends a sentence.</summary>
    BeforeName,
    /// <summary>May close a sentence ("U.S.", "Inc.", "etc."): ends one only before a typical sentence starter.</summary>
    MayEnd,
}

/// <summary>
/// The word lists that sentence splitting and tokenisation share, loaded once from the embedded
/// data files under Text/Data: abbreviations, sentence starters and hyphen prefixes.
/// </summary>
public sealed class TextLexicon
{
    private static readonly Lazy<TextLexicon> Shared = new(Load);

    private readonly Dictionary<string, AbbreviationKind> _abbreviations;
    private readonly HashSet<string> _starters;
    private readonly HashSet<string> _hyphenPrefixes;

    private TextLexicon(Dictionary<string, AbbreviationKind> abbreviations, HashSet<string> starters, HashSet<string> prefixes)
    {
        _abbreviations = abbreviations;
        _starters = starters;
        _hyphenPrefixes = prefixes;
    }

    /// <summary>The lexicon built from the embedded data files.</summary>
    public static TextLexicon Default => Shared.Value;

    /// <summary>
    /// The kind of <paramref name="word"/> (including its final period) when it is a listed abbreviation,
    /// an initial ("J.") or a dotted acronym ("U.S.", "W.H.O."); null otherwise.
    /// </summary>
    public AbbreviationKind? Abbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word[^1] != '.') return null;
        var lookup = _abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var kind)) return kind;
        if (char.IsUpper(word[0]))
        {
            // "Sept." at a sentence start is listed; "Etc." is the listed "etc." capitalised.
            Span<char> lower = stackalloc char[word.Length];
            word.CopyTo(lower);
            lower[0] = char.ToLowerInvariant(lower[0]);
            if (lookup.TryGetValue(lower, out kind)) return kind;
        }
        if (word.Length == 2 && char.IsUpper(word[0])) return AbbreviationKind.BeforeName; // an initial: "J. Smith"
        if (IsDottedAcronym(word)) return AbbreviationKind.MayEnd;
        return null;
    }

    /// <summary>True for letters each followed by a period: "U.S.", "e.g.", "W.H.O.".</summary>
    public static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word.Length % 2 != 0) return false;
        for (var i = 0; i < word.Length; i += 2)
        {
            if (!char.IsLetter(word[i]) || word[i + 1] != '.') return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="word"/> commonly begins a sentence ("The", "He", "But").</summary>
    public bool IsSentenceStarter(ReadOnlySpan<char> word) => _starters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>True when a hyphen after <paramref name="prefix"/> stays inside the word ("non-human").</summary>
    public bool IsHyphenPrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length > 12) return false;
        Span<char> lower = stackalloc char[prefix.Length];
        prefix.ToLowerInvariant(lower);
        return _hyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }

    private static TextLexicon Load()
    {
        var assembly = typeof(TextLexicon).Assembly;
        var abbreviations = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(assembly, "Text/Data/abbreviations.tsv"))
        {
            abbreviations[row["abbreviation"]] = row["kind"] switch
            {
                "before-name" => AbbreviationKind.BeforeName,
                "may-end" => AbbreviationKind.MayEnd,
                var other => throw new InvalidDataException($"PARLEY-L001: {row.File} line {row.Line}: unknown abbreviation kind '{other}'"),
            };
        }
        var starters = new HashSet<string>(DataFile.ReadTsv(assembly, "Text/Data/sentence_starters.tsv").Select(r => r["word"]), StringComparer.Ordinal);
        var prefixes = new HashSet<string>(DataFile.ReadTsv(assembly, "Text/Data/hyphen_prefixes.tsv").Select(r => r["prefix"]), StringComparer.Ordinal);
        return new TextLexicon(abbreviations, starters, prefixes);
    }
}
