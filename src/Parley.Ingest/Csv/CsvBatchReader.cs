using System.Text;
using Parley.Ingest.Dates;
using Parley.Ingest.Encodings;

namespace Parley.Ingest.Csv;

/// <summary>
/// Reads a CSV batch of articles, one per row, with a header naming the columns: the text in
/// <c>text</c> (or <c>body</c>, <c>content</c>, <c>article</c>) or HTML in <c>html</c>, and optionally
/// <c>title</c>/<c>headline</c>, <c>date</c>/<c>published</c>/<c>published_time</c>/<c>datetime</c>,
/// <c>url</c>/<c>link</c>/<c>source_url</c>, <c>author</c>, <c>site</c>/<c>source</c>, <c>language</c>/<c>lang</c>.
/// Each row's item has origin <c>path#row</c> (the row's line number). Streaming: one row at a time.
/// </summary>
internal sealed class CsvBatchReader(ArticleReader reader)
{
    private static readonly string[] TextColumns = ["text", "body", "content", "article", "maintext", "full_text"];
    private static readonly string[] HtmlColumns = ["html", "raw_html"];
    private static readonly string[] TitleColumns = ["title", "headline"];
    private static readonly string[] DateColumns = ["published_time", "published", "date_published", "publish_date", "date", "datetime", "pubdate", "timestamp"];
    private static readonly string[] UrlColumns = ["url", "link", "source_url", "canonical_url"];
    private static readonly string[] AuthorColumns = ["author", "authors", "byline"];
    private static readonly string[] SiteColumns = ["site", "source", "publisher", "site_name"];
    private static readonly string[] LanguageColumns = ["language", "lang"];

    public IEnumerable<IngestItem> Read(string path, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        // Sniff the encoding from the first bytes; a CSV with invalid UTF-8 is read as Windows-1252.
        var head = new byte[Math.Min(stream.Length, 64 * 1024)];
        stream.ReadExactly(head);
        stream.Position = 0;
        var decoded = TextDecoder.Decode(head, lookForMarkupDeclaration: false);
        if (decoded.Text is null)
        {
            yield return IngestItem.Skipped(path, decoded.SkipReason!);
            yield break;
        }
        var encoding = decoded.EncodingName == "utf-8" ? new UTF8Encoding(false) : TextDecoder.GetEncoding(decoded.EncodingName) ?? TextDecoder.Windows1252;
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, reader.Options.MaxFileBytes);
        if (!csv.TryRead(out var header) || header is null || header.Count == 0)
        {
            yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.Empty, "empty CSV file"));
            yield break;
        }
        var columns = header.Select((h, i) => (Name: h.Trim().Trim('\uFEFF').ToLowerInvariant(), i)).ToDictionary(x => x.Name, x => x.i);
        int? Col(string[] names) => names.Select(n => columns.TryGetValue(n, out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);
        var textCol = Col(TextColumns);
        var htmlCol = Col(HtmlColumns);
        if (textCol is null && htmlCol is null)
        {
            yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.BadRecord,
                $"CSV has no text or html column (columns: {string.Join(", ", header)})"));
            yield break;
        }
        var titleCol = Col(TitleColumns);
        var dateCol = Col(DateColumns);
        var urlCol = Col(UrlColumns);
        var authorCol = Col(AuthorColumns);
        var siteCol = Col(SiteColumns);
        var langCol = Col(LanguageColumns);
        var warnings = new List<string>(decoded.Warnings);

        while (csv.TryRead(out var row))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = $"{path}#{csv.RecordLine}";
            if (row is null)
            {
                yield return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.TooLarge, $"CSV row is over the {reader.Options.MaxFileBytes:N0}-character limit"));
                continue;
            }
            if (row.Count == 1 && row[0].Length == 0) continue; // blank line
            string? Cell(int? c) => c is { } i && i < row.Count && !string.IsNullOrWhiteSpace(row[i]) ? row[i].Trim() : null;
            var body = Cell(textCol);
            var html = Cell(htmlCol);
            var url = Cell(urlCol);
            IngestItem item;
            if (body is null && html is null)
                item = IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Empty, "row has no text"));
            else
            {
                var fields = new RecordFields(Cell(titleCol), Cell(dateCol), url, Cell(authorCol), Cell(siteCol), Cell(langCol));
                item = reader.ReadRecord(origin, html, body, fields, warnings);
            }
            yield return item;
        }
    }
}

/// <summary>Metadata a batch record states next to its text (CSV columns, JSON fields).</summary>
internal sealed record RecordFields(string? Title, string? Date, string? Url, string? Author, string? Site, string? Language, string? FetchedAt = null);

/// <summary>Applies record fields over what the text itself says.</summary>
internal static class RecordFieldsExtensions
{
    public static void ApplyTo(this RecordFields f, Core.Model.ArticleMetadata meta, List<string> warnings, ArticleReaderOptions options)
    {
        if (f.Title is not null) meta.Title = Text.TextNormalizer.CollapseWhitespace(f.Title);
        if (f.Date is not null)
        {
            if (DateTextParser.TryParseMachine(f.Date, out var d) && options.WhyImplausible(d!.Value) is { } why)
                warnings.Add(IngestCodes.Format(IngestCodes.ImplausibleDate, $"record date '{Truncate(f.Date)}' is {why}; ignored"));
            else if (d is not null)
            {
                meta.Published = d!.Value;
                meta.PublishedSource = "record:date";
            }
            else warnings.Add(IngestCodes.Format(IngestCodes.BadRecord, $"date '{Truncate(f.Date)}' is not a date; ignored"));
        }
        if (f.Url is not null) meta.CanonicalUrl ??= f.Url;
        if (f.Author is not null) meta.Author = f.Author;
        if (f.Site is not null) meta.Site = f.Site;
        if (f.Language is not null) meta.Language = f.Language.Split('-', '_')[0].ToLowerInvariant();
        if (meta.Published is null && f.FetchedAt is not null && DateTextParser.TryParseMachine(f.FetchedAt, out var fetched)
            && options.WhyImplausible(fetched!.Value) is null)
        {
            meta.Published = fetched!.Value;
            meta.PublishedSource = "record:fetched_at";
            warnings.Add(IngestCodes.Format(IngestCodes.NoDate, "no publication time in the page; using the fetch time"));
        }
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
