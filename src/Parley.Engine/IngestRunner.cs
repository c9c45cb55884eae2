using System.Diagnostics;
using System.Globalization;
using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Ingest;
using Parley.Ingest.Dedup;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>
/// Reads inputs, runs the pipeline on each article and stores the results. Idempotent: an article
/// whose text is already stored is counted and not processed again, so a run can be repeated or
/// resumed after an interruption. A failing input is skipped with its reason; the run goes on.
/// </summary>
public sealed class IngestRunner
{
    private readonly DocumentPipeline _pipeline;
    private readonly ArticleReader _reader;
    private readonly int _parallelism;

    /// <summary>Creates a runner; <paramref name="parallelism"/> documents are processed at once (default: the core count).</summary>
    public IngestRunner(DocumentPipeline pipeline, ArticleReader reader, int? parallelism = null)
    {
        _pipeline = pipeline;
        _reader = reader;
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    /// <summary>Ingests <paramref name="paths"/> (files or folders) into <paramref name="store"/>.</summary>
    public IngestSummary Run(IEnumerable<string> paths, SqliteEventStore store, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(_reader.Read(paths, cancellationToken), store, progress, cancellationToken);

    /// <summary>
    /// Ingests items read elsewhere (fetched pages, a custom source) into <paramref name="store"/>:
    /// skipped items are logged with their reasons, articles are coded and stored, in input order.
    /// </summary>
    public IngestSummary Run(IEnumerable<IngestItem> items, SqliteEventStore store, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var summary = new IngestSummary();
        var clock = Stopwatch.StartNew();
        var done = 0;
        var known = store.LoadContentHashes();
        var nearDuplicates = LoadNearDuplicateIndex(store);
        // Documents are processed in parallel but saved in input order on this thread: SQLite
        // connections are single-threaded, and ordered saves keep the store's ids reproducible.
        var processed = items
            .AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism).WithCancellation(cancellationToken)
            .Select(item => Process(item, known));
        foreach (var (item, failure, simHash) in processed)
        {
            done++;
            foreach (var warning in item.Warnings) summary.Warnings.Add((item.Origin, warning));
            var reason = item.SkipReason ?? failure;
            if (reason is not null || item.Document is null)
            {
                reason ??= "PARLEY-E000: the reader returned no document and no reason";
                summary.Skips.Add((item.Origin, reason));
                store.LogSkip(item.Origin, reason);
            }
            else
            {
                var document = item.Document;
                var near = known.Contains(document.ContentHash) ? null : nearDuplicates.FindNear(simHash, document.Metadata.Published);
                var result = store.Save(document, item.Origin, unchecked((long)simHash),
                    near is null ? null : (long.Parse(near.FirstId, CultureInfo.InvariantCulture), near.Distance));
                if (near is null && !result.IsDuplicate)
                    nearDuplicates.Add(result.ArticleId.ToString(CultureInfo.InvariantCulture), document.ContentHash, simHash, document.Metadata.Published);
                summary.Read++;
                summary.ArticleIds.Add(result.ArticleId);
                if (result.IsDuplicate) summary.Duplicates++;
                else if (result.NearDuplicateOf is not null) summary.NearDuplicates++;
                else
                {
                    summary.Stored++;
                    summary.Events += result.EventCount;
                    summary.Sentences += item.Document.Sentences.Count;
                }
            }
            summary.Elapsed = clock.Elapsed;
            progress?.Report(new IngestProgress(done, item.Origin, summary));
        }
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>
    /// Copies further apart than this are separate articles: a statement reissued every year is a
    /// new event, not a syndicated copy.
    /// </summary>
    private static readonly TimeSpan NearDuplicateWindow = TimeSpan.FromDays(30);

    private static NearDuplicateIndex LoadNearDuplicateIndex(SqliteEventStore store)
    {
        var index = new NearDuplicateIndex(window: NearDuplicateWindow);
        foreach (var (id, hash, simHash, published) in store.LoadFingerprints())
            index.Add(id.ToString(CultureInfo.InvariantCulture), hash, unchecked((ulong)simHash), published);
        return index;
    }

    private (IngestItem Item, string? Failure, ulong SimHash) Process(IngestItem item, HashSet<string> known)
    {
        // Already stored by an earlier run: the store will count it; no need to code it again.
        if (item.Document is not { } document || known.Contains(document.ContentHash)) return (item, null, 0);
        var simHash = SimHash.Compute(document.Text);
        try
        {
            _pipeline.Process(document);
            return (item, null, simHash);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad article must not stop a batch of thousands: record why and go on.
            return (item, $"PARLEY-E001: processing failed ({e.GetType().Name}: {e.Message})", simHash);
        }
    }
}
