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
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '’' or '‘' or '.' && sb.Length > 0 && !space)
            {
                // "don't", "U.S." stay one word: apostrophes and dots inside words are dropped silently
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>Folds runs of white space (including non-breaking spaces and line breaks) into one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
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
