using Parley.Engine.Output;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>Formats events for the terminal (table), for programs (jsonl) and for spreadsheets (tsv).</summary>
internal static class EventPrinter
{
    public static void Print(IReadOnlyList<StoredEvent> events, string format, TextWriter output)
    {
        switch (format)
        {
            case "jsonl":
                foreach (var e in events) output.WriteLine(EventJsonWriter.ToJson(e));
                break;
            case "tsv":
                output.WriteLine("id\tdate\tdate_precision\tactor1\tactor2\tcameo\tlabel\tgoldstein\tquad_class\tplover\tstatus\tevidence");
                foreach (var s in events)
                {
                    var e = s.Event;
                    output.WriteLine(string.Join('\t', s.Id, e.Date, e.DatePrecision.ToString().ToLowerInvariant(),
                        string.Join('|', e.Actor1.Select(a => a.Code)), string.Join('|', e.Actor2.Select(a => a.Code)),
                        e.Cameo, e.Label, e.Goldstein, e.QuadClass, e.Plover?.Type, e.Status.ToString().ToLowerInvariant(),
                        s.EvidenceText.FirstOrDefault()?.Replace('\t', ' ').Replace('\n', ' ')));
                }
                break;
            default:
                PrintTable(events, output);
                break;
        }
    }

    private static void PrintTable(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        // A pipe or file has no width of its own: give the table room instead of wrapping every cell.
        if (output != Console.Out || Console.IsOutputRedirected) console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("date").AddColumn("actor1").AddColumn(new TableColumn("cameo").NoWrap()).AddColumn("actor2")
            .AddColumn("status").AddColumn(new TableColumn("evidence").NoWrap());
        foreach (var s in events)
        {
            var e = s.Event;
            var evidence = s.EvidenceText.FirstOrDefault() ?? "";
            if (evidence.Length > 70) evidence = evidence[..69] + "…";
            var label = e.Label.Replace(", not specified below", "", StringComparison.Ordinal);
            if (label.Length > 32) label = label[..31] + "…";
            table.AddRow(
                Markup.Escape(e.Date + (e.DateIsFallback ? "*" : "")),
                Markup.Escape(string.Join(", ", e.Actor1.Select(a => a.Code))),
                Markup.Escape($"{e.Cameo} {label}"),
                Markup.Escape(string.Join(", ", e.Actor2.Select(a => a.Code))),
                Markup.Escape(e.Status.ToString().ToLowerInvariant()),
                Markup.Escape(evidence));
        }
        console.Write(table);
        console.MarkupLine($"[grey]{events.Count} events; * = dated by the publication date (no date in the text)[/]");
    }
}
