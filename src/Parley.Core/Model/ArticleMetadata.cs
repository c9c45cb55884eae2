namespace Parley.Core.Model;

/// <summary>What is known about an article apart from its body text, each value with where it came from.</summary>
public sealed class ArticleMetadata
{
    /// <summary>Headline, or null when none was found.</summary>
    public string? Title { get; set; }

    /// <summary>Publication time; null when neither the input nor the caller supplied one.</summary>
    public DateTimeOffset? Published { get; set; }

    /// <summary>Where <see cref="Published"/> was read from (e.g. "dateline", "json-ld", "meta:article:published_time", "caller").</summary>
    public string? PublishedSource { get; set; }

    /// <summary>Last modification time, when the page states one.</summary>
    public DateTimeOffset? Modified { get; set; }

    /// <summary>Publisher or site name ("Al Bawaba", "The White House").</summary>
    public string? Site { get; set; }

    /// <summary>Author or authors as printed in the byline.</summary>
    public string? Author { get; set; }

    /// <summary>ISO 639-1 language code when known.</summary>
    public string? Language { get; set; }

    /// <summary>Local path or URL the article was read from.</summary>
    public string? PathOrUrl { get; set; }

    /// <summary>Canonical URL stated by the page, when different from <see cref="PathOrUrl"/>.</summary>
    public string? CanonicalUrl { get; set; }

    /// <summary>Photo captions, kept apart from the body so that no event is coded from a caption alone.</summary>
    public List<string> Captions { get; } = [];

    /// <summary>Page furniture that was removed, with the reason, for inspection ("Subscribe": "furniture").</summary>
    public List<string> Removed { get; } = [];
}
