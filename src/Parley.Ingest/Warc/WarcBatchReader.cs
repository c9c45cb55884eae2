using System.IO.Compression;
using Parley.Ingest.Csv;
using Parley.Ingest.Encodings;

namespace Parley.Ingest.Warc;

/// <summary>
/// Reads the HTML pages of a WARC file: every <c>response</c> record whose HTTP status is 2xx and
/// whose Content-Type is HTML becomes an article (URL from WARC-Target-URI, kept as the canonical
/// URL; charset from the HTTP header, then the page's meta charset; the WARC-Date is the fallback
/// publication time, marked as the fetch time). Requests, metadata, redirects and non-HTML responses
/// are passed over without an item. Origins (and the articles' path_or_url) are
/// <c>path#&lt;WARC-Record-ID&gt;</c>, or <c>path#N</c> for a record without an id, so a user can find
/// the record again. Streaming, one record at a time. Damage does not end the file: a corrupt gzip
/// member or a truncated record becomes one skipped item naming its byte offset, and reading goes
/// on from the next gzip member header or the next "WARC/1." line.
/// </summary>
internal sealed class WarcBatchReader(ArticleReader reader)
{
    private int _found;

    public IEnumerable<IngestItem> Read(string path, CancellationToken cancellationToken)
    {
        var items = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ReadMembers(path, cancellationToken) : ReadPlain(path, cancellationToken);
        foreach (var item in items) yield return item;
        if (_found == 0) yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.NoArticle, "no HTML response record in the WARC file"));
    }

    private IEnumerable<IngestItem> ReadPlain(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(path);
        var warc = new WarcRecordReader(file, reader.Options.MaxFileBytes);
        while (warc.Next() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ToItem(path, record, warc.RecordCount) is { } item) yield return item;
        }
    }

    /// <summary>
    /// Decompresses one gzip member at a time. A member that fails (bad deflate data, cut short, or a
    /// block that is not WARC) is first retried together with the next range, in case a chance
    /// header pattern split it; if that fails too it is reported with its offset and skipped.
    /// </summary>
    private IEnumerable<IngestItem> ReadMembers(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(path);
        var start = GzipMembers.NextHeader(file, 0);
        if (start >= file.Length) throw new InvalidDataException("no gzip member header in the file: not a .warc.gz");
        if (start > 0) yield return Damage(path, 0, $"{start:N0} bytes before the first gzip member header skipped");
        var records = 0L;
        while (start < file.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = GzipMembers.NextHeader(file, start + 1);
            var outcome = new MemberOutcome();
            // Items stream out as the member is read (one member may hold a whole file's records).
            foreach (var item in ReadMember(path, file, start, end, records, 0, outcome)) yield return item;
            if (outcome.Error is not null && end < file.Length)
            {
                var merged = GzipMembers.NextHeader(file, end + 1);
                var retry = new MemberOutcome();
                var again = ReadMember(path, file, start, merged, records, outcome.Count, retry).ToList();
                if (retry.Error is null)
                {
                    foreach (var item in again) yield return item;
                    (outcome, end) = (retry, merged);
                }
            }
            records += outcome.Count;
            if (outcome.Error is not null)
            {
                if (records == 0 && end >= file.Length) throw new InvalidDataException(outcome.Error); // nothing readable at all: not WARC
                yield return Damage(path, start, $"gzip member at byte {start:N0} ({end - start:N0} bytes) skipped: {outcome.Error}");
            }
            start = end;
        }
    }

    /// <summary>What reading one gzip member came to: records seen, and the error that ended it (null when sound).</summary>
    private sealed class MemberOutcome
    {
        public long Count { get; set; }
        public string? Error { get; set; }
    }

    /// <summary>Reads the records of the member [start, end), passing over the first <paramref name="skip"/> (already returned).</summary>
    private IEnumerable<IngestItem> ReadMember(string path, FileStream file, long start, long end, long recordsBefore, long skip, MemberOutcome outcome)
    {
        using var gzip = new GZipStream(new StreamWindow(file, start, end), CompressionMode.Decompress);
        var warc = new WarcRecordReader(gzip, reader.Options.MaxFileBytes);
        while (true)
        {
            WarcRecord? record;
            try
            {
                record = warc.Next();
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                outcome.Error = e.Message;
                yield break;
            }
            if (record is null) break;
            outcome.Count++;
            if (record.Damage is not null)
            {
                outcome.Error = record.Damage;
                yield break;
            }
            if (outcome.Count > skip && ToItem(path, record, recordsBefore + outcome.Count) is { } item) yield return item;
        }
        if (outcome.Count == 0) outcome.Error = "no WARC record in the member";
    }

    private IngestItem Damage(string path, long offset, string reason)
    {
        _found++;
        return IngestItem.Skipped($"{path}@{offset}", IngestCodes.Format(IngestCodes.BadRecord, reason));
    }

    private IngestItem? ToItem(string path, WarcRecord record, long number)
    {
        var origin = $"{path}#{record.RecordId ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (record.Damage is not null)
        {
            _found++;
            return IngestItem.Skipped(record.Headers.Count > 0 ? origin : $"{path}@{record.Offset}", IngestCodes.Format(IngestCodes.BadRecord, record.Damage));
        }
        if (!record.Type.Equals("response", StringComparison.OrdinalIgnoreCase)) return null;
        if (record.Block is null)
        {
            _found++;
            return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.TooLarge,
                $"WARC record of {record.Length:N0} bytes is over the {reader.Options.MaxFileBytes:N0}-byte limit"));
        }
        var response = HttpResponse.Parse(record.Block, reader.Options.MaxFileBytes, out var error);
        if (response is null)
        {
            if (error is null || !error.StartsWith("PARLEY-", StringComparison.Ordinal)) return null;
            _found++;
            return IngestItem.Skipped(origin, error);
        }
        if (response.Status is < 200 or >= 300) return null;
        var contentType = response.ContentType ?? "";
        if (!contentType.Contains("html", StringComparison.OrdinalIgnoreCase)) return null;
        _found++;
        var decoded = TextDecoder.Decode(response.Body, lookForMarkupDeclaration: true, CharsetSniffer.FromContentType(contentType));
        if (decoded.Text is null) return IngestItem.Skipped(origin, decoded.SkipReason!, decoded.Warnings);
        var fields = new RecordFields(null, null, record.TargetUri, null, null, null, FetchedAt: record.Date);
        var item = reader.ReadRecord(origin, decoded.Text, null, fields, decoded.Warnings);
        // The record, not the URL, is what a user can open again: the URL stays the canonical URL.
        if (item.Document is { } document) document.Metadata.PathOrUrl = origin;
        return item;
    }
}
