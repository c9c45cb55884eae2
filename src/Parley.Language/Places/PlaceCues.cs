using Parley.Core.Data;
using Parley.Language.Actors;

namespace Parley.Language.Places;

/// <summary>
/// The words that mark a following name as a place ("in", "visit", "flew to"), from Places/Data/place-cues.tsv.
/// Shared by <see cref="ActorStage"/> (which then does not read "Beijing" as the Chinese government)
/// and <see cref="PlaceStage"/> (which then reads a country name as a place).
/// </summary>
public sealed class PlaceCues
{
    private static readonly Lazy<PlaceCues> LazyDefault = new(() =>
    {
        var rows = DataFile.ReadTsv(typeof(PlaceCues).Assembly, "Places/Data/place-cues.tsv").ToList();
        return new PlaceCues(rows.Where(r => r["kind"] == "cue").Select(r => r["cue"]), rows.Where(r => r["kind"] == "modifier").Select(r => r["cue"]),
            rows.Where(r => r["kind"] == "after").Select(r => r["cue"]));
    });

    private readonly HashSet<string> _cues;
    private readonly HashSet<string> _modifiers;
    private readonly HashSet<string> _after;
    private readonly int _maxWords;

    /// <summary>
    /// Builds the cue set from cue phrases, the modifiers that may follow them ("northern"), and the
    /// nouns that make the name before them a place ("airport", "summit").
    /// </summary>
    public PlaceCues(IEnumerable<string> cues, IEnumerable<string>? modifiers = null, IEnumerable<string>? after = null)
    {
        _after = new HashSet<string>((after ?? []).Select(a => string.Join(' ', WordScanner.Scan(a).Select(w => w.Key))), StringComparer.Ordinal);
        _cues = new HashSet<string>(cues.Select(c => string.Join(' ', WordScanner.Scan(c).Select(w => w.Key))), StringComparer.Ordinal);
        _modifiers = new HashSet<string>((modifiers ?? []).Select(WordScanner.KeyOf), StringComparer.Ordinal);
        _maxWords = _cues.Count == 0 ? 0 : _cues.Max(c => c.Count(ch => ch == ' ') + 1);
    }

    /// <summary>The cues from the embedded data file.</summary>
    public static PlaceCues Default => LazyDefault.Value;

    /// <summary>Number of cue phrases.</summary>
    public int Count => _cues.Count;

    /// <summary>
    /// True when the name starting at word <paramref name="index"/> is written as a place: a cue stands
    /// right before it (an article may come between), and no possessive follows the name at <paramref name="end"/>.
    /// </summary>
    public bool IsPlaceContext(IReadOnlyList<Word> words, int index, int end) => IsPlaceContext(words, index, end, 0);

    private bool IsPlaceContext(IReadOnlyList<Word> words, int index, int end, int depth)
    {
        if (end < words.Count && words[end].IsPossessive) return false;
        // "Beijing-based" describes a place.
        if (end + 1 < words.Count && words[end].Key == "-" && words[end + 1].Key == "based") return true;
        // "Ankara airport", "the Hanoi summit", "Washington state" (lower case: "Washington State University" is a name).
        // Not for the second half of a pair ("India-Pakistan border tensions" are the two countries').
        if (end < words.Count && !words[end].IsCapitalised && !(index > 0 && words[index - 1].Key == "-") && (_after.Contains(words[end].Key)
            || end + 1 < words.Count && _after.Contains(words[end].Key + " " + words[end + 1].Key))) return true;
        var k = index;
        if (k > 0 && _modifiers.Contains(words[k - 1].Key)) k--;
        if (k > 0 && words[k - 1].Key is "the" or "a" or "an") k--;
        for (var n = 1; n <= _maxWords && k - n >= 0; n++)
        {
            var phrase = string.Join(' ', Enumerable.Range(k - n, n).Select(i => words[i].Key));
            if (_cues.Contains(phrase)) return true;
        }
        // "in Turkey and Syria", "in Kyiv, Lviv and Odesa": a name coordinated with a place.
        if (depth < 4 && index >= 2 && words[index - 1].Key is "and" or "or" or ",")
        {
            var previousEnd = index - 1;
            if (words[previousEnd - 1].Key == "," && previousEnd >= 2) previousEnd--; // Oxford comma: "Lviv, and Odesa"
            var start = previousEnd;
            while (start > 0 && start > previousEnd - 4 && words[start - 1].IsCapitalised && words[start - 1].IsAlpha) start--;
            if (start < previousEnd && IsPlaceContext(words, start, previousEnd, depth + 1)) return true;
        }
        return false;
    }
}
