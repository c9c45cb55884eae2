using System.Xml;

namespace Parley.Ingest.Fetch;

/// <summary>One entry of a feed as the fetcher needs it: where the article is, and what the feed says of it.</summary>
/// <param name="Link">The entry's article URL (absolute, resolved against the feed's URL).</param>
/// <param name="Title">The entry's title, or null.</param>
/// <param name="Published">The entry's date as written (pubDate, published, dc:date, else updated), or null.</param>
public sealed record FeedLink(string Link, string? Title, string? Published);

/// <summary>
/// Lists the article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed with a forward-only XML
/// reader (DTDs refused: no entity expansion, no external fetches). Only what a crawler needs is
/// read: link, title, date; the article itself is fetched from the link.
/// </summary>
public static class FeedLinks
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

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
        var links = new List<FeedLink>();
        using var xml = XmlReader.Create(new MemoryStream(body), Settings);
        while (xml.Read() && links.Count < maxEntries)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName is not ("item" or "entry")) continue;
            using var entry = xml.ReadSubtree();
            if (ReadEntry(entry, feedUrl) is { } link) links.Add(link);
        }
        return links;
    }

    private static FeedLink? ReadEntry(XmlReader xml, Uri feedUrl)
    {
        string? link = null, guid = null, title = null, published = null, updated = null;
        xml.Read(); // the item/entry element
        var about = xml.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        var depth = xml.Depth;
        xml.Read();
        // Every case consumes its element (reading its text or skipping it), so no sibling is passed over.
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1)
            {
                xml.Read();
                continue;
            }
            switch (xml.LocalName)
            {
                case "link" when xml.GetAttribute("href") is { } href:
                    if (xml.GetAttribute("rel") is null or "alternate") link ??= href;
                    xml.Skip();
                    break;
                case "link":
                    link ??= Text(xml);
                    break;
                case "guid" when xml.GetAttribute("isPermaLink") != "false":
                    guid ??= Text(xml);
                    break;
                case "title":
                    title ??= Text(xml);
                    break;
                case "pubDate" or "published" or "issued" or "date":
                    published ??= Text(xml);
                    break;
                case "updated" or "modified":
                    updated ??= Text(xml);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        // RDF items name their link in rdf:about.
        var target = Nonempty(link) ?? Nonempty(guid) ?? Nonempty(about);
        if (target is null || !Uri.TryCreate(feedUrl, target, out var absolute)
            || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps)) return null;
        return new FeedLink(absolute.AbsoluteUri, Nonempty(title), Nonempty(published) ?? Nonempty(updated));
    }

    private static string? Text(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Skip();
            return null;
        }
        return xml.ReadElementContentAsString().Trim();
    }

    private static string? Nonempty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
