using System.IO.Compression;
using Parley.Ingest.Csv;
using Parley.Ingest.Encodings;

namespace Parley.Ingest.Warc;

/// <summary>
/// Reads the HTML pages of a WARC file: every <c>response</c> record whose HTTP status is 2xx and
/// whose Content-Type is HTML becomes an article (URL from WARC-Target-URI, charset from the HTTP
/// header, then the page's meta charset; the WARC-Date is the fallback publication time, marked as
/// the fetch time). Requests, metadata, redirects and non-HTML responses are passed over without an
/// item. Origins are <c>path#N</c>, N the record's number in the file. Streaming, one record at a time.
/// </summary>
internal sealed class WarcBatchReader(ArticleReader reader)
{
    public IEnumerable<IngestItem> Read(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        var warc = new WarcRecordReader(stream, reader.Options.MaxFileBytes);
        var any = false;
        while (warc.Next() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!record.Type.Equals("response", StringComparison.OrdinalIgnoreCase)) continue;
            var origin = $"{path}#{warc.RecordCount}";
            if (record.Block is null)
            {
                any = true;
                yield return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.TooLarge,
                    $"WARC record of {record.Length:N0} bytes is over the {reader.Options.MaxFileBytes:N0}-byte limit"));
                continue;
            }
            var response = HttpResponse.Parse(record.Block, reader.Options.MaxFileBytes, out var error);
            if (response is null)
            {
                if (error is not null && error.StartsWith("PARLEY-", StringComparison.Ordinal))
                {
                    any = true;
                    yield return IngestItem.Skipped(origin, error);
                }
                continue;
            }
            if (response.Status is < 200 or >= 300) continue;
            var contentType = response.ContentType ?? "";
            if (!contentType.Contains("html", StringComparison.OrdinalIgnoreCase)) continue;
            any = true;
            var decoded = TextDecoder.Decode(response.Body, lookForMarkupDeclaration: true, CharsetSniffer.FromContentType(contentType));
            if (decoded.Text is null)
            {
                yield return IngestItem.Skipped(origin, decoded.SkipReason!, decoded.Warnings);
                continue;
            }
            var fields = new RecordFields(null, null, record.TargetUri, null, null, null, FetchedAt: record.Date);
            yield return reader.ReadRecord(origin, decoded.Text, null, fields, decoded.Warnings);
        }
        if (!any) yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.NoArticle, "no HTML response record in the WARC file"));
    }
}
