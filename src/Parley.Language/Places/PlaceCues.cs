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
    private static readonly Lazy<PlaceCues> LazyDefault = new(() => new PlaceCues(
        DataFile.ReadTsv(typeof(PlaceCues).Assembly, "Places/Data/place-cues.tsv").Select(r => r["cue"])));

    private readonly HashSet<string> _cues;
    private readonly int _maxWords;

    /// <summary>Builds the cue set from cue phrases.</summary>
    public PlaceCues(IEnumerable<string> cues)
    {
        _cues = new HashSet<string>(cues.Select(c => string.Join(' ', WordScanner.Scan(c).Select(w => w.Key))), StringComparer.Ordinal);
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
    public bool IsPlaceContext(IReadOnlyList<Word> words, int index, int end)
    {
        if (end < words.Count && words[end].IsPossessive) return false;
        // "Beijing-based" describes a place.
        if (end + 1 < words.Count && words[end].Key == "-" && words[end + 1].Key == "based") return true;
        var k = index;
        if (k > 0 && words[k - 1].Key is "the" or "a" or "an") k--;
        for (var n = 1; n <= _maxWords && k - n >= 0; n++)
        {
            var phrase = string.Join(' ', Enumerable.Range(k - n, n).Select(i => words[i].Key));
            if (_cues.Contains(phrase)) return true;
        }
        return false;
    }
}
