using System.Text;

namespace Parley.Ingest.Encodings;

/// <summary>The outcome of decoding bytes: the text, the encoding used and how it was chosen, or why the bytes are not text.</summary>
/// <param name="Text">Decoded text; null when <see cref="SkipReason"/> is set.</param>
/// <param name="EncodingName">Web name of the encoding used ("utf-8", "windows-1252", "gb2312").</param>
/// <param name="Source">How the encoding was chosen: "bom", "declared", "meta", "utf-8-valid", "fallback".</param>
/// <param name="SkipReason">One-line reason (with code) when the bytes are binary.</param>
/// <param name="Warnings">One-line warnings (with codes), for example a Windows-1252 fallback.</param>
public sealed record DecodedText(string? Text, string EncodingName, string Source, string? SkipReason, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns the bytes of a text or HTML input into a string, never losing data: byte order mark first,
/// then valid UTF-8, then an encoding the input or its transport declares (HTTP header charset,
/// <c>&lt;meta charset&gt;</c>, XML declaration), and finally Windows-1252, which maps every byte
/// to a character, with a warning. Valid UTF-8 beats a declared single-byte encoding because
/// multi-byte UTF-8 sequences almost never occur by chance in other encodings, while wrong
/// declarations are common on real pages. Bytes that look binary are refused.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The Windows-1252 encoding (registered through the code-pages provider).</summary>
    public static Encoding Windows1252 { get; } = GetEncoding("windows-1252")!;

    /// <summary>Looks an encoding up by a label as pages write it ("utf8", "gb2312", "x-sjis", "latin1"); null when unknown.</summary>
    public static Encoding? GetEncoding(string label)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        // The WHATWG encoding standard maps these labels to supersets; follow it.
        name = name switch
        {
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "latin1" or "iso-8859-1" or "iso8859-1" or "l1" or "ascii" or "us-ascii" or "iso_8859-1" or "cp1252" => "windows-1252",
            "gb2312" or "gb_2312-80" or "chinese" or "csgb2312" or "x-gbk" or "gbk" => "gb18030",
            "x-sjis" or "sjis" or "ms_kanji" => "shift_jis",
            "iso-8859-9" or "latin5" => "windows-1254",
            "tis-620" => "windows-874",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> is a transport's charset (HTTP header) if any.</summary>
    /// <param name="bytes">The raw input.</param>
    /// <param name="lookForMarkupDeclaration">Look for <c>&lt;meta charset&gt;</c> or an XML declaration in the first bytes.</param>
    /// <param name="declaredCharset">Charset from the transport (HTTP Content-Type), or null.</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool lookForMarkupDeclaration, string? declaredCharset = null)
    {
        var warnings = new List<string>();
        // 1. Byte order mark.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Done(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]))
            return Done(new UTF32Encoding(false, false).GetString(bytes[4..]), "utf-32le", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Done(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Done(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");

        // 2. Binary content is refused before any guess.
        if (BinarySniffer.LooksBinary(bytes, out var why))
            return new DecodedText(null, "", "binary", IngestCodes.Format(IngestCodes.Binary, "binary file, not text (" + why + ")"), warnings);

        // 3. Valid UTF-8 (pure ASCII included).
        try
        {
            return Done(StrictUtf8.GetString(bytes), "utf-8", "utf-8-valid");
        }
        catch (DecoderFallbackException)
        {
            // not UTF-8: fall through to declarations
        }

        // 4. A declared encoding: transport first, then the markup's own declaration.
        var declared = declaredCharset;
        var source = "declared";
        if (string.IsNullOrWhiteSpace(declared) && lookForMarkupDeclaration)
        {
            declared = CharsetSniffer.FindDeclaredCharset(bytes);
            source = "meta";
        }
        if (!string.IsNullOrWhiteSpace(declared))
        {
            var encoding = GetEncoding(declared);
            if (encoding is null)
                warnings.Add(IngestCodes.Format(IngestCodes.UnknownEncoding, $"declared encoding '{declared}' is unknown"));
            else if (encoding.CodePage != Encoding.UTF8.CodePage)
                return Done(encoding.GetString(bytes), encoding.WebName, source);
            else
                warnings.Add(IngestCodes.Format(IngestCodes.InvalidBytes, "declared UTF-8 but holds invalid UTF-8 bytes"));
        }

        // 5. Windows-1252 maps every byte, so nothing is lost; say so.
        warnings.Add(IngestCodes.Format(IngestCodes.DecodedAsWindows1252, "not valid UTF-8 and no encoding declared: decoded as Windows-1252"));
        return Done(Windows1252.GetString(bytes), "windows-1252", "fallback");

        DecodedText Done(string text, string name, string how) => new(text, name, how, null, warnings);
    }
}
