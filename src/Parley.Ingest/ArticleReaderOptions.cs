namespace Parley.Ingest;

/// <summary>Settings for <see cref="ArticleReader"/>.</summary>
public sealed class ArticleReaderOptions
{
    /// <summary>Files larger than this are skipped with <see cref="IngestCodes.TooLarge"/>; also caps decompressed size. Default 50 MB.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Publication time used when the input states none (marked with PublishedSource "caller"); null leaves it unset.</summary>
    public DateTimeOffset? DefaultPublished { get; init; }

    /// <summary>
    /// Publication times before this are treated as wrong (a feed's placeholder 1970-01-01, a year
    /// typed as 0201) and ignored with <see cref="IngestCodes.ImplausibleDate"/>. Default 1990-01-01, before
    /// news on the web; set earlier for digitised archives.
    /// </summary>
    public DateTimeOffset EarliestPublished { get; init; } = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past the clock's now a publication time may lie (time zones, embargoes) before it is ignored as wrong. Default two days.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The clock that "now" comes from (tests inject a fixed one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Why <paramref name="published"/> cannot be a real publication time, or null when it can.</summary>
    internal string? WhyImplausible(DateTimeOffset published)
    {
        if (published < EarliestPublished) return $"before {EarliestPublished:yyyy-MM-dd}";
        var now = Clock.GetUtcNow();
        return published > now + FutureTolerance ? $"in the future (now is {now:yyyy-MM-dd})" : null;
    }

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
