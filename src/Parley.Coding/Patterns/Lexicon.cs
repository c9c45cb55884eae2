using Parley.Coding.Status;

namespace Parley.Coding.Patterns;

/// <summary>
/// Maps every inflected form of every word the dictionaries name back to its lemma(s), so that a
/// token "accused" matches the pattern word "accuse" without a tagger. Built once from the patterns.
/// </summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, WordEntry> _entries;

    /// <summary>Builds the lexicon from the words the patterns use.</summary>
    public Lexicon(IEnumerable<string> words)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var word in words.Distinct())
        {
            foreach (var form in Inflector.Forms(word))
            {
                if (!map.TryGetValue(form, out var set)) map[form] = set = [];
                set.Add(word);
            }
        }
        _entries = new Dictionary<string, WordEntry>(map.Count, StringComparer.Ordinal);
        foreach (var (form, lemmas) in map) _entries[form] = new WordEntry(_entries.Count, lemmas.ToArray());
        foreach (var entry in _entries.Values) entry.LemmaEntries = entry.Lemmas.Select(l => _entries[l]).ToArray();
    }

    /// <summary>The dictionary words that <paramref name="form"/> is an inflection of (including itself), or empty.</summary>
    public string[] LemmasOf(string form) => _entries.GetValueOrDefault(form)?.Lemmas ?? [];

    /// <summary>The entry of <paramref name="form"/>, or null when no dictionary names it.</summary>
    internal WordEntry? Find(string form) => _entries.GetValueOrDefault(form);

    /// <summary>The trigger dictionary whose openings the entries hold (see <see cref="Attach"/>), or null.</summary>
    internal PatternDictionary? Patterns { get; private set; }

    /// <summary>The status cues whose openings the entries hold (see <see cref="Attach"/>), or null.</summary>
    internal StatusCues? Cues { get; private set; }

    /// <summary>
    /// Records in each word's entry the patterns and cues it opens, so that matching reads them from the token's
    /// entry instead of looking the word up again. Called once, while the resources are built, before any use.
    /// </summary>
    internal void Attach(PatternDictionary patterns, StatusCues cues)
    {
        var wordPatterns = patterns.Patterns.Select(p => p.Pattern).Concat(cues.Cues.Select(c => c.Pattern)).ToList();
        foreach (var pattern in wordPatterns)
        {
            foreach (var word in pattern.OpeningWords) Entry(word);
        }
        foreach (var pattern in wordPatterns) pattern.Bind(this);
        foreach (var (word, openings) in patterns.OpeningsFor(this)) Entry(word).Patterns = openings;
        foreach (var (word, opened) in cues.Openings) Entry(word).Cues = opened;
        Patterns = patterns;
        Cues = cues;
    }

    // a word that opens a pattern or a phrase without being a dictionary word ("call" of "call-up") gets an entry without lemmas
    private WordEntry Entry(string word)
    {
        if (!_entries.TryGetValue(word, out var entry)) _entries[word] = entry = new WordEntry(_entries.Count, []);
        return entry;
    }
}
