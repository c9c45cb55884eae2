namespace Parley.Ingest;

/// <summary>Settings for <see cref="ArticleReader"/>.</summary>
public sealed class ArticleReaderOptions
{
    /// <summary>Files larger than this are skipped with <see cref="IngestCodes.TooLarge"/>; also caps decompressed size. Default 50 MB.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Publication time used when the input states none (marked with PublishedSource "caller"); null leaves it unset.</summary>
    public DateTimeOffset? DefaultPublished { get; init; }

    /// <summary>Files with these extensions (lower case, with the dot) are read when a folder is walked.</summary>
    public IReadOnlySet<string> Extensions { get; init; } = ArticleFormats.KnownExtensions;

    /// <summary>Skip files and folders whose name starts with '.' when walking folders. Default true.</summary>
    public bool SkipHidden { get; init; } = true;

    /// <summary>
    /// File names (without extension, case-insensitive) that a folder walk passes over because they
    /// describe a collection rather than being an article: LICENSE, README, CHANGELOG... A file
    /// named explicitly is always read.
    /// </summary>
    public IReadOnlySet<string> SkipNames { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "license", "licence", "readme", "changelog", "copying", "notice", "authors", "contributing",
    };
}
