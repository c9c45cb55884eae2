using System.Buffers;
using System.Text;

namespace Parley.Ingest.Text;

/// <summary>Text clean-up and comparison keys shared by every reader.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// A comparison key: lower case, letters and digits only, words separated by one space. Curly and
    /// straight quotes, dashes, non-breaking spaces and punctuation all vanish, so two printings of
    /// one paragraph ("U.S.-china" / "U.S.-China", “very good” / "very good") get the same key.
    /// </summary>
    public static string Key(string text)
    {
        // Written into a stack or pooled buffer, not a StringBuilder: one string allocated per call.
        var rented = text.Length > 512 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented is null ? stackalloc char[512] : rented;
        var n = 0;
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && n > 0) buffer[n++] = ' ';
                space = false;
                buffer[n++] = char.ToLowerInvariant(ch);
            }
            else if (ch is '\'' or '’' or '‘' or '.' && n > 0 && !space)
            {
                // "don't", "U.S." stay one word: apostrophes and dots inside words are dropped silently
            }
            else
            {
                space = true;
            }
        }
        var key = n == text.Length ? (buffer[..n].SequenceEqual(text) ? text : new string(buffer[..n])) : new string(buffer[..n]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return key;
    }

    /// <summary>Folds runs of white space (including non-breaking spaces and line breaks) into one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        if (IsCollapsed(text)) return text;
        var rented = text.Length > 512 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented is null ? stackalloc char[512] : rented;
        var n = 0;
        var space = false;
        foreach (var ch in text)
        {
            if (IsFoldedSpace(ch))
            {
                space = true;
                continue;
            }
            if (space && n > 0) buffer[n++] = ' ';
            space = false;
            buffer[n++] = ch;
        }
        var collapsed = new string(buffer[..n]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return collapsed;
    }

    private static bool IsFoldedSpace(char ch) => char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF';

    /// <summary>True when <see cref="CollapseWhitespace"/> would return <paramref name="text"/> unchanged (most text already is).</summary>
    private static bool IsCollapsed(string text)
    {
        var previousSpace = true; // a leading space is a change
        foreach (var ch in text)
        {
            if (ch == ' ')
            {
                if (previousSpace) return false;
                previousSpace = true;
            }
            else if (IsFoldedSpace(ch)) return false;
            else previousSpace = false;
        }
        return !previousSpace || text.Length == 0;
    }

    /// <summary>Counts words (runs of letters or digits).</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var w = char.IsLetterOrDigit(ch);
            if (w && !inWord) count++;
            inWord = w;
        }
        return count;
    }
}
