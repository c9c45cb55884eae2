namespace Parley.Ingest.Warc;

/// <summary>
/// Splits a file of concatenated gzip members (a .warc.gz as Common Crawl writes it, one member per
/// record) into byte ranges, one per member, by scanning for the gzip member header
/// <c>1f 8b 08</c>. The scan reads 64 KB at a time, so memory does not depend on the file size.
/// A header pattern can also occur by chance inside compressed data; the caller finds out when the
/// range fails to decompress and can merge it with the next one.
/// </summary>
internal static class GzipMembers
{
    private static readonly byte[] Magic = [0x1f, 0x8b, 0x08];

    /// <summary>Offset of the next member header at or after <paramref name="from"/>, or the file's length.</summary>
    public static long NextHeader(Stream file, long from)
    {
        var buffer = new byte[64 * 1024];
        var pos = from;
        while (pos < file.Length)
        {
            file.Position = pos;
            var n = file.ReadAtLeast(buffer, Math.Min(buffer.Length, (int)Math.Min(int.MaxValue, file.Length - pos)), throwOnEndOfStream: false);
            if (n < Magic.Length) return file.Length;
            var i = buffer.AsSpan(0, n).IndexOf(Magic);
            if (i >= 0) return pos + i;
            pos += n - (Magic.Length - 1); // a header may straddle two reads
        }
        return file.Length;
    }
}

/// <summary>A read-only window [start, end) onto a seekable stream, so one gzip member can be decompressed alone.</summary>
internal sealed class StreamWindow(Stream inner, long start, long end) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => end - start;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = Length - _position;
        if (left <= 0) return 0;
        inner.Position = start + _position;
        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
