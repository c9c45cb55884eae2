using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Ingest;

/// <summary>
/// Writes reader output in the extraction JSON Lines contract that <c>score_extraction.py</c> reads
/// (and <c>parley extract --format jsonl</c> prints): one object per input with <c>path</c>, <c>url</c>,
/// <c>title</c>, <c>author</c>, <c>published</c> (ISO 8601), <c>published_source</c>, <c>modified</c>, <c>language</c>,
/// <c>site</c>, <c>text</c> (paragraphs separated by blank lines), <c>captions</c>, <c>warnings</c>,
/// and <c>skipped</c> (the reason, or null; a skipped page keeps whatever metadata was read, with <c>text</c> null).
/// </summary>
public static class ExtractJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Writes one line per item to <paramref name="writer"/>; returns the number of lines written.</summary>
    public static int WriteJsonl(IEnumerable<IngestItem> items, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writer);
        var count = 0;
        using var buffer = new MemoryStream();
        foreach (var item in items)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, Options))
                Write(json, item);
            writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            writer.Write('\n');
            count++;
        }
        writer.Flush();
        return count;
    }

    private static void Write(Utf8JsonWriter json, IngestItem item)
    {
        var doc = item.Document;
        // A page with no article text still reports what its metadata says (title, date, author).
        var meta = doc?.Metadata ?? item.SkippedMetadata;
        json.WriteStartObject();
        json.WriteString("path", item.Origin);
        json.WriteString("url", meta?.CanonicalUrl ?? (meta?.PathOrUrl is { } p && p.Contains("://", StringComparison.Ordinal) ? p : null));
        json.WriteString("title", meta?.Title);
        json.WriteString("author", meta?.Author);
        json.WriteString("published", meta?.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        json.WriteString("published_source", meta?.PublishedSource);
        json.WriteString("modified", meta?.Modified?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        json.WriteString("language", meta?.Language);
        json.WriteString("site", meta?.Site);
        json.WriteString("text", doc?.Text);
        json.WriteStartArray("captions");
        foreach (var c in meta?.Captions ?? []) json.WriteStringValue(c);
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var w in item.Warnings) json.WriteStringValue(w);
        json.WriteEndArray();
        json.WriteString("skipped", item.SkipReason);
        json.WriteEndObject();
    }
}
