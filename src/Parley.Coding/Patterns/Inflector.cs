using Parley.Core.Data;

namespace Parley.Coding.Patterns;

/// <summary>
/// Generates the inflected forms of an English lemma: third person and plural (-s/-es/-ies), past and
/// participle (-ed/-d/-ied, irregular forms from Patterns/Data/irregular-verbs.tsv), gerund (-ing).
/// Over-generation is harmless (a form like "visitted" never occurs in text), so doubled and plain
/// consonant forms are both produced instead of guessing stress.
/// </summary>
public static class Inflector
{
    private static readonly Lazy<Dictionary<string, string[]>> Irregular = new(LoadIrregular);

    /// <summary>Every form of <paramref name="lemma"/>, the lemma itself first.</summary>
    public static IEnumerable<string> Forms(string lemma)
    {
        yield return lemma;
        if (lemma.Length < 2 || !lemma.All(c => char.IsLetter(c) || c == '-')) yield break;
        if (lemma == "be")
        {
            foreach (var f in (string[])["is", "are", "am", "'s", "’s", "'re", "was", "were", "been", "being"]) yield return f;
            yield break;
        }
        var last = lemma[^1];
        var beforeLast = lemma[^2];
        bool Vowel(char c) => "aeiou".Contains(c);

        // -s / -es / -ies
        if (lemma.EndsWith('s') || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith("ch") || lemma.EndsWith("sh"))
            yield return lemma + "es";
        else if (last == 'y' && !Vowel(beforeLast))
            yield return lemma[..^1] + "ies";
        else
            yield return lemma + "s";

        if (Irregular.Value.TryGetValue(lemma, out var irregular))
        {
            foreach (var f in irregular) yield return f;
        }
        else
        {
            // -ed
            if (last == 'e') yield return lemma + "d";
            else if (last == 'y' && !Vowel(beforeLast)) yield return lemma[..^1] + "ied";
            else yield return lemma + "ed";
        }

        // consonant doubling after a single short vowel: ban -> banned, banning; commit -> committed
        var doubles = lemma.Length >= 3 && !Vowel(last) && "wxy".IndexOf(last) < 0 && Vowel(beforeLast) && !Vowel(lemma[^3]);
        if (doubles)
        {
            yield return lemma + last + "ed";
            yield return lemma + last + "ing";
        }

        // -ing
        if (lemma.EndsWith("ie")) yield return lemma[..^2] + "ying";
        else if (last == 'e' && beforeLast != 'e' && beforeLast != 'y' && beforeLast != 'o') yield return lemma[..^1] + "ing";
        else yield return lemma + "ing";
    }

    private static readonly Lazy<HashSet<string>> IrregularPasts = new(() =>
        DataFile.ReadTsv(typeof(Inflector).Assembly, "Patterns/Data/irregular-verbs.tsv").SelectMany(r => r.List("past")).ToHashSet(StringComparer.Ordinal));

    /// <summary>True for the simple past of an irregular verb ("began", "took").</summary>
    internal static bool IsIrregularPast(string word) => IrregularPasts.Value.Contains(word);

    private static Dictionary<string, string[]> LoadIrregular()
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(typeof(Inflector).Assembly, "Patterns/Data/irregular-verbs.tsv"))
            map[row["lemma"]] = row.List("past").Concat(row.List("participle")).Distinct().ToArray();
        return map;
    }
}
