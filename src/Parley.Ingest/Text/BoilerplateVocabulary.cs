using System.Collections.Frozen;
using Parley.Core.Data;

namespace Parley.Ingest.Text;

/// <summary>What a line of page furniture is.</summary>
public enum FurnitureKind
{
    /// <summary>Not furniture: article text.</summary>
    None,
    /// <summary>Furniture to drop (subscription boxes, share prompts, adverts, links).</summary>
    Furniture,
    /// <summary>A section label ("Highlights"): dropped, the lines after it are kept.</summary>
    Label,
    /// <summary>
    /// A heading that opens what follows an article ("Related posts", "About the author", "Comments"):
    /// dropped, and once article text came before it, the lines after it too.
    /// </summary>
    End,
}

/// <summary>
/// The boilerplate vocabulary (Text/Data/boilerplate.tsv): phrases that make a short line page
/// furniture, in several languages. Loaded once; thread-safe.
/// </summary>
public sealed class BoilerplateVocabulary
{
    /// <summary>Lines longer than this are never furniture by prefix (a long line is prose that may start with "Sign up").</summary>
    public const int MaxPrefixLineLength = 200;

    private static readonly Lazy<BoilerplateVocabulary> DefaultInstance = new(() => new BoilerplateVocabulary(
        DataFile.ReadTsv(typeof(BoilerplateVocabulary).Assembly, "Text/Data/boilerplate.tsv")
            .Select(r => (r["phrase"], r["match"]))));

    private readonly FrozenDictionary<string, FurnitureKind> _lines;
    private readonly string[] _prefixes;
    private readonly string[] _endPrefixes;

    /// <summary>An end heading by prefix ("Latest posts by Ana Ruiz") is a short line: at most this many words.</summary>
    private const int MaxEndHeadingWords = 8;

    /// <summary>The vocabulary shipped in Text/Data/boilerplate.tsv.</summary>
    public static BoilerplateVocabulary Default => DefaultInstance.Value;

    /// <summary>Builds a vocabulary from (phrase, match) pairs; match is "line", "prefix", "label", "end" (a whole line) or "end-prefix".</summary>
    public BoilerplateVocabulary(IEnumerable<(string Phrase, string Match)> entries)
    {
        var lines = new Dictionary<string, FurnitureKind>();
        var prefixes = new List<string>();
        var endPrefixes = new List<string>();
        foreach (var (phrase, match) in entries)
        {
            var key = TextNormalizer.Key(phrase);
            switch (match)
            {
                case "label": lines[key] = FurnitureKind.Label; break;
                case "end": lines[key] = FurnitureKind.End; break;
                case "end-prefix": endPrefixes.Add(key); prefixes.Add(key); lines[key] = FurnitureKind.End; break; // a longer line is plain furniture
                case "prefix": prefixes.Add(key); lines.TryAdd(key, FurnitureKind.Furniture); break;
                default: lines.TryAdd(key, FurnitureKind.Furniture); break;
            }
        }
        _lines = lines.ToFrozenDictionary();
        _prefixes = prefixes.OrderByDescending(p => p.Length).ToArray();
        _endPrefixes = endPrefixes.OrderByDescending(p => p.Length).ToArray();
    }

    /// <summary>Classifies one line or paragraph.</summary>
    public FurnitureKind Classify(string line)
    {
        var key = TextNormalizer.Key(line);
        if (key.Length == 0) return FurnitureKind.Furniture; // punctuation only: "|", "•", "—"
        if (_lines.TryGetValue(key, out var kind)) return kind;
        if (line.Length > MaxPrefixLineLength) return FurnitureKind.None;
        if (_endPrefixes.Length > 0 && TextNormalizer.WordCount(line) <= MaxEndHeadingWords)
            foreach (var p in _endPrefixes)
                if (key.StartsWith(p, StringComparison.Ordinal) && key[p.Length] == ' ')
                    return FurnitureKind.End;
        foreach (var p in _prefixes)
            if (key.StartsWith(p, StringComparison.Ordinal) && (key.Length == p.Length || key[p.Length] == ' '))
                return FurnitureKind.Furniture;
        return FurnitureKind.None;
    }
}
