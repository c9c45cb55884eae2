using System.Collections.Frozen;
using Parley.Core.Data;
using Parley.Ingest.Text;

namespace Parley.Ingest.Languages;

/// <summary>
/// Guesses the language of an article from its commonest function words (Languages/Data/stopwords.tsv),
/// for Latin-script languages, and from the script for Chinese, Japanese, Korean, Arabic, Cyrillic,
/// Hebrew, Greek, Devanagari and Thai text (the script then picks the usual language). Returns null when
/// the text is too short or no language stands out. Thread-safe.
/// </summary>
public static class LanguageGuesser
{
    private static readonly Lazy<FrozenDictionary<string, string[]>> WordLanguages = new(() =>
    {
        var map = new Dictionary<string, List<string>>();
        foreach (var row in DataFile.ReadTsv(typeof(LanguageGuesser).Assembly, "Languages/Data/stopwords.tsv"))
            foreach (var w in row.List("words"))
            {
                if (!map.TryGetValue(w, out var list)) map[w] = list = [];
                list.Add(row["lang"]);
            }
        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    });

    /// <summary>Fewest words inspected before a guess is made.</summary>
    public const int MinWords = 12;

    /// <summary>The ISO 639-1 code of the likely language of <paramref name="text"/>, or null.</summary>
    public static string? Guess(string text, int maxChars = 4000)
    {
        var sample = text.Length > maxChars ? text[..maxChars] : text;
        if (ByScript(sample) is { } scripted) return scripted;
        var counts = new Dictionary<string, int>();
        var words = TextNormalizer.Key(sample).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinWords) return null;
        foreach (var w in words)
            if (WordLanguages.Value.TryGetValue(w, out var langs))
                foreach (var l in langs) counts[l] = counts.GetValueOrDefault(l) + 1;
        if (counts.Count == 0) return null;
        var ranked = counts.OrderByDescending(kv => kv.Value).ToList();
        var best = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        // A language must cover a fair share of the words and clearly beat the runner-up.
        return best.Value * 10 >= words.Length && best.Value >= second * 1.5 ? best.Key : null;
    }

    private static string? ByScript(string text)
    {
        int letters = 0, han = 0, kana = 0, hangul = 0, arabic = 0, cyrillic = 0, hebrew = 0, greek = 0, devanagari = 0, thai = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            letters++;
            switch (ch)
            {
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\uAC00' and <= '\uD7AF': hangul++; break;
                case >= '\u0600' and <= '\u06FF': arabic++; break;
                case >= '\u0400' and <= '\u04FF': cyrillic++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
            }
        }
        if (letters < 10) return null;
        double Share(int n) => (double)n / letters;
        if (Share(kana) > 0.1) return "ja";
        if (Share(han) > 0.3) return "zh";
        if (Share(hangul) > 0.3) return "ko";
        if (Share(arabic) > 0.3) return "ar";
        if (Share(cyrillic) > 0.3) return "ru";
        if (Share(hebrew) > 0.3) return "he";
        if (Share(greek) > 0.3) return "el";
        if (Share(devanagari) > 0.3) return "hi";
        if (Share(thai) > 0.3) return "th";
        return null;
    }
}
