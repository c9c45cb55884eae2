using System.Globalization;
using System.Text;

namespace Parley.Ingest.Warc;

/// <summary>One WARC record: its named headers and, when small enough, its content block.</summary>
/// <param name="Headers">WARC headers (case-insensitive names).</param>
/// <param name="Block">The content block; null when it was over the size cap and skipped.</param>
/// <param name="Length">The declared Content-Length.</param>
public sealed record WarcRecord(IReadOnlyDictionary<string, string> Headers, byte[]? Block, long Length)
{
    /// <summary>WARC-Type ("response", "request", "warcinfo"...).</summary>
    public string Type => Headers.TryGetValue("WARC-Type", out var t) ? t : "";

    /// <summary>WARC-Target-URI, or null.</summary>
    public string? TargetUri => Headers.TryGetValue("WARC-Target-URI", out var u) ? u.Trim('<', '>') : null;

    /// <summary>WARC-Date, or null.</summary>
    public string? Date => Headers.TryGetValue("WARC-Date", out var d) ? d : null;
}

/// <summary>
/// Streams records out of a WARC file (ISO 28500, WARC/1.0 and 1.1), plain or gzip-compressed per
/// record as Common Crawl publishes them (.NET's GZipStream reads the concatenated members in
/// turn). One record is in memory at a time, and a block over the cap is skipped by reading past it,
/// so memory does not grow with the file.
/// </summary>
public sealed class WarcRecordReader
{
    /// <summary>Longest header line accepted.</summary>
    public const int MaxHeaderLine = 64 * 1024;

    private readonly Stream _stream;
    private readonly long _maxBlockBytes;

    /// <summary>Reads from <paramref name="stream"/> (already decompressed); blocks over <paramref name="maxBlockBytes"/> are skipped.</summary>
    public WarcRecordReader(Stream stream, long maxBlockBytes)
    {
        _stream = new BufferedStream(stream, 64 * 1024);
        _maxBlockBytes = maxBlockBytes;
    }

    /// <summary>Number of records read so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Reads the next record; null at the end of the file.</summary>
    /// <exception cref="InvalidDataException">The data is not WARC.</exception>
    public WarcRecord? Next()
    {
        string? version;
        do
        {
            version = ReadLine();
            if (version is null) return null;
        } while (version.Length == 0);
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            throw new InvalidDataException($"expected a WARC/1.x record header, found '{(version.Length > 40 ? version[..40] : version)}'");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (ReadLine() is { } line && line.Length > 0)
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            throw new InvalidDataException("WARC record without a valid Content-Length");
        RecordCount++;
        byte[]? block = null;
        if (length <= _maxBlockBytes)
        {
            block = new byte[length];
            _stream.ReadExactly(block);
        }
        else Skip(length);
        return new WarcRecord(headers, block, length);
    }

    private void Skip(long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var n = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (n == 0) throw new EndOfStreamException("WARC record is cut short");
            count -= n;
        }
    }

    private string? ReadLine()
    {
        var bytes = new List<byte>(128);
        int b;
        while ((b = _stream.ReadByte()) >= 0)
        {
            if (b == '\n') return Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\r');
            if (bytes.Count >= MaxHeaderLine) throw new InvalidDataException("WARC header line is too long");
            bytes.Add((byte)b);
        }
        return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\r');
    }
}
