using System.Xml;
using Parley.Ingest.Feeds;

namespace Parley.Ingest.Fetch;

/// <summary>One entry of a feed as the fetcher needs it: where the article is, and what the feed says of it.</summary>
/// <param name="Link">The entry's article URL (absolute, resolved against the feed's URL).</param>
/// <param name="Title">The entry's title, or null.</param>
/// <param name="Published">The entry's date as written (pubDate, published, dc:date, else updated), or null.</param>
public sealed record FeedLink(string Link, string? Title, string? Published);

/// <summary>
/// Lists the article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, read by the same parser as
/// feed files (<c>FeedParser</c>). Only what a crawler needs is kept: link, title, date; the article
/// itself is fetched from the link.
/// </summary>
public static class FeedLinks
{
    /// <summary>True when <paramref name="body"/> looks like a feed: its root element is rss, feed or rdf:RDF.</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> body)
    {
        var head = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2048)]);
        var i = 0;
        while (true)
        {
            i = head.IndexOf('<', i);
            if (i < 0 || i + 1 >= head.Length) return false;
            var next = head[i + 1];
            if (next is '?' or '!') // XML declaration, comment, doctype: look further
            {
                i++;
                continue;
            }
            var rest = head.AsSpan(i + 1);
            return rest.StartsWith("rss", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("feed", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("rdf:RDF", StringComparison.Ordinal);
        }
    }

    /// <summary>Reads the entries of the feed in <paramref name="body"/>, resolving links against <paramref name="feedUrl"/>.</summary>
    /// <exception cref="XmlException">The feed is not well-formed XML.</exception>
    public static List<FeedLink> Read(byte[] body, Uri feedUrl, int maxEntries = 10_000)
    {
        ArgumentNullException.ThrowIfNull(body);
        var links = new List<FeedLink>();
        foreach (var entry in FeedParser.Read(new MemoryStream(body), maxCharacters: 0))
        {
            if (links.Count >= maxEntries) break;
            if (entry.Target is not { } target || !Uri.TryCreate(feedUrl, target, out var absolute)
                || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps)) continue;
            links.Add(new FeedLink(absolute.AbsoluteUri, entry.Title, entry.Published ?? entry.Updated));
        }
        return links;
    }
}
