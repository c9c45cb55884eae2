namespace Parley.Ingest.Text;

/// <summary>One logical line of a plain-text article: a paragraph, a title, a dateline, a caption or furniture.</summary>
/// <param name="Text">The text with white space folded.</param>
/// <param name="Block">Index of the blank-line-separated block it came from.</param>
public sealed record TextUnit(string Text, int Block);

/// <summary>
/// Splits plain text into logical lines. Blank lines (or lines of white space) separate blocks. In a
/// block that is hard-wrapped (lines of similar length no longer than 100 characters, as e-mail and
/// Markdown sources wrap them) the lines are joined into paragraphs, which end at a short line
/// closing a sentence; in any other block every line is its own unit ("one paragraph a line", as
/// pages copied to text print them), except that a line starting in lower case continues the one before.
/// </summary>
public static class TextBlocks
{
    /// <summary>Longest line that can be part of a hard-wrapped block.</summary>
    public const int MaxWrapWidth = 100;

    /// <summary>Splits <paramref name="text"/> into units.</summary>
    public static List<TextUnit> Split(string text)
    {
        var units = new List<TextUnit>();
        var block = new List<string>();
        var blockIndex = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }
            block.Add(line);
        }
        Flush();
        return units;

        void Flush()
        {
            if (block.Count == 0) return;
            foreach (var p in SplitBlock(block)) units.Add(new TextUnit(p, blockIndex));
            blockIndex++;
            block.Clear();
        }
    }

    private static IEnumerable<string> SplitBlock(List<string> lines)
    {
        var trimmed = lines.Select(l => TextNormalizer.CollapseWhitespace(l)).Where(l => l.Length > 0).ToList();
        if (trimmed.Count == 0) yield break;
        var max = trimmed.Max(l => l.Length);
        var wrapped = trimmed.Count >= 2 && max <= MaxWrapWidth
            && trimmed.Take(trimmed.Count - 1).Count(l => l.Length >= 0.6 * max) * 2 >= trimmed.Count - 1;
        var current = new List<string>();
        for (var i = 0; i < trimmed.Count; i++)
        {
            var line = trimmed[i];
            current.Add(line);
            var last = i == trimmed.Count - 1;
            var hardBreak = lines.Count > i && lines[i].EndsWith("  ", StringComparison.Ordinal) && wrapped;
            bool join;
            if (last) join = false;
            // A dateline is a unit of its own even in a short block that looks hard-wrapped
            // ("Published March 14th, 2024 - 10:30 GMT" followed by a one-line body).
            else if (Dates.Dateline.Match(line) is not null) join = false;
            else if (StartsLower(trimmed[i + 1])) join = true;
            else if (wrapped) join = !hardBreak && !(line.Length < 0.6 * max && EndsSentence(line));
            else join = false;
            if (!join)
            {
                yield return string.Join(' ', current);
                current.Clear();
            }
        }
    }

    private static bool StartsLower(string line)
    {
        foreach (var ch in line)
        {
            if (char.IsLetter(ch)) return char.IsLower(ch);
            if (char.IsDigit(ch)) return false;
        }
        return false;
    }

    /// <summary>True when the line ends a sentence (full stop, question or exclamation mark, possibly inside quotes or brackets).</summary>
    public static bool EndsSentence(string line)
    {
        var t = line.TrimEnd(' ', '"', '”', '’', '\'', ')', ']', '»');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ':';
    }
}
