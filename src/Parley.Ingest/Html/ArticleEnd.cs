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
            for (var i = at; i < paragraphs.Count; i++) removed.Add("after end heading: " + (paragraphs[i].Length <= 100 ? paragraphs[i] : paragraphs[i][..100] + "..."));
            paragraphs.RemoveRange(at, paragraphs.Count - at);
            return;
        }
    }
}
