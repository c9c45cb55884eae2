using Parley.Core.Model;
using Parley.Ingest.Encodings;
using Parley.Ingest.Html;
using Parley.Ingest.Input;
using Parley.Ingest.Markdown;
using Parley.Ingest.Csv;
using Parley.Ingest.Batches;
using Parley.Ingest.Feeds;
using Parley.Ingest.Warc;
using Parley.Ingest.Text;

namespace Parley.Ingest;

/// <summary>
/// Reads articles from files and folders in every format Parley knows (plain text, HTML, ...),
/// one <see cref="IngestItem"/> per article or per skipped input. Folders are walked recursively
/// in ordinal name order, one directory listing at a time, and each file is read only when its
/// item is requested, so memory does not grow with the input. A bad input never throws: it
/// becomes an item with a one-line <see cref="IngestItem.SkipReason"/> carrying a stable code
/// (<see cref="IngestCodes"/>). Thread-safe: one reader may serve several threads.
/// </summary>
public sealed class ArticleReader
{
    private readonly PlainTextArticleParser _text = new();
    private readonly HtmlArticleParser _html = new();
    private readonly MarkdownArticleParser _markdown = new();

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Limits and defaults; null for the defaults (50 MB per file, no default date).</param>
    public ArticleReader(ArticleReaderOptions? options = null) => Options = options ?? new ArticleReaderOptions();

    /// <summary>The settings in use.</summary>
    public ArticleReaderOptions Options { get; }

