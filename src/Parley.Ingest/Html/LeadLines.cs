using System.Text.RegularExpressions;
using Parley.Ingest.Dates;
using Parley.Ingest.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// The short lines a page prints between the headline and the first paragraph: the date ("Dec 12, 2025",
/// "Updated on 09/10/2025"), the byline ("By Ana Ruiz", or the author's name alone) and the reading time
/// ("4 min read"). They are metadata, not article text: among the first paragraphs of a body they are
/// taken out and noted apart.
/// </summary>
public static partial class LeadLines
{
    /// <summary>How many paragraphs at the top of a body are searched.</summary>
    public const int Window = 6;

    [GeneratedRegex(@"^(?:by|written by|posted by|words by|reported by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|van|von|de|der|da|del|and|&)){0,4}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:\d+\s*(?:min|mins|minutes?)\.?\s*(?:read|reading time)|(?:reading time|read time)\s*:?\s*\d+\s*(?:min|mins|minutes?)\.?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    /// <summary>
    /// Removes date, byline and reading-time lines among the first <see cref="Window"/> paragraphs, and a
    /// line that is the author's name alone; each is noted in <paramref name="removed"/>. A body is never emptied.
    /// </summary>
    public static void Remove(List<string> paragraphs, string? author, List<string> removed)
    {
        var authorKey = author is null ? null : TextNormalizer.Key(author);
        for (var i = 0; i < Math.Min(Window, paragraphs.Count) && paragraphs.Count > 1; i++)
        {
            var line = paragraphs[i].Trim();
            string? kind = null;
            if (Dateline.Match(line) is not null) kind = "dateline";
            else if (Byline().IsMatch(line) || (authorKey is { Length: > 0 } && TextNormalizer.Key(line) == authorKey)) kind = "byline";
            else if (ReadingTime().IsMatch(line)) kind = "reading time";
            if (kind is null) continue;
            removed.Add(kind + ": " + line);
            paragraphs.RemoveAt(i--);
        }
    }
}
