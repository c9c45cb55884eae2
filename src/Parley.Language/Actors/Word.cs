namespace Parley.Language.Actors;

/// <summary>
/// A word of a sentence as the dictionaries see it: a span of the document text and a look-up key
/// (lower-cased, curly apostrophes and dashes folded). "U.S." is one word; "China's" is "China" + "'s";
/// "U.S.-China" is "U.S." + "-" + "China"; every other punctuation mark is a word of its own.
/// </summary>
/// <param name="Start">Offset of the first character in the document text.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Key">The look-up key.</param>
public readonly record struct Word(int Start, int End, string Surface, string Key)
{
    /// <summary>True when the word starts with a letter.</summary>
    public bool IsAlpha => Surface is { Length: > 0 } && char.IsLetter(Surface[0]);

    /// <summary>True when the word starts with an upper-case letter or a digit ("Busan", "U.S.", "G20").</summary>
    public bool IsCapitalised => Surface is { Length: > 0 } && (char.IsUpper(Surface[0]) || char.IsDigit(Surface[0]));

    /// <summary>True when every letter is upper case and there are at least two ("US", "NATO", "U.S.").</summary>
    public bool IsAllCaps
    {
        get
        {
            var letters = 0;
            foreach (var c in Surface ?? "")
            {
                if (!char.IsLetter(c)) continue;
                if (!char.IsUpper(c)) return false;
                letters++;
            }
            return letters >= 2;
        }
    }

    /// <summary>True for a possessive ending ("'s", "’s", "'").</summary>
    public bool IsPossessive => Key is "'s" or "'";
}

/// <summary>Splits text into <see cref="Word"/>s; the same rules serve dictionary entries and documents, so they always agree.</summary>
public static class WordScanner
{
    /// <summary>Words of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static List<Word> Scan(string text, int start, int end)
    {
        var words = new List<Word>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var j = ScanAbbreviation(text, i, end);
                if (j == i)
                {
                    j = i + 1;
                    while (j < end)
                    {
                        var d = text[j];
                        if (char.IsLetterOrDigit(d) || d == '\u0301' || d == '\u0308') { j++; continue; }
                        // An apostrophe inside a name ("O'Brien", "Nuku'alofa", "N'Djamena") but not a possessive.
                        if (IsApostrophe(d) && j + 1 < end && char.IsLetter(text[j + 1]) && !IsPossessiveAt(text, j, end)) { j++; continue; }
                        break;
                    }
                }
                words.Add(Make(text, i, j));
                i = j;
                continue;
            }
            if (IsApostrophe(c) && i > start && char.IsLetter(text[i - 1]))
            {
                // Possessive "'s" or a bare "'" after a plural ("the Philippines' ...").
                if (IsPossessiveAt(text, i, end)) { words.Add(Make(text, i, i + 2)); i += 2; continue; }
                if (i + 1 >= end || !char.IsLetter(text[i + 1])) { words.Add(Make(text, i, i + 1)); i++; continue; }
            }
            words.Add(Make(text, i, i + 1));
            i++;
        }
        return words;
    }

    /// <summary>Words of a whole string.</summary>
    public static List<Word> Scan(string text) => Scan(text, 0, text.Length);

    /// <summary>The look-up key of a piece of text: lower case, apostrophes and dashes folded.</summary>
    public static string KeyOf(string surface)
    {
        var chars = surface.ToLowerInvariant().ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            if (IsApostrophe(chars[k])) chars[k] = '\'';
            else if (chars[k] is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212') chars[k] = '-';
        }
        return new string(chars);
    }

    private static Word Make(string text, int s, int e)
    {
        var surface = text.Substring(s, e - s);
        return new Word(s, e, surface, KeyOf(surface));
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsPossessiveAt(string text, int i, int end) =>
        IsApostrophe(text[i]) && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S')
        && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]));

    // "U.S.", "U.N.", "D.C.", "J.D.": single letters each followed by a period, at least two of them.
    private static int ScanAbbreviation(string text, int i, int end)
    {
        var j = i;
        var count = 0;
        while (j + 1 < end && char.IsLetter(text[j]) && text[j + 1] == '.')
        {
            count++;
            j += 2;
            if (!(j + 1 < end && char.IsLetter(text[j]) && text[j + 1] == '.')) break;
        }
        return count >= 2 ? j : i;
    }
}
