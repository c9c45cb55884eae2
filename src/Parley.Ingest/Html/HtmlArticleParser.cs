using Parley.Ingest.Dates;

namespace Parley.Ingest.Html;

/// <summary>
/// Reads an article from an HTML page: metadata (<see cref="HtmlMetadataExtractor"/>), then the main
/// content (<see cref="HtmlContentExtractor"/>). When the page has no usable body in its markup but
/// its JSON-LD carries an articleBody, that text is used. When no date is in the metadata, a
/// dateline among the first paragraphs is used. Thread-safe.
/// </summary>
public sealed class HtmlArticleParser
{
    private readonly HtmlContentExtractor _content = new();

    /// <summary>The content extractor (its <see cref="HtmlContentExtractor.Trace"/> can be set for tuning).</summary>
    public HtmlContentExtractor Content => _content;

    /// <summary>Parses <paramref name="html"/>; <paramref name="url"/> is the page's address when known.</summary>
    public ParsedArticle Parse(string html, string? url = null)
    {
        // Double-encoded UTF-8 ("donâ€™t") is repaired on the raw page: the repair only touches such runs, so markup is unchanged.
        using var page = PageParser.ParseStripped(Encodings.Mojibake.Repair(html));
        var doc = page.Document;
        var (meta, jsonLd) = HtmlMetadataExtractor.Extract(doc, url);
        var content = _content.Extract(doc, meta.Title, jsonLd?.ArticleBody);
        var result = new ParsedArticle();
        var paragraphs = content.Paragraphs;
        var bodyWords = paragraphs.Sum(Text.TextNormalizer.WordCount);
        if (jsonLd?.ArticleBody is { } ldBody && Text.TextNormalizer.WordCount(ldBody) > Math.Max(50, bodyWords * 2))
        {
            paragraphs = ldBody.Split('\n').Select(Text.TextNormalizer.CollapseWhitespace).Where(p => p.Length > 0).ToList();
            result.Metadata.Removed.Add("body: markup body replaced by JSON-LD articleBody");
        }

        if (meta.Published is null)
        {
            for (var i = 0; i < Math.Min(paragraphs.Count, 5); i++)
            {
                var m = Dateline.Match(paragraphs[i]);
                if (m is null || m.IsModified) continue;
                meta.Published = m.Date.Value;
                meta.PublishedSource = "dateline";
                meta.Removed.Add("dateline: " + paragraphs[i]);
                paragraphs.RemoveAt(i);
                break;
            }
        }
        LeadLines.Remove(paragraphs, meta.Author, meta.Removed);
        ArticleEnd.CutAuthorBio(paragraphs, meta.Author, meta.Removed);
        result.Paragraphs.AddRange(paragraphs);
        Copy(meta, result.Metadata);
        result.Metadata.Captions.AddRange(content.Captions);
        result.Metadata.Removed.AddRange(content.Removed);
        if (url is not null) result.Metadata.PathOrUrl = url;
        return result;
    }

    private static void Copy(Core.Model.ArticleMetadata from, Core.Model.ArticleMetadata to)
    {
        to.Title = from.Title;
        to.Published = from.Published;
        to.PublishedSource = from.PublishedSource;
        to.Modified = from.Modified;
        to.Site = from.Site;
        to.Author = from.Author;
        to.Language = from.Language;
        to.PathOrUrl = from.PathOrUrl;
        to.CanonicalUrl = from.CanonicalUrl;
        to.Captions.AddRange(from.Captions);
        to.Removed.AddRange(from.Removed);
    }
}
