using System.Runtime.CompilerServices;
using System.Xml;
using Parley.Ingest.Dates;
using Parley.Ingest.Encodings;

namespace Parley.Ingest.Fetch;

/// <summary>
/// Turns URLs into articles: each URL is fetched politely (<see cref="PoliteFetcher"/>); a page is
/// read by the <see cref="ArticleReader"/> like a file would be (HTTP charset, then the page's own
/// declaration), a feed is listed and each of its entries' links is fetched in turn (the entry's
/// date and title fill in what the page does not state). Each item's origin is the URL asked for;
/// its document's <c>PathOrUrl</c> is the URL the content came from (after redirects). Anything that
/// gives no article (robots.txt refusal, 304 unchanged, 404, too large, an image) becomes a skipped
/// item with a coded reason. A page linked twice in one run is fetched once.
/// </summary>
public sealed class WebArticleSource
{
    private readonly PoliteFetcher _fetcher;
    private readonly ArticleReader _reader;
    private readonly int _maxPages;
    private int _pages;

    /// <summary>Creates a source.</summary>
    /// <param name="fetcher">The HTTP client (its politeness settings apply).</param>
    /// <param name="reader">Reads pages into articles.</param>
    /// <param name="maxPages">Most article pages fetched in this source's life (feeds not counted); null for no limit.</param>
    public WebArticleSource(PoliteFetcher fetcher, ArticleReader reader, int? maxPages = null)
    {
        _fetcher = fetcher;
        _reader = reader;
        _maxPages = maxPages is > 0 ? maxPages.Value : int.MaxValue;
    }

    /// <summary>Article pages fetched so far (successful or not).</summary>
    public int PagesFetched => _pages;

    /// <summary>Blocking form of <see cref="ReadAsync"/>, for pipelines that pull an <see cref="IEnumerable{T}"/>.</summary>
    public IEnumerable<IngestItem> Read(IEnumerable<string> urls, CancellationToken cancellationToken = default)
    {
        var e = ReadAsync(urls, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                yield return e.Current;
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Fetches each URL (page or feed) in order and streams out one item per article page.</summary>
    public async IAsyncEnumerable<IngestItem> ReadAsync(IEnumerable<string> urls, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(url)) continue;
            if (_pages >= _maxPages)
            {
                yield return LimitReached(url);
                continue;
            }
            var result = await _fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
            if (!result.IsFetched)
            {
                _pages++;
                yield return IngestItem.Skipped(url, result.Reason!);
                continue;
            }
            if (!IsFeed(result))
            {
                _pages++;
                yield return ToItem(result, null);
                continue;
            }

            List<FeedLink> entries;
            string? feedError = null;
            try
            {
                entries = FeedLinks.Read(result.Body!, new Uri(result.FinalUrl));
            }
            catch (XmlException e)
            {
                entries = [];
                feedError = $"feed is not well-formed XML at line {e.LineNumber}: {e.Message}";
            }
            if (feedError is not null || entries.Count == 0)
            {
                yield return IngestItem.Skipped(url, FetchCodes.Format(FetchCodes.BadFeed, feedError ?? "feed lists no entry with a link"));
                continue;
            }
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!seen.Add(entry.Link)) continue;
                if (_pages >= _maxPages)
                {
                    yield return LimitReached(entry.Link);
                    break; // the rest of the feed would only repeat the same line
                }
                _pages++;
                var page = await _fetcher.FetchAsync(entry.Link, cancellationToken).ConfigureAwait(false);
                yield return page.IsFetched ? ToItem(page, entry) : IngestItem.Skipped(entry.Link, page.Reason!);
            }
        }
    }

    private IngestItem LimitReached(string url) =>
        IngestItem.Skipped(url, FetchCodes.Format(FetchCodes.PageLimit, $"page limit of {_maxPages:N0} reached; not fetched"));

    private static bool IsFeed(FetchResult result)
    {
        var type = result.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is "application/rss+xml" or "application/atom+xml" or "application/rdf+xml") return true;
        // Many feeds are served as text/xml, application/xml or even text/html: look at the root element.
        return type is not "text/plain" && FeedLinks.LooksLikeFeed(result.Body);
    }

    private IngestItem ToItem(FetchResult page, FeedLink? entry)
    {
        var format = page.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true ? ArticleFormat.Text : ArticleFormat.Html;
        var item = _reader.ReadBytes(page.Url, page.Body!, format, CharsetSniffer.FromContentType(page.ContentType), page.FinalUrl);
        if (item.Document is not { } document) return item;
        var meta = document.Metadata;
        meta.PathOrUrl = page.FinalUrl;
        if (entry is null) return item;

        // The feed's own date and title fill in for a page that states none.
        var warnings = item.Warnings.ToList();
        if ((meta.Published is null || meta.PublishedSource == "caller") && DateTextParser.TryParseMachine(entry.Published, out var date))
        {
            meta.Published = date!.Value;
            meta.PublishedSource = "feed:date";
            warnings.RemoveAll(w => w.StartsWith(IngestCodes.NoDate, StringComparison.Ordinal));
        }
        if (meta.Title is null && entry.Title is not null)
        {
            meta.Title = entry.Title;
            warnings.RemoveAll(w => w.StartsWith(IngestCodes.NoTitle, StringComparison.Ordinal));
        }
        return item with { Warnings = warnings };
    }
}
