using System.CommandLine;
using Parley.Engine;
using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Engine.Bench;
using Parley.Ingest;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench</c>: throughput and memory on a generated corpus.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Corpus seed.", DefaultValueFactory = _ => 42 };
        var threads = new Option<int?>("--threads") { Description = "Threads for the end-to-end pass (default: one per core)." };
        var syntax = new Option<bool>("--syntax") { Description = "Include the tagger and parser stages." };
        var extract = new Option<string?>("--extract") { Description = "Measure HTML extraction alone (one thread) on the pages in this folder instead." };
        var repeat = new Option<int>("--repeat") { Description = "Timed passes over the pages (--extract) or the articles (--input).", DefaultValueFactory = _ => 1 };
        var input = new Option<string[]>("--input")
        {
            Description = "Measure the pipeline on the articles in these files or folders (read once, processed --repeat times) instead of a generated corpus.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("bench", "Measure articles/s, per-stage sentences/s and peak memory on a generated corpus or real articles.")
            { articles, seed, threads, syntax, extract, repeat, input };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(extract) is { } folder)
            {
                var x = ExtractionBenchmark.Run(folder, Math.Max(1, parse.GetValue(repeat)));
                output.WriteLine($"pages           {x.Pages:N0} ({x.Bytes / 1e6:N1} MB of HTML)");
                output.WriteLine($"extraction      {x.PagesPerCpuSecond:N0} pages and {x.MegabytesPerCpuSecond:N1} MB per CPU-second on one thread, warm " +
                                 $"(median pass {x.MedianPagesPerCpuSecond:N0}, best {x.BestPagesPerCpuSecond:N0} pages per CPU-second of {x.Passes})");
                output.WriteLine($"first pass      {x.ColdPagesPerCpuSecond:N0} pages per CPU-second while the JIT warms up (untimed above)");
                output.WriteLine($"wall clock      {x.PagesPerSecond:N0} pages/s, {x.MegabytesPerSecond:N1} MB/s ({x.Elapsed.TotalSeconds:0.0} s; unreliable on a shared machine)");
                output.WriteLine($"allocation      {x.AllocatedPerPage / 1048576.0:N2} MiB per page; garbage collections per 1,000 pages: " +
                                 $"{1000.0 * x.Collections[0] / x.Pages:0} gen0, {1000.0 * x.Collections[1] / x.Pages:0} gen1, {1000.0 * x.Collections[2] / x.Pages:0} gen2");
                output.WriteLine($"peak memory     {x.PeakWorkingSet / 1048576.0:N0} MiB working set (the {x.InputBytesHeld / 1048576.0:N0} MiB of pages held in memory included)");
                var total = x.PhaseSeconds.Sum(p => p.Seconds);
                foreach (var (phase, seconds) in x.PhaseSeconds)
                    output.WriteLine($"  {phase,-12} {seconds * 1000 / (x.Pages / Math.Max(1, parse.GetValue(repeat))),8:0.00} ms/page {100 * seconds / total,5:0}%");
                return 0;
            }
            var pipeline = parse.GetValue(syntax) ? ParleyPipeline.WithSyntax : ParleyPipeline.WithoutSyntax;
            var report = parse.GetValue(input) is { Length: > 0 } paths
                ? RealArticles(pipeline, paths, Math.Max(1, parse.GetValue(repeat)), parse.GetValue(threads))
                : PipelineBenchmark.Run(pipeline, parse.GetValue(articles), parse.GetValue(seed), parse.GetValue(threads));
            output.WriteLine($"articles        {report.Articles:N0} ({report.Sentences:N0} sentences, {report.Events:N0} events)");
            output.WriteLine($"end to end      {report.ArticlesPerSecond:N0} articles/s, {report.Sentences / report.Elapsed.TotalSeconds:N0} sentences/s " +
                             $"on {report.Threads} threads, into SQLite ({report.Elapsed.TotalSeconds:0.0} s)");
            output.WriteLine($"peak memory     {report.PeakWorkingSet / 1048576.0:N0} MiB working set");
            var unit = ThreadCpuClock.IsCpuTime ? "sentences per CPU-second" : "sentences/s (wall time)";
            output.WriteLine($"per stage, one thread, {report.StageSentences:N0} sentences, {unit}: in the pipeline (every stage in turn per document) / alone (one stage over all documents)");
            // Thread CPU time is charged by the scheduler's tick: a stage that never held the core when a tick fell has no measurable cost.
            foreach (var ((stage, seconds), (_, alone)) in report.StageSeconds.Zip(report.StageAloneSeconds))
                output.WriteLine($"  {stage,-12} {Rate(report.StageSentences, seconds),20} {Rate(report.StageSentences, alone),20}");
            var all = report.StageSeconds.Sum(s => s.Seconds);
            output.WriteLine($"  {"all stages",-12} {report.StageSentences / Math.Max(all, 1e-9),20:N0}");
            return 0;
        });
        return command;
    }

    /// <summary>Sentences per second of one stage, or a note when the clock saw no time at all.</summary>
    private static string Rate(long sentences, double seconds) => seconds > 0 ? (sentences / seconds).ToString("N0") : "too fast to measure";

    /// <summary>
    /// The pipeline on real articles: they are read and extracted once, outside the timing, and each
    /// pass builds fresh documents from their text and metadata, so reading is not what is measured.
    /// </summary>
    private static BenchmarkReport RealArticles(DocumentPipeline pipeline, string[] paths, int repeat, int? threads)
    {
        var read = new ArticleReader().Read(paths).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        IEnumerable<Document> Fresh(int passes) =>
            Enumerable.Range(0, passes).SelectMany(_ => read.Select(d => Document.FromParagraphs(
                d.Paragraphs.Select(p => d.Text[p.Start..p.End]), d.Metadata)));
        return PipelineBenchmark.Run(pipeline, () => Fresh(repeat), () => Fresh(repeat), threads);
    }
}
