using System.Diagnostics;
using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Storage;

namespace Parley.Engine.Bench;

/// <summary>Figures from one benchmark run.</summary>
public sealed record BenchmarkReport
{
    /// <summary>Articles processed.</summary>
    public required int Articles { get; init; }
    /// <summary>Sentences processed.</summary>
    public required long Sentences { get; init; }
    /// <summary>Events coded.</summary>
    public required long Events { get; init; }
    /// <summary>Threads used for the end-to-end pass.</summary>
    public required int Threads { get; init; }
    /// <summary>End-to-end wall time (pipeline on all threads + store).</summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>Seconds each stage took over the single-threaded pass, by stage name: CPU seconds of that thread where <see cref="ThreadCpuClock.IsCpuTime"/>.</summary>
    public required IReadOnlyList<(string Stage, double Seconds)> StageSeconds { get; init; }
    /// <summary>
    /// Seconds each stage took when it ran alone over every document of a second single-threaded pass
    /// (stage 1 over all documents, then stage 2 over all, ...), by stage name. In the first pass each
    /// document goes through every stage in turn, so a stage starts with its dictionaries pushed out
    /// of the CPU caches by the stages before it; here it runs back to back with itself, as a
    /// component benchmarked on its own would. Same clock as <see cref="StageSeconds"/>.
    /// </summary>
    public required IReadOnlyList<(string Stage, double Seconds)> StageAloneSeconds { get; init; }
    /// <summary>Sentences in the single-threaded pass.</summary>
    public required long StageSentences { get; init; }
    /// <summary>Peak working set of the process by the end of the end-to-end pass, bytes.</summary>
    public required long PeakWorkingSet { get; init; }
    /// <summary>Articles per second, end to end.</summary>
    public double ArticlesPerSecond => Articles / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures the pipeline on a synthetic corpus or on real articles: an end-to-end pass on all cores
/// into a temporary SQLite store (articles/s), a single-threaded pass timing each stage as documents
/// go through the pipeline (sentences/s per stage), and a single-threaded pass timing each stage
/// alone over all documents (the stage's own speed, caches warm with its own data).
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>Runs the benchmark on a generated corpus. <paramref name="stageSample"/> articles go through the per-stage pass.</summary>
    public static BenchmarkReport Run(DocumentPipeline pipeline, int articles, int seed = 42, int? threads = null, int stageSample = 2000,
        IProgress<int>? progress = null) =>
        Run(pipeline, () => new SyntheticCorpus(seed).Generate(articles),
            () => new SyntheticCorpus(seed + 1).Generate(Math.Min(stageSample, articles)), threads, progress);

    /// <summary>
    /// Runs the benchmark on documents from <paramref name="corpus"/> (end to end) and
    /// <paramref name="stageCorpus"/> (per stage); each call must give fresh, unprocessed documents,
    /// since the pipeline adds its layers to them.
    /// </summary>
    public static BenchmarkReport Run(DocumentPipeline pipeline, Func<IEnumerable<Document>> corpus, Func<IEnumerable<Document>> stageCorpus,
        int? threads = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(stageCorpus);
        var threadCount = Math.Max(1, threads ?? Environment.ProcessorCount);
        var articles = 0;
        var path = Path.Combine(Path.GetTempPath(), $"parley-bench-{Guid.NewGuid():N}.db");
        long sentences = 0, events = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            using var store = SqliteEventStore.Open(path);
            var done = 0;
            var processed = corpus()
                .AsParallel().AsOrdered().WithDegreeOfParallelism(threadCount)
                .Select(pipeline.Process);
            foreach (var document in processed)
            {
                store.Save(document, document.Metadata.PathOrUrl ?? "synthetic");
                sentences += document.Sentences.Count;
                events += document.Events.Count;
                articles++;
                if (++done % 500 == 0) progress?.Report(done);
            }
        }
        finally
        {
            SqliteEventStore.DeleteFiles(path);
        }
        var elapsed = clock.Elapsed;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64; // before the stage passes hold their documents

        // Per-stage pass: one thread, so each stage's time is its own cost on one core; measured in that
        // thread's CPU time, so the figure holds on a busy machine too.
        var stageTimes = new double[pipeline.Stages.Count];
        long stageSentences = 0;
        foreach (var document in stageCorpus())
        {
            for (var i = 0; i < pipeline.Stages.Count; i++)
            {
                var start = ThreadCpuClock.Now();
                pipeline.Stages[i].Process(document);
                stageTimes[i] += ThreadCpuClock.Now() - start;
                foreach (var layer in pipeline.Stages[i].Provides) document.MarkLayer(layer);
            }
            stageSentences += document.Sentences.Count;
        }

        // Stage-by-stage pass: the same sentences again, each stage alone over all documents.
        var held = stageCorpus().ToList();
        var aloneTimes = new double[pipeline.Stages.Count];
        for (var i = 0; i < pipeline.Stages.Count; i++)
        {
            var stage = pipeline.Stages[i];
            var start = ThreadCpuClock.Now();
            foreach (var document in held) stage.Process(document);
            aloneTimes[i] = ThreadCpuClock.Now() - start;
            foreach (var document in held)
                foreach (var layer in stage.Provides) document.MarkLayer(layer);
        }

        return new BenchmarkReport
        {
            Articles = articles, Sentences = sentences, Events = events, Threads = threadCount, Elapsed = elapsed,
            StageSeconds = pipeline.Stages.Select((s, i) => (s.Name, stageTimes[i])).ToList(),
            StageAloneSeconds = pipeline.Stages.Select((s, i) => (s.Name, aloneTimes[i])).ToList(),
            StageSentences = stageSentences, PeakWorkingSet = peak,
        };
    }
}
