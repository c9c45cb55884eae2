namespace Parley.Ingest.Fetch;

/// <summary>Settings for <see cref="PoliteFetcher"/>. The defaults are those of a careful, slow crawler.</summary>
public sealed class FetchOptions
{
    /// <summary>The User-Agent header sent with every request; its first word is the robots.txt product token.</summary>
    public string UserAgent { get; init; } = "Parley/0.1 (+https://example.invalid/parley)";

    /// <summary>Least time between two requests to one host (default 1 s); a larger robots.txt Crawl-delay wins.</summary>
    public TimeSpan MinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Crawl-delay honoured (default 60 s): a site asking more is fetched at this pace.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Responses larger than this (after decompression) are dropped with a reason. Default 10 MB.</summary>
    public long MaxResponseBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Time allowed for one attempt (headers and body), in real time. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, a 5xx, a network error or a timeout (default 3, so 4 attempts at most).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First retry delay; it doubles each retry, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait accepted from a Retry-After header or the backoff (default 2 min).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Redirects followed per request, each one checked against robots.txt (default 5).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>JSON file keeping ETag / Last-Modified per URL for conditional GET; null keeps them in memory only.</summary>
    public string? CachePath { get; init; }

    /// <summary>
    /// Media types accepted (the part of Content-Type before ';', lower case): HTML, XHTML, feeds
    /// and XML, plain text. Anything else (images, PDF, binaries) is dropped with a reason.
    /// </summary>
    public IReadOnlySet<string> AcceptedMediaTypes { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
        "application/rdf+xml", "application/xml", "text/xml", "text/plain",
    };

    /// <summary>The clock used for rate limits and retry waits; tests pass a virtual one. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