    /// <summary>
    /// Reads every path in turn: a file is read by its extension, a folder is walked recursively
    /// (files with a known extension only, sorted by name). Items stream out in that order.
    /// </summary>
    public IEnumerable<IngestItem> Read(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        ReadFiles(ListFiles(paths, cancellationToken), cancellationToken);

    /// <summary>
    /// The files <see cref="Read"/> reads, in its order: a file path as given (even when it does not
    /// exist, so that reading it reports why), a folder walked recursively.
    /// </summary>
    public IEnumerable<string> ListFiles(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(path))
            {
                yield return path;
                continue;
            }
            foreach (var file in WalkFolder(path, cancellationToken))
                yield return file;
        }
    }

    /// <summary>Reads the given files in order; each item names its file in <see cref="IngestItem.SourceFile"/>.</summary>
    public IEnumerable<IngestItem> ReadFiles(IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var item in ReadAny(file, cancellationToken))
                yield return item with { SourceFile = file };
        }
    }

    /// <summary>Reads one single-article file (text, HTML, Markdown, .html.gz). Batch files give their first record.</summary>
    public IngestItem ReadFile(string path) =>
        ReadAny(path, CancellationToken.None).FirstOrDefault()
        ?? IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.NoArticle, "no article in file"));

    private IEnumerable<string> WalkFolder(string root, CancellationToken cancellationToken)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dir = pending.Pop();
            string[] files, subdirs;
            try
            {
                files = Directory.GetFiles(dir);
                subdirs = Directory.GetDirectories(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(subdirs, StringComparer.Ordinal);
            foreach (var f in files)
            {
                if (Options.SkipHidden && Path.GetFileName(f).StartsWith('.')) continue;
                if (Options.SkipNames.Contains(Path.GetFileName(f).Split('.')[0])) continue;
                if (ArticleFormats.IsKnown(f, Options.Extensions)) yield return f;
            }
            for (var i = subdirs.Length - 1; i >= 0; i--)
            {
                if (Options.SkipHidden && Path.GetFileName(subdirs[i]).StartsWith('.')) continue;
                pending.Push(subdirs[i]);
            }
        }
    }

    private IEnumerable<IngestItem> ReadAny(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.NotFound, "no such file or folder"));
            yield break;
        }
        var format = ArticleFormats.Detect(path);
        switch (format)
        {
            case ArticleFormat.Text:
            case ArticleFormat.Html:
            case ArticleFormat.Markdown:
                yield return Guard(path, () => ReadSingle(path, format));
                break;
            case ArticleFormat.Csv:
                foreach (var item in GuardBatch(path, () => new CsvBatchReader(this).Read(path, cancellationToken))) yield return item;
                break;
            case ArticleFormat.JsonLines:
                foreach (var item in GuardBatch(path, () => new JsonLinesBatchReader(this).Read(path, cancellationToken))) yield return item;
                break;
            case ArticleFormat.Feed:
                foreach (var item in GuardBatch(path, () => new FeedReader(this).Read(path, cancellationToken))) yield return item;
                break;
            case ArticleFormat.Warc:
                foreach (var item in GuardBatch(path, () => new WarcBatchReader(this).Read(path, cancellationToken))) yield return item;
                break;
            case ArticleFormat.HtmlGz:
                yield return Guard(path, () => ReadGzip(path));
                break;
            default:
                yield return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.Unsupported,
                    $"unsupported file type '{Path.GetExtension(path)}' (known: .txt, .md, .html, .htm, .html.gz, .csv, .jsonl, .rss, .atom, .xml, .warc, .warc.gz)"));
                break;
        }
    }

    private static IngestItem Guard(string origin, Func<IngestItem> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Failure(origin, e);
        }
    }

    /// <summary>Streams a batch's items; an exception mid-batch ends the batch with one skipped item naming it.</summary>
    private static IEnumerable<IngestItem> GuardBatch(string path, Func<IEnumerable<IngestItem>> open)
    {
        IEnumerator<IngestItem>? e = null;
        IngestItem? failure = null;
        try
        {
            e = open().GetEnumerator();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            failure = Failure(path, ex);
        }
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        using (e)
        {
            while (true)
            {
                IngestItem current;
                try
                {
                    if (!e!.MoveNext()) yield break;
                    current = e.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    failure = Failure(path, ex);
                    break;
                }
                yield return current;
            }
        }
        yield return failure;
    }

    private static IngestItem Failure(string origin, Exception e) => e is IOException or UnauthorizedAccessException
        ? IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Unreadable, "cannot read file: " + e.Message))
        : IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Failed, $"reader failed ({e.GetType().Name}: {e.Message})"));

    /// <summary>Reads one batch record (CSV row, JSON line, WARC response) given as HTML or text, with its own metadata fields.</summary>
    internal IngestItem ReadRecord(string origin, string? html, string? text, RecordFields fields, IReadOnlyList<string> inheritedWarnings)
    {
        var warnings = new List<string>(inheritedWarnings);
        try
        {
            if (html is not null && NestingGuard.MaxDepth(html) is var depth && depth > NestingGuard.DepthLimit)
            {
                warnings.Add(IngestCodes.Format(IngestCodes.NestedTooDeep, $"HTML nested {depth:N0} levels deep (limit {NestingGuard.DepthLimit:N0}): text read without the page structure"));
                text = NestingGuard.Flatten(html);
                html = null;
            }
            var parsed = html is not null
                ? _html.Parse(html, fields.Url)
                : text!.StartsWith("---", StringComparison.Ordinal) ? _markdown.Parse(text, isMarkdown: false) : _text.Parse(text!, knownTitle: fields.Title is null ? null : TextNormalizer.CollapseWhitespace(fields.Title));
            fields.ApplyTo(parsed.Metadata, warnings, Options);
            parsed.Metadata.PathOrUrl = fields.Url ?? origin;
            return Finish(origin, parsed, fields.Url, warnings);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Failure(origin, e);
        }
    }

    private IngestItem ReadSingle(string path, ArticleFormat format)
    {
        var length = new FileInfo(path).Length;
        if (length > Options.MaxFileBytes)
            return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.TooLarge,
                $"file is {length:N0} bytes, over the {Options.MaxFileBytes:N0}-byte limit"));
        var bytes = File.ReadAllBytes(path);
        return ReadBytes(path, bytes, format, declaredCharset: null, url: null);
    }

    private IngestItem ReadGzip(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > Options.MaxFileBytes)
            return IngestItem.Skipped(path, IngestCodes.Format(IngestCodes.TooLarge,
                $"file is {length:N0} bytes, over the {Options.MaxFileBytes:N0}-byte limit"));
        using var file = File.OpenRead(path);
        var bytes = BoundedRead.Gunzip(file, Options.MaxFileBytes, out var error);
        if (bytes is null) return IngestItem.Skipped(path, error!);
        return ReadBytes(path, bytes, ArticleFormat.Html, declaredCharset: null, url: null);
    }

    /// <summary>Reads one article from bytes already in memory (used by batch readers).</summary>
    internal IngestItem ReadBytes(string origin, byte[] bytes, ArticleFormat format, string? declaredCharset, string? url)
    {
        if (bytes.Length == 0) return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Empty, "empty file"));
        var decoded = TextDecoder.Decode(bytes, lookForMarkupDeclaration: format != ArticleFormat.Text, declaredCharset);
        if (decoded.Text is null) return IngestItem.Skipped(origin, decoded.SkipReason!, decoded.Warnings);
        return ReadString(origin, decoded.Text, format, url, decoded.Warnings);
    }

    /// <summary>Reads one article from decoded text.</summary>
    internal IngestItem ReadString(string origin, string text, ArticleFormat format, string? url, IReadOnlyList<string> inheritedWarnings)
    {
        var warnings = new List<string>(inheritedWarnings);
        if (string.IsNullOrWhiteSpace(text))
            return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.Empty, "empty file (white space only)"), warnings);
        if (format is ArticleFormat.Html or ArticleFormat.HtmlGz && NestingGuard.MaxDepth(text) is var depth && depth > NestingGuard.DepthLimit)
        {
            warnings.Add(IngestCodes.Format(IngestCodes.NestedTooDeep, $"HTML nested {depth:N0} levels deep (limit {NestingGuard.DepthLimit:N0}): text read without the page structure"));
            format = ArticleFormat.Text;
            text = NestingGuard.Flatten(text);
        }
        var parsed = format switch
        {
            ArticleFormat.Html or ArticleFormat.HtmlGz => _html.Parse(text, url),
            ArticleFormat.Markdown => _markdown.Parse(text, isMarkdown: true),
            _ when text.StartsWith("---", StringComparison.Ordinal) => _markdown.Parse(text, isMarkdown: false),
            _ => _text.Parse(text),
        };
        return Finish(origin, parsed, url, warnings);
    }

    internal IngestItem Finish(string origin, ParsedArticle parsed, string? url, List<string> warnings)
    {
        warnings.AddRange(parsed.Warnings);
        if (parsed.Paragraphs.Count == 0)
            return IngestItem.Skipped(origin, IngestCodes.Format(IngestCodes.NoArticle, "no article text left after removing page furniture"), warnings)
                with { SkippedMetadata = parsed.Metadata };
        var meta = parsed.Metadata;
        meta.PathOrUrl ??= url ?? origin;
        if (meta.Published is { } stated && Options.WhyImplausible(stated) is { } why)
        {
            // A wrong date would date every event in the article wrongly: better none, said aloud.
            warnings.Add(IngestCodes.Format(IngestCodes.ImplausibleDate,
                $"publication time {stated:yyyy-MM-dd} (from {meta.PublishedSource ?? "the text"}) is {why}; ignored"));
            meta.Published = null;
            meta.PublishedSource = null;
        }
        if (meta.Published is null)
        {
            warnings.Add(IngestCodes.Format(IngestCodes.NoDate, Options.DefaultPublished is null
                ? "no publication time found"
                : "no publication time found; using the caller's default"));
            if (Options.DefaultPublished is { } fallback)
            {
                meta.Published = fallback;
                meta.PublishedSource = "caller";
            }
        }
        if (meta.Title is null) warnings.Add(IngestCodes.Format(IngestCodes.NoTitle, "no title found"));
        // The source's own statement (html lang, front matter, feed) wins; otherwise guess from the body.
        meta.Language ??= Languages.LanguageGuesser.Guess(string.Join("\n", parsed.Paragraphs.Take(20)));
        var document = Document.FromParagraphs(parsed.Paragraphs, meta);
        return IngestItem.Read(origin, document, warnings);
    }
}
