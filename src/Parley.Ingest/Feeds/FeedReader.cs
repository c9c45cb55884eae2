using System.Xml;
using Parley.Ingest.Csv;

namespace Parley.Ingest.Feeds;

/// <summary>
/// Reads RSS 2.0 (also RSS 1.0/RDF) and Atom feeds with a forward-only XML reader, one entry at a
/// time, so a large feed is never loaded whole. DTDs are refused (no entity expansion, no external
/// fetches). Each entry becomes an article: its HTML content (<c>content:encoded</c>, Atom
/// <c>content</c>, else the description or summary) is read like a page, and the entry's own title,
/// link, date (<c>pubDate</c>, <c>published</c>, <c>dc:date</c>, else <c>updated</c>) and author win
/// over what that HTML says. Origins are <c>path#N</c>, N counting entries from 1.
/// </summary>
internal sealed class FeedReader(ArticleReader reader)
{
    public IEnumerable<IngestItem> Read(string path, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.Empty, "empty file"));
            yield break;
        }
        var n = 0;
        string? feedLanguage = null;
        using var entries = FeedParser.Read(stream, reader.Options.MaxFileBytes * 2, l => feedLanguage = l).GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FeedEntry entry;
            string? error = null;
            try
            {
                if (!entries.MoveNext()) break;
                entry = entries.Current;
            }
            catch (XmlException e)
            {
                error = IngestCodes.Format(IngestCodes.BadRecord, $"feed is not well-formed XML at line {e.LineNumber}: {e.Message}");
                entry = null!;
            }
            if (error is not null)
            {
                yield return IngestItem.Skipped(n == 0 ? path : $"{path}#{n + 1}", error);
                yield break;
            }
            n++;
            var html = entry.Content ?? entry.Summary;
            var origin = $"{path}#{n}";
            if (string.IsNullOrWhiteSpace(html))
            {
                yield return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Empty, "feed entry has no content or summary"));
                continue;
            }
            var fields = new RecordFields(entry.Title, entry.Published ?? entry.Updated, entry.Target, entry.Author, null, entry.Language ?? feedLanguage);
            yield return reader.ReadRecord(origin, WrapHtml(html), null, fields, []);
        }
        if (n == 0) yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.NoArticle, "no RSS item or Atom entry in the file"));
    }

    /// <summary>Entry HTML is a fragment: wrap it so the page reader takes every paragraph as content.</summary>
    private static string WrapHtml(string fragment) =>
        fragment.Contains('<') ? "<html><body><article>" + fragment + "</article></body></html>"
            : "<html><body><article>" + string.Join("", fragment.Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</article></body></html>";
}
