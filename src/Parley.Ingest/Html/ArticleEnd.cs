using Parley.Ingest.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// Where an article stops. Pages print what follows an article inside the same container as the
/// article itself: a "Related posts" or "Recent articles" list, an "About the author" box, a comment
/// thread. Such a heading (<see cref="FurnitureKind.End"/> in the boilerplate vocabulary) ends the body
/// when enough article text came before it; a heading near the top (a list of links before a short
/// article) ends nothing.
/// </summary>
public static class ArticleEnd
{
    /// <summary>Article words that must come before an end heading for it to end the body.</summary>
    public const int MinWordsBefore = 150;

    /// <summary>
    /// An end heading closes the article unless it ends with a colon: "More from our archive on
    /// this:" or "Related content:" introduce a short list inside the article, which goes on after it.
    /// </summary>
    public static bool IsEndHeading(string heading) => !heading.TrimEnd().EndsWith(':');

    /// <summary>
    /// Cuts <paramref name="paragraphs"/> at the first end heading (given as the paragraph index where it
    /// stood, in <paramref name="endHeadings"/>) that has at least <see cref="MinWordsBefore"/> words and
    /// a third of the body before it; what is cut is noted in <paramref name="removed"/>.
    /// </summary>
    public static void Cut(List<string> paragraphs, IReadOnlyList<int> endHeadings, List<string> removed)
    {
        if (endHeadings.Count == 0 || paragraphs.Count == 0) return;
        var counts = paragraphs.Select(TextNormalizer.WordCount).ToArray();
        var total = counts.Sum();
        foreach (var at in endHeadings)
        {
            var before = counts.Take(at).Sum();
            if (before < MinWordsBefore || before * 3 < total) continue;
            for (var i = at; i < paragraphs.Count; i++) removed.Add("after end heading: " + Short(paragraphs[i]));
            paragraphs.RemoveRange(at, paragraphs.Count - at);
            return;
        }
    }

    /// <summary>How many closing paragraphs are searched for the author's biography.</summary>
    public const int BioWindow = 4;

    /// <summary>
    /// The author's biography that closes many posts ("Ana Ruiz is a transport reporter who...") is not
    /// article text: among the last <see cref="BioWindow"/> paragraphs, the first of 6+ words that begins
    /// with the byline's name ends the body. A byline of several names is not searched.
    /// </summary>
    public static void CutAuthorBio(List<string> paragraphs, string? author, List<string> removed)
    {
        if (author is null || author.Contains(" and ", StringComparison.Ordinal) || author.Contains(',') || paragraphs.Count < 2) return;
        for (var i = Math.Max(1, paragraphs.Count - BioWindow); i < paragraphs.Count; i++)
        {
            if (!paragraphs[i].StartsWith(author + " ", StringComparison.Ordinal) || TextNormalizer.WordCount(paragraphs[i]) < 6) continue;
            for (var j = i; j < paragraphs.Count; j++) removed.Add("author bio: " + Short(paragraphs[j]));
            paragraphs.RemoveRange(i, paragraphs.Count - i);
            return;
        }
    }

    /// <summary>A removed paragraph as noted: its first 100 characters.</summary>
    internal static string Short(string paragraph) => paragraph.Length <= 100 ? paragraph : paragraph[..100] + "...";
}
