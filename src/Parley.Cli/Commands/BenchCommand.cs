using System.CommandLine;
using Parley.Engine;
using Parley.Engine.Bench;

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
        var command = new Command("bench", "Measure articles/s, per-stage sentences/s and peak memory on a generated corpus.") { articles, seed, threads, syntax };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var pipeline = parse.GetValue(syntax) ? ParleyPipeline.WithSyntax : ParleyPipeline.WithoutSyntax;
            var report = PipelineBenchmark.Run(pipeline, parse.GetValue(articles), parse.GetValue(seed), parse.GetValue(threads));
            output.WriteLine($"articles        {report.Articles:N0} ({report.Sentences:N0} sentences, {report.Events:N0} events)");
            output.WriteLine($"end to end      {report.ArticlesPerSecond:N0} articles/s, {report.Sentences / report.Elapsed.TotalSeconds:N0} sentences/s " +
                             $"on {report.Threads} threads, into SQLite ({report.Elapsed.TotalSeconds:0.0} s)");
            output.WriteLine($"peak memory     {report.PeakWorkingSet / 1048576.0:N0} MiB working set");
            output.WriteLine($"per stage, one thread, {report.StageSentences:N0} sentences:");
            foreach (var (stage, seconds) in report.StageSeconds)
                output.WriteLine($"  {stage,-12} {report.StageSentences / Math.Max(seconds, 1e-9),12:N0} sentences/s");
            return 0;
        });
        return command;
    }
}
