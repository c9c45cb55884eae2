using System.IO.Compression;

namespace Parley.Ingest.Input;

/// <summary>Reads streams with a hard cap on the bytes produced, so a zip bomb cannot exhaust memory.</summary>
public static class BoundedRead
{
    /// <summary>
    /// Decompresses a gzip stream (all members) into memory, stopping as soon as the output passes
    /// <paramref name="maxBytes"/>. Returns null with a one-line <paramref name="error"/> when the cap
    /// is passed or the data is not valid gzip.
    /// </summary>
    public static byte[]? Gunzip(Stream compressed, long maxBytes, out string? error)
    {
        error = null;
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            return ReadCapped(gzip, maxBytes, out error, "decompressed");
        }
        catch (InvalidDataException e)
        {
            error = IngestCodes.Format(IngestCodes.BadRecord, "not valid gzip data: " + e.Message);
            return null;
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end unless it passes <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadCapped(Stream stream, long maxBytes, out string? error, string what = "input")
    {
        error = null;
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + n > maxBytes)
            {
                error = IngestCodes.Format(what == "decompressed" ? IngestCodes.DecompressedTooLarge : IngestCodes.TooLarge,
                    $"{what} size passes the {maxBytes:N0}-byte limit (a zip bomb or a huge page)");
                return null;
            }
            output.Write(buffer, 0, n);
        }
        return output.ToArray();
    }
}
