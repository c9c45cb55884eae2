using Parley.Core.Model;

namespace Parley.Ingest;

/// <summary>
/// One input read by <see cref="ArticleReader"/>: either an article (<see cref="Document"/>) or the
/// reason it was skipped (<see cref="SkipReason"/>). Exactly one of the two is non-null.
/// </summary>
/// <param name="Origin">Where the input came from: a file path, <c>path#record</c> for a record inside a batch, or a URL.</param>
/// <param name="Document">The article, with body paragraphs and metadata; null when skipped.</param>
/// <param name="SkipReason">One line starting with a stable code ("PARLEY-I001: empty file"); null when read.</param>
/// <param name="Warnings">One-line notes about a read that succeeded with caveats (each starts with a stable code).</param>
public sealed record IngestItem(string Origin, Document? Document, string? SkipReason, IReadOnlyList<string> Warnings)
{
    /// <summary>The input file this item was read from (a batch file gives many items); null for items not read from a file.</summary>
    public string? SourceFile { get; init; }

    /// <summary>
    /// For a skipped page whose metadata could still be read (a title, a date, but no article text):
    /// that metadata, so that the reader alone (<c>parley extract</c>) still reports it; null otherwise.
    /// </summary>
    public ArticleMetadata? SkippedMetadata { get; init; }

    /// <summary>True when an article was read.</summary>
    public bool IsRead => Document is not null;

    /// <summary>An item for an article read successfully.</summary>
    public static IngestItem Read(string origin, Document document, IReadOnlyList<string>? warnings = null) =>
        new(origin, document, null, warnings ?? []);

    /// <summary>An item for an input that was skipped, with its one-line reason.</summary>
    public static IngestItem Skipped(string origin, string reason, IReadOnlyList<string>? warnings = null) =>
        new(origin, null, reason, warnings ?? []);
}
