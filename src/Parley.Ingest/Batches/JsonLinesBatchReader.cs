using System.Text;
using System.Text.Json;
using Parley.Ingest.Csv;

namespace Parley.Ingest.Batches;

/// <summary>
/// Reads a JSON Lines batch: one JSON object a line with <c>url</c>, the page as <c>html</c> or the
/// article as <c>text</c>, and <c>fetched_at</c>; optional <c>title</c>, <c>published</c> (or
/// <c>date</c>, <c>published_time</c>), <c>author</c>, <c>site</c>, <c>language</c>. The fetch time is
/// used as the publication time only when the page states none (and a warning says so). Each
/// item's origin is <c>path#line</c>. Streaming, one line at a time, each capped at the reader's size limit.
/// </summary>
internal sealed class JsonLinesBatchReader(ArticleReader reader)
{
    public IEnumerable<IngestItem> Read(string path, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        // A binary file with a batch's name (NUL bytes, control characters) is one skip, not a 200 MB "line".
        var head = new byte[Math.Min(stream.Length, Encodings.BinarySniffer.SampleBytes)];
        stream.ReadExactly(head);
        stream.Position = 0;
        if (Encodings.BinarySniffer.LooksBinary(head, out var why))
        {
            yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.Binary, $"binary data, not JSON Lines ({why})"));
            yield break;
        }
        using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var lines = new BoundedLineReader(text, reader.Options.MaxFileBytes);
        var any = false;
        while (lines.TryReadLine(out var line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = $"{path}#{lines.LineNumber}";
            if (line is null)
            {
                any = true;
                yield return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.TooLarge, $"line is over the {reader.Options.MaxFileBytes:N0}-character limit"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            any = true;
            yield return ReadLine(origin, line);
        }
        if (!any) yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.Empty, "empty JSON Lines file"));
    }

    private IngestItem ReadLine(string origin, string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.BadRecord, "not a JSON object: " + e.Message));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.BadRecord, "line is JSON but not an object"));
            string? Str(params string[] names)
            {
                foreach (var n in names)
                    if (root.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                        return v.GetString();
                    else if (root.TryGetProperty(n, out var num) && num.ValueKind == JsonValueKind.Number)
                        return num.GetRawText();
                return null;
            }
            var html = Str("html", "raw_html", "content_html");
            var body = Str("text", "body", "content");
            if (html is null && body is null)
                return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Empty, "record has neither html nor text"));
            var fields = new RecordFields(Str("title", "headline"), Str("published", "published_time", "date_published", "date"),
                Str("url", "link", "source_url"), Str("author", "authors"), Str("site", "source", "site_name"),
                Str("language", "lang"), Str("fetched_at", "fetch_time", "crawled_at"));
            return reader.ReadRecord(origin, html, body, fields, []);
        }
    }
}
