namespace Parley.Ingest.Fetch;

/// <summary>Stable codes for the reasons a live fetch gives no article ("PARLEY-F003: robots.txt disallows /private/").</summary>
public static class FetchCodes
{
    /// <summary>The URL is not an absolute http or https URL.</summary>
    public const string BadUrl = "PARLEY-F001";
    /// <summary>The page has not changed since the last fetch (304 Not Modified); nothing to ingest.</summary>
    public const string Unchanged = "PARLEY-F002";
    /// <summary>robots.txt forbids the URL for Parley (or could not be read and the site answered 5xx).</summary>
    public const string Disallowed = "PARLEY-F003";
    /// <summary>The response is over the size limit.</summary>
    public const string TooLarge = "PARLEY-F004";
    /// <summary>The response's media type is not HTML, a feed or text.</summary>
    public const string WrongType = "PARLEY-F005";
    /// <summary>The server answered an error status (after retries for 429 and 5xx).</summary>
    public const string HttpError = "PARLEY-F006";
    /// <summary>The network failed or the server did not answer in time (after retries).</summary>
    public const string NetworkError = "PARLEY-F007";
    /// <summary>Too many redirects, or a redirect without a usable Location.</summary>
    public const string BadRedirect = "PARLEY-F008";
    /// <summary>The page budget (--max-pages) is spent; the URL was not fetched.</summary>
    public const string PageLimit = "PARLEY-F009";
    /// <summary>The feed could not be read (not well-formed XML, no entries).</summary>
    public const string BadFeed = "PARLEY-F010";

    /// <summary>Formats a one-line message with its code.</summary>
    public static string Format(string code, string message) => IngestCodes.Format(code, message);
}
