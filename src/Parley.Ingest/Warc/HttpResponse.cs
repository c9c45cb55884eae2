using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Ingest.Input;

namespace Parley.Ingest.Warc;

/// <summary>An HTTP response as a WARC response record stores it: status, headers, body.</summary>
internal sealed record HttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? ContentType => Headers.TryGetValue("Content-Type", out var c) ? c : null;

    /// <summary>Parses a raw response; chunked transfer and gzip/deflate content encodings are undone, with the size cap.</summary>
    public static HttpResponse? Parse(byte[] raw, long maxBytes, out string? error)
    {
        error = null;
        var headerEnd = IndexOf(raw, "\r\n\r\n"u8);
        var sepLength = 4;
        if (headerEnd < 0)
        {
            headerEnd = IndexOf(raw, "\n\n"u8);
            sepLength = 2;
        }
        if (headerEnd < 0)
        {
            error = "HTTP response has no end of headers";
            return null;
        }
        var head = Encoding.Latin1.GetString(raw, 0, headerEnd).Split('\n');
        var statusParts = head[0].Trim().Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            error = "not an HTTP response";
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = raw.AsSpan(headerEnd + sepLength).ToArray();
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body) ?? body;
        if (headers.TryGetValue("Content-Encoding", out var ce))
        {
            Stream? decoder = ce.Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
                "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
                "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
                _ => null,
            };
            if (decoder is not null)
            {
                using (decoder)
                {
                    try
                    {
                        var decoded = BoundedRead.ReadCapped(decoder, maxBytes, out error, "decompressed");
                        if (decoded is null) return null;
                        body = decoded;
                    }
                    catch (InvalidDataException)
                    {
                        // Many crawlers store the body already decoded but keep the header: use it as is.
                    }
                }
            }
        }
        return new HttpResponse(status, headers, body);
    }

    private static byte[]? Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var pos = 0;
        while (pos < body.Length)
        {
            var eol = IndexOf(body.AsSpan(pos), "\r\n"u8);
            if (eol < 0) return null;
            var sizeText = Encoding.ASCII.GetString(body, pos, eol).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0) return null;
            pos += eol + 2;
            if (size == 0) break;
            if (pos + size > body.Length) return null;
            output.Write(body, pos, size);
            pos += size + 2;
        }
        return output.ToArray();
    }

    private static int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> pattern) => data.IndexOf(pattern);
}
