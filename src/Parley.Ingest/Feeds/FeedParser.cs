using System.Xml;

namespace Parley.Ingest.Feeds;

/// <summary>One entry of an RSS or Atom feed, as written in it.</summary>
internal sealed class FeedEntry
{
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Guid { get; set; }
    public string? About { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public string? Author { get; set; }
    public string? Content { get; set; }
    public string? Summary { get; set; }
    public string? Language { get; set; }

    /// <summary>Where the article is: the link, else a permalink guid, else RDF's rdf:about.</summary>
    public string? Target => Nonempty(Link) ?? Nonempty(Guid) ?? Nonempty(About);

    private static string? Nonempty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>
/// The one RSS 2.0 / RSS 1.0 (RDF) / Atom parser, shared by feed files (<see cref="FeedReader"/>) and
/// the fetcher's feed links (<see cref="Fetch.FeedLinks"/>): a forward-only XML reader, one entry at a
/// time, so a large feed is never loaded whole; DTDs refused (no entity expansion, no external fetches).
/// </summary>
internal static class FeedParser
{
    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 0,
    };

    /// <summary>The entries of the feed in <paramref name="stream"/>; <paramref name="onLanguage"/> hears the feed's language.</summary>
    /// <exception cref="XmlException">The feed is not well-formed XML (thrown when enumeration reaches the fault).</exception>
    public static IEnumerable<FeedEntry> Read(Stream stream, long maxCharacters, Action<string>? onLanguage = null)
    {
        var settings = Settings.Clone();
        settings.MaxCharactersInDocument = maxCharacters;
        using var xml = XmlReader.Create(stream, settings);
        foreach (var entry in Entries(xml, onLanguage ?? (_ => { }))) yield return entry;
    }

    private static IEnumerable<FeedEntry> Entries(XmlReader xml, Action<string> onLanguage)
    {
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            var name = xml.LocalName;
            if (xml.Depth == 0 && xml.GetAttribute("xml:lang") is { } feedLang) onLanguage(feedLang);
            if (name == "language" && xml.Depth <= 2)
            {
                onLanguage(xml.ReadElementContentAsString().Trim()); // leaves the reader on the next node
                continue;
            }
            if (name is "item" or "entry")
            {
                FeedEntry entry;
                using (var sub = xml.ReadSubtree()) entry = ReadEntry(sub);
                xml.Read(); // past the item's end tag
                yield return entry;
                continue;
            }
            xml.Read();
        }
    }

    private static FeedEntry ReadEntry(XmlReader xml)
    {
        var entry = new FeedEntry();
        xml.Read(); // the item/entry element itself
        entry.About = xml.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1)
            {
                xml.Read();
                continue;
            }
            // Every case below leaves the reader after the element (the readers consume it; Skip otherwise).
            var local = xml.LocalName;
            var ns = xml.NamespaceURI;
            switch (local)
            {
                case "title":
                    entry.Title ??= Text(xml);
                    break;
                case "link":
                    var href = xml.GetAttribute("href");
                    var rel = xml.GetAttribute("rel");
                    if (href is not null)
                    {
                        if (rel is null or "alternate") entry.Link ??= href;
                        xml.Skip();
                    }
                    else entry.Link ??= Text(xml);
                    break;
                case "guid" when xml.GetAttribute("isPermaLink") != "false":
                    entry.Guid ??= Text(xml);
                    break;
                case "pubDate" or "published" or "issued":
                    entry.Published ??= Text(xml);
                    break;
                case "date" when ns.Contains("purl.org/dc", StringComparison.Ordinal):
                    entry.Published ??= Text(xml);
                    break;
                case "updated" or "modified":
                    entry.Updated ??= Text(xml);
                    break;
                case "encoded" or "content":
                    entry.Content ??= Text(xml);
                    break;
                case "description" or "summary":
                    entry.Summary ??= Text(xml);
                    break;
                case "author" or "creator":
                    entry.Author ??= AuthorName(xml);
                    break;
                case "language":
                    entry.Language ??= Text(xml);
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        return entry;
    }

    private static string? Text(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Skip();
            return null;
        }
        // Atom xhtml content is markup, not text: keep it as HTML.
        var s = xml.GetAttribute("type") == "xhtml" ? xml.ReadInnerXml() : xml.ReadElementContentAsString();
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    private static string? AuthorName(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Skip();
            return null;
        }
        using (var sub = xml.ReadSubtree())
            return AuthorFromSubtree(sub);
    }

    private static string? AuthorFromSubtree(XmlReader sub)
    {
        sub.Read();
        string? name = null;
        string? text = null;
        while (sub.Read())
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "name") name = sub.ReadElementContentAsString();
            else if (sub.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) text = (text ?? "") + sub.Value;
        }
        var value = (name ?? text)?.Trim();
        // RSS puts "email (Name)" in <author>.
        if (value is not null && value.Contains('@') && value.IndexOf('(') is var open and > 0 && value.EndsWith(')'))
            value = value[(open + 1)..^1];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
