using System.Diagnostics;
using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Ingest;
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
        // Documents are processed in parallel but saved in input order on this thread: SQLite
        // connections are single-threaded, and ordered saves keep the store's ids reproducible.
        var processed = items
            .AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism).WithCancellation(cancellationToken)
            .Select(item => Process(item, known));
        foreach (var (item, failure) in processed)
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
                var result = store.Save(item.Document, item.Origin);
                summary.Read++;
                summary.ArticleIds.Add(result.ArticleId);
                if (result.IsDuplicate) summary.Duplicates++;
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

    private (IngestItem Item, string? Failure) Process(IngestItem item, HashSet<string> known)
    {
        // Already stored by an earlier run: the store will count it; no need to code it again.
        if (item.Document is not { } document || known.Contains(document.ContentHash)) return (item, null);
        try
        {
            _pipeline.Process(document);
            return (item, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad article must not stop a batch of thousands: record why and go on.
            return (item, $"PARLEY-E001: processing failed ({e.GetType().Name}: {e.Message})");
        }
    }
}
