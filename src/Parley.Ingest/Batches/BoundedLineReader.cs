using System.Text;

namespace Parley.Ingest.Batches;

/// <summary>Reads lines with a cap on their length, so one enormous line cannot exhaust memory.</summary>
public sealed class BoundedLineReader(TextReader reader, long maxLineChars)
{
    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line; false at the end. <paramref name="line"/> is null when the line was over the cap (skipped).</summary>
    public bool TryReadLine(out string? line)
    {
        line = null;
        if (reader.Peek() < 0) return false;
        LineNumber++;
        var sb = new StringBuilder();
        var tooLong = false;
        int c;
        while ((c = reader.Read()) >= 0 && c != '\n')
        {
            if (tooLong) continue;
            sb.Append((char)c);
            if (sb.Length > maxLineChars)
            {
                tooLong = true;
                sb.Clear();
            }
        }
        if (!tooLong) line = sb.ToString().TrimEnd('\r');
        return true;
    }
}
