using System.CommandLine;
using Parley.Engine;
using Parley.Ingest;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley ingest PATH...</c>: reads, codes and stores articles; ends with a summary line.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Article files or folders.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Database();
        var jobs = new Option<int?>("--jobs") { Description = "Articles processed at once (default: one per core)." };
        var published = new Option<DateTimeOffset?>("--published") { Description = "Publication time for inputs that state none (ISO 8601)." };
        var reread = new Option<bool>("--reread")
        {
            Description = "Read every file again, even those an earlier run into the same database finished and that have not changed " +
                          "(by default they are passed over, so an interrupted run resumes where it stopped).",
        };
        var command = new Command("ingest", "Read, code and store articles.") { paths, db, jobs, published, reread };
        command.SetAction(parse =>
            Execute(parse, parse.GetValue(paths)!, parse.GetValue(db)!, parse.GetValue(jobs), parse.GetValue(published),
                reread: parse.GetValue(reread)).Exit);
        return command;
    }

    /// <summary>Runs an ingest and prints its summary; returns the summary (null on a fatal error) and the exit code.</summary>
    internal static (IngestSummary? Summary, int Exit) Execute(ParseResult parse, string[] paths, string db, int? jobs, DateTimeOffset? published,
        bool reread)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing) error.WriteLine($"PARLEY-C002: '{path}' does not exist; skipped.");
        var existing = paths.Except(missing).ToArray();
        if (existing.Length == 0)
        {
            error.WriteLine("PARLEY-C003: nothing to read: no given path exists.");
            return (null, 2);
        }

        using var store = SqliteEventStore.Open(db);
        var runner = new IngestRunner(ParleyPipeline.Default, new ArticleReader(new ArticleReaderOptions { DefaultPublished = published }), jobs)
        {
            SkipFinishedFiles = !reread,
        };
        var summary = RunWithProgress(runner, existing, store);

        foreach (var (origin, reason) in summary.Skips) output.WriteLine($"  skipped {origin}: {reason}");
        foreach (var (origin, id, of, similarity) in summary.NearCopies)
            output.WriteLine($"  near copy {origin}: article #{id} is a copy of #{of} ({similarity:P0} of its shingles shared); not coded again");
        foreach (var (origin, warning) in summary.Warnings) output.WriteLine($"  warning {origin}: {warning}");
        output.WriteLine($"parley: {summary} -> {db}");
        // Non-zero only when nothing at all could be read: a batch with some bad files, or one an earlier run already finished, succeeded.
        return (summary, summary.Read == 0 && summary.FilesPassed == 0 ? 1 : 0);
    }

    private static IngestSummary RunWithProgress(IngestRunner runner, string[] paths, SqliteEventStore store)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
            return runner.Run(paths, store);

        IngestSummary? summary = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("reading").IsIndeterminate();
                var progress = new Progress<IngestProgress>(p =>
                    task.Description = Markup.Escape($"{p.Done} inputs, {p.Summary.Stored} stored, {p.Summary.Skipped} skipped, " +
                                                      $"{p.Summary.Events} events, {p.Done / Math.Max(0.001, p.Summary.Elapsed.TotalSeconds):0} /s"));
                summary = runner.Run(paths, store, progress);
            });
        return summary!;
    }
}
