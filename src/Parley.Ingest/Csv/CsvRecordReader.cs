using System.Text;

namespace Parley.Ingest.Csv;

/// <summary>
/// Streams records from RFC 4180 CSV: comma-separated, fields in double quotes may hold commas,
/// line breaks and doubled quotes. One record is in memory at a time; a record longer than the
/// cap is skipped to its end and reported as null so the caller can record the skip.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly long _maxRecordChars;

    /// <summary>Reads from <paramref name="reader"/>; records over <paramref name="maxRecordChars"/> characters are refused.</summary>
    public CsvRecordReader(TextReader reader, long maxRecordChars)
    {
        _reader = reader;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>1-based line number where the last record returned started.</summary>
    public long RecordLine { get; private set; }

    private long _line = 1;

    /// <summary>
    /// Reads the next record. Returns false at the end of input. <paramref name="fields"/> is null
    /// when the record was too long (it has been skipped).
    /// </summary>
    public bool TryRead(out List<string>? fields)
    {
        fields = null;
        if (_reader.Peek() < 0) return false;
        RecordLine = _line;
        var result = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quotedField = false;
        long length = 0;
        var tooLong = false;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                result.Add(field.ToString());
                break;
            }
            var ch = (char)c;
            if (++length > _maxRecordChars)
            {
                tooLong = true;
                field.Clear();
            }
            if (ch == '\n') _line++;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        if (!tooLong) field.Append('"');
                    }
                    else inQuotes = false;
                }
                else if (!tooLong) field.Append(ch);
                continue;
            }
            if (ch == '"' && field.Length == 0 && !quotedField)
            {
                inQuotes = true;
                quotedField = true;
            }
            else if (ch == ',')
            {
                result.Add(field.ToString());
                field.Clear();
                quotedField = false;
            }
            else if (ch == '\n')
            {
                result.Add(field.ToString().TrimEnd('\r'));
                break;
            }
            else if (!tooLong) field.Append(ch);
        }
        if (tooLong) return true;
        fields = result;
        return true;
    }
}
