using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Ingest.Encodings;

/// <summary>Finds the encoding a page declares in its first bytes (HTML meta charset, http-equiv Content-Type, XML declaration).</summary>
public static partial class CharsetSniffer
{
    /// <summary>How many leading bytes are searched, as the HTML standard's prescan does.</summary>
    public const int PrescanBytes = 4096;

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<\?xml[^>]+encoding\s*=\s*[""']([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();

    /// <summary>The declared charset label, or null. The bytes are read as Latin-1 so any encoding's ASCII-compatible declaration is seen.</summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var m = MetaCharset().Match(head);
        if (m.Success) return m.Groups[1].Value;
        m = XmlEncoding().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The charset parameter of a Content-Type header value ("text/html; charset=gb2312"), or null.</summary>
    public static string? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var i = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        var value = contentType[(i + 8)..].Trim().Trim('"', '\'');
        var end = value.IndexOfAny([';', ' ', '"', '\'']);
        return end >= 0 ? value[..end] : value;
    }
}
