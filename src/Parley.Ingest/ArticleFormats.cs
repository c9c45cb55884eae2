using System.Collections.Frozen;

namespace Parley.Ingest;

/// <summary>The input formats the reader knows, by file extension.</summary>
public enum ArticleFormat
{
    /// <summary>Not a known format.</summary>
    Unknown,
    /// <summary>Plain text article (.txt).</summary>
    Text,
    /// <summary>HTML page (.html, .htm, .xhtml).</summary>
    Html,
    /// <summary>Gzip-compressed HTML page (.html.gz, .htm.gz).</summary>
    HtmlGz,
    /// <summary>Markdown or text with optional YAML front matter (.md, .markdown).</summary>
    Markdown,
    /// <summary>CSV batch with url,date,title,text columns.</summary>
    Csv,
    /// <summary>JSON Lines batch of {"url", "html"|"text", "fetched_at"}.</summary>
    JsonLines,
    /// <summary>RSS 2.0 or Atom feed (.rss, .atom, .xml).</summary>
    Feed,
    /// <summary>WARC crawl file (.warc, .warc.gz).</summary>
    Warc,
}

/// <summary>Maps file names to formats.</summary>
public static class ArticleFormats
{
    private static readonly (string Suffix, ArticleFormat Format)[] Suffixes =
    [
        (".html.gz", ArticleFormat.HtmlGz), (".htm.gz", ArticleFormat.HtmlGz),
        (".warc.gz", ArticleFormat.Warc), (".warc", ArticleFormat.Warc),
        (".txt", ArticleFormat.Text), (".text", ArticleFormat.Text),
        (".html", ArticleFormat.Html), (".htm", ArticleFormat.Html), (".xhtml", ArticleFormat.Html),
        (".md", ArticleFormat.Markdown), (".markdown", ArticleFormat.Markdown),
        (".csv", ArticleFormat.Csv),
        (".jsonl", ArticleFormat.JsonLines), (".ndjson", ArticleFormat.JsonLines),
        (".rss", ArticleFormat.Feed), (".atom", ArticleFormat.Feed), (".xml", ArticleFormat.Feed),
    ];

    /// <summary>Every extension (lower case, with the dot) that a folder walk picks up.</summary>
    public static IReadOnlySet<string> KnownExtensions { get; } = Suffixes.Select(s => s.Suffix).ToFrozenSet();

    /// <summary>The format of <paramref name="path"/> by its name; <see cref="ArticleFormat.Unknown"/> when none matches.</summary>
    public static ArticleFormat Detect(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        foreach (var (suffix, format) in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return format;
        return ArticleFormat.Unknown;
    }

    /// <summary>True when a folder walk should pick <paramref name="path"/> up under <paramref name="extensions"/>.</summary>
    public static bool IsKnown(string path, IReadOnlySet<string> extensions)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        foreach (var ext in extensions)
            if (name.EndsWith(ext, StringComparison.Ordinal)) return true;
        return false;
    }
}
