using System.Diagnostics;
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

    /// <summary>
    /// When true (the default), files that an earlier run into the same store read to the end, and
    /// that have not changed since, are passed over without being read: an interrupted run resumes
    /// where it stopped, and a folder that grows costs only its new files.
    /// </summary>
    public bool SkipFinishedFiles { get; init; } = true;

    /// <summary>Ingests <paramref name="paths"/> (files or folders) into <paramref name="store"/>.</summary>
    public IngestSummary Run(IEnumerable<string> paths, SqliteEventStore store, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var resume = new FileResume(store, SkipFinishedFiles);
        var files = resume.Filter(_reader.ListFiles(paths, cancellationToken));
        return Run(_reader.ReadFiles(files, cancellationToken), store, progress, cancellationToken, resume);
    }

    /// <summary>
    /// Ingests items read elsewhere (fetched pages, a custom source) into <paramref name="store"/>:
    /// skipped items are logged with their reasons, articles are coded and stored, in input order.
    /// Exact and near duplicates are recognised from the extracted text before the pipeline runs,
    /// so a copy costs a fingerprint, not a parse.
    /// </summary>
    public IngestSummary Run(IEnumerable<IngestItem> items, SqliteEventStore store, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(items, store, progress, cancellationToken, resume: null);

    private IngestSummary Run(IEnumerable<IngestItem> items, SqliteEventStore store, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken, FileResume? resume)
    {
        var summary = new IngestSummary();
        var clock = Stopwatch.StartNew();
        var done = 0;
        var triage = new DuplicateTriage(store, NearDuplicateWindow);
        // Triage runs on the source side of PLINQ, which pulls items one at a time under a lock and in
        // input order, so every copy meets its first copy in the index. Documents are then processed in
        // parallel but saved in input order on this thread: SQLite connections are single-threaded, and
        // ordered saves keep the store's ids reproducible.
        var processed = items
            .Select(triage.Classify)
            .AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism).WithCancellation(cancellationToken)
            .Select(Process);
        foreach (var (item, failure, verdict) in processed)
        {
            done++;
            foreach (var warning in item.Warnings) summary.Warnings.Add((item.Origin, warning));
            var reason = item.SkipReason ?? failure;
            long? firstId = null;
            if (reason is null && verdict.CopyOf is { } key && (firstId = triage.Resolve(key)) is null)
                reason = "PARLEY-E002: a copy of an earlier input that failed to process; not stored";
            if (verdict.ExactCopy) firstId = null; // the store finds the exact copy by its content hash
            if (reason is null && item.Document is null) reason = "PARLEY-E000: the reader returned no document and no reason";
            resume?.Handled(item, reason);
            if (reason is not null)
            {
                summary.Skips.Add((item.Origin, reason));
                store.LogSkip(item.Origin, reason);
                triage.Failed(verdict.Key);
            }
            else
            {
                var document = item.Document!; // a null document always has a reason, set above
                var result = store.Save(document, item.Origin, verdict.Fingerprint is { } f ? unchecked((long)f.SimHash) : null,
                    firstId is { } first ? (first, verdict.Distance) : null, verdict.Fingerprint?.ToBytes());
                triage.Saved(verdict.Key, result.ArticleId);
                summary.Read++;
                summary.ArticleIds.Add(result.ArticleId);
                if (result.IsDuplicate) summary.Duplicates++;
                else if (result.NearDuplicateOf is { } of)
                {
                    summary.NearDuplicates++;
                    summary.NearCopies.Add((item.Origin, result.ArticleId, of, verdict.Similarity));
                }
                else
                {
                    summary.Stored++;
                    summary.Events += result.EventCount;
                    summary.Sentences += document.Sentences.Count;
                }
            }
            summary.Elapsed = clock.Elapsed;
            summary.FilesPassed = resume?.Passed ?? 0;
            progress?.Report(new IngestProgress(done, item.Origin, summary));
        }
        resume?.Complete();
        summary.FilesPassed = resume?.Passed ?? 0;
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>
    /// Copies further apart than this are separate articles: a statement reissued every year is a
    /// new event, not a syndicated copy.
    /// </summary>
    private static readonly TimeSpan NearDuplicateWindow = TimeSpan.FromDays(30);

    private (IngestItem Item, string? Failure, DuplicateVerdict Verdict) Process((IngestItem Item, DuplicateVerdict Verdict) input)
    {
        var (item, verdict) = input;
        // Already stored, an exact copy of an earlier input or a near copy: the store links or counts it; no need to code it.
        if (item.Document is not { } document || !verdict.NeedsProcessing) return (item, null, verdict);
        try
        {
            _pipeline.Process(document);
            return (item, null, verdict);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad article must not stop a batch of thousands: record why and go on.
            return (item, $"PARLEY-E001: processing failed ({e.GetType().Name}: {e.Message})", verdict);
        }
    }
}
