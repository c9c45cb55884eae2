namespace Parley.Ingest.Encodings;

/// <summary>Tells text from binary data by looking at the first few kilobytes.</summary>
public static class BinarySniffer
{
    /// <summary>How many leading bytes are inspected.</summary>
    public const int SampleBytes = 8192;

    /// <summary>
    /// True when the bytes look binary: a NUL byte (text in UTF-8 and single-byte encodings never
    /// holds one; UTF-16 is recognised earlier by its byte order mark), or more than 10% C0 control
    /// characters other than tab, line feed, form feed and carriage return.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes, out string reason)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        var controls = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                reason = $"NUL byte at offset {i}";
                return true;
            }
            if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C && b != 0x1B) controls++;
        }
        if (sample.Length > 0 && controls * 10 > sample.Length)
        {
            reason = $"{controls * 100 / sample.Length}% control characters";
            return true;
        }
        reason = "";
        return false;
    }
}
