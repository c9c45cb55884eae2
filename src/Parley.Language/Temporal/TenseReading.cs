using System.Globalization;

namespace Parley.Language.Temporal;

/// <summary>
/// Decides whether an ambiguous expression ("on Monday", "in April") looks forward or back, from the
/// tense and modality cues of its sentence (tense-cues.tsv). News is written after the fact, so
/// without a cue the reading is past. The nearest cue before the expression decides ("Trump said
/// he will visit in April": "will"); when there is none before it, the nearest one after it.
/// </summary>
internal sealed class TenseReading
{
    // Listed cues by their lower-case first character, longest first, so the longest cue at a position wins.
    private readonly Dictionary<char, Phrase[]> _byFirst;

    /// <summary>A listed cue: its words in lower case joined by single spaces (a space matches any run of white space).</summary>
    private sealed record Phrase(string Text, bool Future)
    {
        /// <summary>A cue that starts with a letter must start a word; one that starts with an apostrophe ("'ll") may not.</summary>
        public bool StartsWord => char.IsLetter(Text[0]);
    }

    public TenseReading(TemporalLexicon lex)
    {
        var phrases = new List<Phrase>();
        foreach (var cue in lex.TenseCues)
        {
            phrases.Add(new Phrase(TemporalLexicon.Key(cue.Cue), cue.Future));
        }
        _byFirst = phrases.GroupBy(p => p.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Text.Length).ToArray());
    }

    /// <summary>A cue found in a sentence: where it is and which way it points.</summary>
    public readonly record struct Cue(int Start, int End, bool Future);

    /// <summary>
    /// The cues of a sentence, in order, each with its direction (modal verb groups applied). A scan
    /// over word starts with a look-up by first letter: one pass, however many cues are listed (a
    /// regular expression alternating over every cue tried them all at every position).
    /// </summary>
    public List<Cue> Cues(string sentence)
    {
        var result = new List<Cue>();
        bool? previousListed = null;
        var previousEnd = 0;
        var i = 0;
        while (i < sentence.Length)
        {
            var end = MatchAt(sentence, i, out var listed);
            if (end < 0)
            {
                i++;
                continue;
            }
            var future = listed ?? false;
            // A participle after a modal belongs to its verb group: "will be held" looks forward ("would have met" does not).
            if (!future && previousListed == true)
            {
                var between = sentence.AsSpan(previousEnd, i - previousEnd);
                if (WordCount(between) <= 2 && !between.Contains("have", StringComparison.OrdinalIgnoreCase)) future = true;
            }
            result.Add(new Cue(i, end, future));
            previousListed = listed;
            previousEnd = end;
            i = end;
        }
        return result;
    }

    /// <summary>
    /// The end of the cue starting at <paramref name="i"/>, or -1. <paramref name="listed"/> is the
    /// listed direction, or null for a past form found by its "-ed" ending.
    /// </summary>
    private int MatchAt(string s, int i, out bool? listed)
    {
        listed = null;
        var atWordStart = i == 0 || !IsWordChar(s[i - 1]);
        if (_byFirst.TryGetValue(char.ToLowerInvariant(s[i]), out var phrases))
        {
            foreach (var phrase in phrases)
            {
                if (phrase.StartsWord && !atWordStart) continue;
                var end = MatchPhrase(s, i, phrase.Text);
                if (end < 0 || (end < s.Length && IsWordChar(s[end]))) continue;
                listed = phrase.Future;
                return end;
            }
        }
        return PastFormEnd(s, i);
    }

    /// <summary>Matches a cue at <paramref name="i"/> ignoring case, a space in the cue matching one or more white-space characters.</summary>
    private static int MatchPhrase(string s, int i, string cue)
    {
        var k = i;
        foreach (var c in cue)
        {
            if (c == ' ')
            {
                if (k >= s.Length || !char.IsWhiteSpace(s[k])) return -1;
                while (k < s.Length && char.IsWhiteSpace(s[k])) k++;
            }
            else
            {
                if (k >= s.Length || char.ToLowerInvariant(s[k]) != c) return -1;
                k++;
            }
        }
        return k;
    }

    /// <summary>
    /// Any lower-case word ending in "-ed" counts as a past form ("discussed"), except "-eed" words
    /// ("agreed" is listed if it matters) and "hundred"; the word must not follow a letter, an
    /// apostrophe or a hyphen ("well-armed" is not a verb).
    /// </summary>
    private static int PastFormEnd(string s, int i)
    {
        if (i > 0 && (IsWordChar(s[i - 1]) || s[i - 1] is '\'' or '’' or '-')) return -1;
        var end = i;
        while (end < s.Length && s[end] is >= 'a' and <= 'z') end++;
        if (end - i < 4 || (end < s.Length && IsWordChar(s[end]))) return -1;
        if (s[end - 2] != 'e' || s[end - 1] != 'd') return -1;
        var stem = s.AsSpan(i, end - i - 2);
        return stem.EndsWith("e", StringComparison.Ordinal) || stem.EndsWith("hundr", StringComparison.Ordinal) ? -1 : end;
    }

    private static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ') inWord = false;
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }
        return count;
    }

    /// <summary>A word character as regular expressions count them (letters, digits, marks, connectors).</summary>
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.ModifierLetter;

    /// <summary>True when the sentence reads forward at the expression [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static bool LooksForward(IReadOnlyList<Cue> cues, int start, int end)
    {
        bool? before = null, after = null;
        foreach (var c in cues)
        {
            if (c.End <= start) before = c.Future;
            else if (c.Start >= end && after is null) after = c.Future;
        }
        return before ?? after ?? false;
    }

    /// <summary>True when <paramref name="sentence"/> reads forward at the expression [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool LooksForward(string sentence, int start, int end) => LooksForward(Cues(sentence), start, end);
}
