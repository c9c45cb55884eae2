namespace Parley.Ingest.Fetch;

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>The page was fetched (200) and its bytes are in <see cref="FetchResult.Body"/>.</summary>
    Fetched,
    /// <summary>The server answered 304 Not Modified to a conditional GET: nothing new since the last fetch.</summary>
    Unchanged,
    /// <summary>robots.txt forbids the URL for this crawler; no request was made for it.</summary>
    Disallowed,
    /// <summary>The response was over the size limit.</summary>
    TooLarge,
    /// <summary>The response's media type is not one accepted (an image, a PDF...).</summary>
    WrongType,
    /// <summary>The fetch failed: an error status, a network error, a timeout after all retries, a bad URL.</summary>
    Failed,
}

/// <summary>The result of one <see cref="PoliteFetcher.FetchAsync"/>.</summary>
/// <param name="Url">The URL asked for.</param>
/// <param name="FinalUrl">The URL the content came from, after redirects.</param>
/// <param name="Outcome">How the fetch ended.</param>
/// <param name="Status">The last HTTP status (0 when no response).</param>
/// <param name="Body">The response bytes (decompressed) when <see cref="Outcome"/> is <see cref="FetchOutcome.Fetched"/>; else null.</param>
/// <param name="ContentType">The Content-Type header, or null.</param>
/// <param name="Reason">One line with a stable code (<see cref="FetchCodes"/>) when the fetch gave no content; null when fetched.</param>
/// <param name="Attempts">HTTP requests made for this URL, retries and redirects included.</param>
public sealed record FetchResult(string Url, string FinalUrl, FetchOutcome Outcome, int Status, byte[]? Body, string? ContentType, string? Reason, int Attempts)
{
    /// <summary>True when <see cref="Body"/> holds the page.</summary>
    public bool IsFetched => Outcome == FetchOutcome.Fetched;
}
