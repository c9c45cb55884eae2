namespace Parley.Coding.Patterns;

/// <summary>
/// Maps every inflected form of every word the dictionaries name back to its lemma(s), so that a
/// token "accused" matches the pattern word "accuse" without a tagger. Built once from the patterns.
/// </summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, string[]> _lemmas;

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
        _lemmas = map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The dictionary words that <paramref name="form"/> is an inflection of (including itself), or empty.</summary>
    public string[] LemmasOf(string form) => _lemmas.GetValueOrDefault(form) ?? [];
}
