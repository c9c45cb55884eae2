namespace Parley.Ingest;

/// <summary>
/// Stable codes for the reasons an input is skipped or read with a warning. A user can look a code
/// up; messages built with <see cref="Format"/> are one line: "PARLEY-I001: empty file".
/// </summary>
public static class IngestCodes
{
    /// <summary>The file is empty (or holds only white space).</summary>
    public const string Empty = "PARLEY-I001";
    /// <summary>The file is binary (NUL bytes or many control characters), not text or HTML.</summary>
    public const string Binary = "PARLEY-I002";
    /// <summary>No article text was left after removing page furniture (for example an HTML page with no article).</summary>
    public const string NoArticle = "PARLEY-I003";
    /// <summary>Warning: the bytes are not valid UTF-8 and declare no encoding; decoded as Windows-1252.</summary>
    public const string DecodedAsWindows1252 = "PARLEY-I004";
    /// <summary>The file is larger than <see cref="ArticleReaderOptions.MaxFileBytes"/>.</summary>
    public const string TooLarge = "PARLEY-I005";
    /// <summary>The file could not be read (permissions, I/O error).</summary>
    public const string Unreadable = "PARLEY-I006";
    /// <summary>The file's type is not one the reader knows.</summary>
    public const string Unsupported = "PARLEY-I007";
    /// <summary>The path does not exist.</summary>
    public const string NotFound = "PARLEY-I008";
    /// <summary>The reader failed on this input in an unexpected way; the run goes on.</summary>
    public const string Failed = "PARLEY-I009";
    /// <summary>Warning: no publication time was found in the input.</summary>
    public const string NoDate = "PARLEY-I010";
    /// <summary>A compressed input expands beyond the size limit (a zip bomb or a huge page).</summary>
    public const string DecompressedTooLarge = "PARLEY-I011";
    /// <summary>Warning: the input declares an encoding that is unknown; read as UTF-8 or Windows-1252.</summary>
    public const string UnknownEncoding = "PARLEY-I012";
    /// <summary>Warning: no title was found in the input.</summary>
    public const string NoTitle = "PARLEY-I013";
    /// <summary>A record in a batch (CSV row, JSON line, WARC record) is malformed.</summary>
    public const string BadRecord = "PARLEY-I014";
    /// <summary>Warning: the input mixes encodings or holds invalid bytes that were replaced.</summary>
    public const string InvalidBytes = "PARLEY-I015";

    /// <summary>Warning: the HTML is nested too deep to parse as a tree (hostile or broken markup); its text was read without the tree.</summary>
    public const string NestedTooDeep = "PARLEY-I016";

    /// <summary>Warning: a stated publication time is implausible (before 1990 or in the future) and was ignored.</summary>
    public const string ImplausibleDate = "PARLEY-I017";

    /// <summary>
    /// True when a skip may not happen again on a later run (the file could not be read, the reader or
    /// the pipeline failed unexpectedly), so the input is worth retrying; false when the reason lies
    /// in the input itself (empty, binary, no article, too large...).
    /// </summary>
    public static bool IsRetryable(string reason) =>
        reason.StartsWith(Unreadable, StringComparison.Ordinal) || reason.StartsWith(NotFound, StringComparison.Ordinal)
        || reason.StartsWith(Failed, StringComparison.Ordinal) || reason.StartsWith("PARLEY-E", StringComparison.Ordinal);

    /// <summary>Formats a one-line message: the code, a colon, the text with line breaks folded to spaces.</summary>
    public static string Format(string code, string message) =>
        code + ": " + string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
