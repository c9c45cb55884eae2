using System.CommandLine;
using Parley.Engine.Output;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary><c>parley events</c>: prints stored events as a table, JSON Lines or TSV.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var format = new Option<string>("--format") { Description = "table, jsonl or tsv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "tsv");
        var actor = new Option<string?>("--actor") { Description = "Only events with this country or bloc code (ISO3, e.g. CHN) on either side." };
        var since = new Option<string?>("--since") { Description = "Only events dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)." };
        var until = new Option<string?>("--until") { Description = "Only events dated on or before this date." };
        var cameo = new Option<string?>("--cameo") { Description = "Only events whose CAMEO code starts with this (e.g. 04)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many events." };
        var merged = new Option<bool>("--merged") { Description = "One row per real event: reports of the same event by several articles shown once, with the others listed." };
        var pairs = new Option<bool>("--pairs") { Description = "One row per source-target pair (GDELT-style dyads) instead of one per multilateral event." };

        var command = new Command("events", "Print stored events.") { db, format, actor, since, until, cameo, limit, pairs, merged };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(db)!;
            if (!File.Exists(path))
            {
                parse.InvocationConfiguration.Error.WriteLine($"PARLEY-C001: no store at '{path}'; run 'parley ingest PATH --db {path}' first.");
                return 2;
            }
            using var store = SqliteEventStore.Open(path);
            var events = store.QueryEvents(new EventQuery
            {
                Actor = parse.GetValue(actor), Since = parse.GetValue(since), Until = parse.GetValue(until),
                CameoPrefix = parse.GetValue(cameo), Limit = parse.GetValue(limit), FirstOfCluster = parse.GetValue(merged),
            });
            EventPrinter.Print(parse.GetValue(pairs) ? PairView.Expand(events).ToList() : events, parse.GetValue(format)!, output);
            return 0;
        });
        return command;
    }
}
