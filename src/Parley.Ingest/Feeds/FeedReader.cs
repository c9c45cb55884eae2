using System.Xml;
using Parley.Ingest.Csv;

namespace Parley.Ingest.Feeds;

/// <summary>One entry of an RSS or Atom feed.</summary>
internal sealed class FeedEntry
{
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public string? Author { get; set; }
    public string? Content { get; set; }
    public string? Summary { get; set; }
    public string? Language { get; set; }
}

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
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 0,
    };

    public IEnumerable<IngestItem> Read(string path, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.Empty, "empty file"));
            yield break;
        }
        var settings = Settings.Clone();
        settings.MaxCharactersInDocument = reader.Options.MaxFileBytes * 2;
        using var xml = XmlReader.Create(stream, settings);
        var n = 0;
        string? feedLanguage = null;
        IEnumerator<FeedEntry> entries = Entries(xml, l => feedLanguage = l).GetEnumerator();
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
            var fields = new RecordFields(entry.Title, entry.Published ?? entry.Updated, entry.Link, entry.Author, null, entry.Language ?? feedLanguage);
            yield return reader.ReadRecord(origin, WrapHtml(html), null, fields, []);
        }
        if (n == 0) yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.NoArticle, "no RSS item or Atom entry in the file"));
    }

    /// <summary>Entry HTML is a fragment: wrap it so the page reader takes every paragraph as content.</summary>
    private static string WrapHtml(string fragment) =>
        fragment.Contains('<') ? "<html><body><article>" + fragment + "</article></body></html>"
            : "<html><body><article>" + string.Join("", fragment.Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "</article></body></html>";

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
                case "guid" when entry.Link is null && xml.GetAttribute("isPermaLink") != "false":
                    entry.Link = Text(xml);
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
