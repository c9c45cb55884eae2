using System.Globalization;
using System.Text;

namespace Parley.Ingest.Warc;

/// <summary>One WARC record: its named headers and, when small enough, its content block.</summary>
/// <param name="Headers">WARC headers (case-insensitive names).</param>
/// <param name="Block">The content block; null when it was over the size cap and skipped, or the record is damaged.</param>
/// <param name="Length">The declared Content-Length.</param>
public sealed record WarcRecord(IReadOnlyDictionary<string, string> Headers, byte[]? Block, long Length)
{
    /// <summary>WARC-Type ("response", "request", "warcinfo"...).</summary>
    public string Type => Headers.TryGetValue("WARC-Type", out var t) ? t : "";

    /// <summary>WARC-Target-URI, or null.</summary>
    public string? TargetUri => Headers.TryGetValue("WARC-Target-URI", out var u) ? u.Trim('<', '>') : null;

    /// <summary>WARC-Date, or null.</summary>
    public string? Date => Headers.TryGetValue("WARC-Date", out var d) ? d : null;

    /// <summary>WARC-Record-ID without its angle brackets (<c>urn:uuid:...</c>), or null.</summary>
    public string? RecordId => Headers.TryGetValue("WARC-Record-ID", out var id) ? id.Trim('<', '>') : null;

    /// <summary>Byte offset of the record's first byte in the stream it was read from (decompressed stream for .warc.gz members).</summary>
    public long Offset { get; init; }

    /// <summary>Why this record could not be read (truncated, malformed header); null for a sound record.</summary>
    public string? Damage { get; init; }
}

/// <summary>
/// Streams records out of an uncompressed WARC stream (ISO 28500, WARC/1.0 and 1.1). One record is
/// in memory at a time, and a block over the cap is skipped by reading past it, so memory does not
/// grow with the file. A damaged record (a header line that is not a WARC header, a missing
/// Content-Length, a block cut short by the next record) does not end the stream: the reader
/// returns a record with <see cref="WarcRecord.Damage"/> and its byte offset, then resynchronises on
/// the next line that starts with "WARC/1.".
/// </summary>
public sealed class WarcRecordReader
{
    /// <summary>Longest header line accepted.</summary>
    public const int MaxHeaderLine = 64 * 1024;

    private static readonly byte[] RecordStart = "WARC/1."u8.ToArray();

    private readonly Stream _stream;
    private readonly long _maxBlockBytes;
    private readonly Queue<byte> _pushback = new();
    private long _position;

    /// <summary>Reads from <paramref name="stream"/> (already decompressed); blocks over <paramref name="maxBlockBytes"/> are skipped.</summary>
    public WarcRecordReader(Stream stream, long maxBlockBytes)
    {
        _stream = new BufferedStream(stream, 64 * 1024);
        _maxBlockBytes = maxBlockBytes;
    }

    /// <summary>Number of records read so far (damaged ones included).</summary>
    public long RecordCount { get; private set; }

    /// <summary>True once a record has been seen, so junk before the first one is reported as not WARC.</summary>
    public bool SawRecord { get; private set; }

