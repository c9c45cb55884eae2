using Parley.Ingest.Dates;
using Parley.Ingest.Text;

namespace Parley.Ingest.Markdown;

/// <summary>
/// Reads Markdown or plain text with optional YAML front matter. Front matter values win over what
/// the text says: <c>title</c> (or <c>headline</c>), publication time from <c>published_time</c>,
/// <c>date</c>, <c>published</c>, <c>pubdate</c> or <c>publish_date</c> (the first that parses, in
/// that order: a time beats a bare date), <c>modified_time</c>/<c>updated</c>, <c>source_url</c>/<c>url</c>/
/// <c>link</c>/<c>canonical_url</c>, <c>author</c>/<c>authors</c>, <c>site</c>/<c>source</c>, <c>lang</c>/<c>language</c>.
/// The body goes through <see cref="PlainTextArticleParser"/> (furniture, captions, duplicates).
/// Thread-safe.
/// </summary>
public sealed class MarkdownArticleParser
{
    private static readonly string[] PublishedKeys = ["published_time", "date_published", "datepublished", "published", "publish_date", "pubdate", "date", "created", "created_at"];
    private static readonly string[] ModifiedKeys = ["modified_time", "date_modified", "modified", "updated", "lastmod", "last_modified"];
    private static readonly string[] UrlKeys = ["source_url", "canonical_url", "url", "link", "source_link", "permalink"];
    private static readonly string[] TitleKeys = ["title", "headline"];
    private static readonly string[] AuthorKeys = ["author", "authors", "byline", "creator"];
    private static readonly string[] SiteKeys = ["site", "site_name", "source", "publisher"];
    private static readonly string[] LanguageKeys = ["lang", "language", "locale"];

    private readonly PlainTextArticleParser _text = new();

    /// <summary>Parses <paramref name="text"/>; <paramref name="isMarkdown"/> false keeps the body as plain text.</summary>
    public ParsedArticle Parse(string text, bool isMarkdown)
    {
        FrontMatter.TrySplit(text, out var fields, out var body, out var error);
        var title = First(fields, TitleKeys);
        var plain = isMarkdown ? MarkdownText.ToPlain(body) : body;
        var result = _text.Parse(plain, knownTitle: title);
        if (error is not null) result.Warnings.Add(error);
        var meta = result.Metadata;
        foreach (var key in PublishedKeys)
        {
            if (fields.TryGetValue(key, out var v) && DateTextParser.TryParseMachine(v, out var d))
            {
                meta.Published = d!.Value;
                meta.PublishedSource = "front-matter:" + key;
                break;
            }
        }
        foreach (var key in ModifiedKeys)
        {
            if (fields.TryGetValue(key, out var v) && DateTextParser.TryParseMachine(v, out var d))
            {
                meta.Modified = d!.Value;
                break;
            }
        }
        if (First(fields, UrlKeys) is { } url)
            meta.CanonicalUrl = url;
        meta.Author = First(fields, AuthorKeys) ?? meta.Author;
        meta.Site = First(fields, SiteKeys) ?? meta.Site;
        if (First(fields, LanguageKeys) is { } lang) meta.Language = lang.Split('-', '_')[0].ToLowerInvariant();
        return result;
    }

    private static string? First(Dictionary<string, string> fields, string[] keys)
    {
        foreach (var k in keys)
            if (fields.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v))
                return Text.TextNormalizer.CollapseWhitespace(v);
        return null;
    }
}
