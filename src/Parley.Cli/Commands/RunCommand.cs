using System.CommandLine;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary><c>parley run PATH...</c>: the main job in one step: ingest into the store, then print the events of those articles.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Article files or folders.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Database();
        var format = new Option<string>("--format") { Description = "table, jsonl or tsv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "tsv");
        var published = new Option<DateTimeOffset?>("--published") { Description = "Publication time for inputs that state none (ISO 8601)." };
        var command = new Command("run", "Ingest articles and print their events.") { paths, db, format, published };
        command.SetAction(parse =>
        {
            // Reads every input even when an earlier run finished it: the point is to print these inputs' events (already stored articles are not coded again).
            var (summary, exit) = IngestCommand.Execute(parse, parse.GetValue(paths)!, parse.GetValue(db)!, null, parse.GetValue(published), reread: true);
            if (summary is null || summary.Read == 0) return exit;
            using var store = SqliteEventStore.Open(parse.GetValue(db)!);
            var events = store.QueryEvents(new EventQuery { ArticleIds = summary.ArticleIds });
            EventPrinter.Print(events, parse.GetValue(format)!, parse.InvocationConfiguration.Output);
            return exit;
        });
        return command;
    }
}