    /// <summary>Reads the next record (possibly a damaged one); null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">The stream does not start with a WARC record (it is not WARC at all).</exception>
    public WarcRecord? Next()
    {
        var start = _position;
        var version = ReadLine(out var tooLong);
        while (version is not null && version.Length == 0 && !tooLong)
        {
            start = _position;
            version = ReadLine(out tooLong);
        }
        if (version is null) return null;
        if (tooLong || !version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            if (!SawRecord) throw new InvalidDataException($"expected a WARC/1.x record header, found '{Shorten(version)}'");
            var resumed = Resynchronise();
            return Damaged(start, $"no WARC record header at byte {start:N0} (found '{Shorten(version)}'); skipped {resumed - start:N0} bytes to the next record");
        }
        SawRecord = true;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (ReadLine(out tooLong) is { } line && line.Length > 0 && !tooLong)
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        RecordCount++;
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            Resynchronise();
            return Damaged(start, $"WARC record at byte {start:N0} has no valid Content-Length", headers);
        }
        if (length > _maxBlockBytes)
        {
            var skipped = Skip(length);
            return new WarcRecord(headers, null, length)
            {
                Offset = start,
                Damage = skipped < length ? $"WARC record at byte {start:N0} is cut short: {skipped:N0} of {length:N0} bytes" : null,
            };
        }
        var block = new byte[length];
        var read = ReadBlock(block);
        if (read < length)
            return Damaged(start, $"WARC record at byte {start:N0} is cut short at the end of the data: {read:N0} of {length:N0} bytes", headers);
        // A sound record ends with CRLF CRLF. When the next record's header shows up inside the
        // block instead, the declared length was wrong (a truncated record): give back what follows.
        var next = FindRecordStart(block);
        if (next >= 0 && !EndsProperly())
        {
            Unread(block.AsSpan(next));
            return Damaged(start, $"WARC record at byte {start:N0} is truncated: the next record starts {next:N0} bytes into its declared {length:N0}", headers);
        }
        return new WarcRecord(headers, block, length) { Offset = start };
    }

    private static WarcRecord Damaged(long offset, string reason, Dictionary<string, string>? headers = null) =>
        new(headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null, 0) { Offset = offset, Damage = reason };

    private static string Shorten(string s) => s.Length > 40 ? s[..40] : s;

    /// <summary>Reads the CRLF CRLF after a block; anything else is put back for the next header.</summary>
    private bool EndsProperly()
    {
        Span<byte> tail = stackalloc byte[4];
        var n = 0;
        while (n < 4 && ReadByte() is var b and >= 0) tail[n++] = (byte)b;
        if (n == 4 && tail.SequenceEqual("\r\n\r\n"u8)) return true;
        Unread(tail[..n]);
        return n == 0;
    }

    /// <summary>
    /// Index of a WARC version line ("WARC/1.0" or "WARC/1.1" and a line break) in <paramref name="data"/>, or -1.
    /// A truncated block runs straight into the next header, so it need not start a line.
    /// </summary>
    private static int FindRecordStart(ReadOnlySpan<byte> data)
    {
        var from = 0;
        while (from < data.Length)
        {
            var i = data[from..].IndexOf(RecordStart);
            if (i < 0) return -1;
            var at = from + i;
            var rest = data[(at + RecordStart.Length)..];
            if (rest.Length >= 2 && rest[0] is >= (byte)'0' and <= (byte)'9' && rest[1] is (byte)'\r' or (byte)'\n') return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>Reads on until a WARC version line and puts it back; returns its offset.</summary>
    private long Resynchronise()
    {
        while (true)
        {
            var lineStart = _position;
            var line = ReadLineBytes(out var tooLong);
            if (line is null) return _position;
            var withEnd = tooLong ? line : [.. line, (byte)'\n'];
            var at = FindRecordStart(withEnd);
            if (at >= 0)
            {
                Unread(withEnd.AsSpan(at));
                return lineStart + at;
            }
            // A version line cut by the line limit: look at its tail again with the next bytes.
            if (tooLong) Unread(line.AsSpan(line.Length - RecordStart.Length - 2));
        }
    }

    private long Skip(long count)
    {
        var buffer = new byte[81920];
        var done = 0L;
        while (done < count)
        {
            var n = Read(buffer.AsSpan(0, (int)Math.Min(buffer.Length, count - done)));
            if (n == 0) break;
            done += n;
        }
        return done;
    }

    private int ReadBlock(byte[] block)
    {
        var done = 0;
        while (done < block.Length)
        {
            var n = Read(block.AsSpan(done));
            if (n == 0) break;
            done += n;
        }
        return done;
    }

    private int Read(Span<byte> buffer)
    {
        var n = 0;
        while (n < buffer.Length && _pushback.Count > 0) buffer[n++] = _pushback.Dequeue();
        if (n < buffer.Length) n += _stream.Read(buffer[n..]);
        _position += n;
        return n;
    }

    private int ReadByte()
    {
        int b = _pushback.Count > 0 ? _pushback.Dequeue() : _stream.ReadByte();
        if (b >= 0) _position++;
        return b;
    }

    private void Unread(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return;
        var rest = _pushback.ToArray();
        _pushback.Clear();
        foreach (var b in bytes) _pushback.Enqueue(b);
        foreach (var b in rest) _pushback.Enqueue(b);
        _position -= bytes.Length;
    }

    private string? ReadLine(out bool tooLong)
    {
        var bytes = ReadLineBytes(out tooLong);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes).TrimEnd('\r');
    }

    /// <summary>One line without its LF; a line over <see cref="MaxHeaderLine"/> is cut there (tooLong) so junk cannot grow memory.</summary>
    private byte[]? ReadLineBytes(out bool tooLong)
    {
        tooLong = false;
        var bytes = new List<byte>(128);
        int b;
        while ((b = ReadByte()) >= 0)
        {
            if (b == '\n') return [.. bytes];
            if (bytes.Count >= MaxHeaderLine)
            {
                tooLong = true;
                return [.. bytes];
            }
            bytes.Add((byte)b);
        }
        return bytes.Count == 0 ? null : [.. bytes];
    }
}
