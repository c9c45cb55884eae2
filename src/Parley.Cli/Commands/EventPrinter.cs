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
        // A pipe or a file gets plain aligned columns, one event a line, easy to grep and diff;
        // a terminal gets a drawn table.
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            PrintPlain(events, output);
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("date").NoWrap()).AddColumn(new TableColumn("actor1").NoWrap()).AddColumn(new TableColumn("cameo").NoWrap()).AddColumn(new TableColumn("actor2").NoWrap())
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
        console.MarkupLine(Markup.Escape(Footer(events.Count)));
    }

    private static string Footer(int count) => $"{count} events; * = dated by the publication date (no date in the text)";

    private static void PrintPlain(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        output.WriteLine($"{"date",-12} {"actor1",-14} {"cameo",-40} {"actor2",-14} {"status",-10} evidence");
        foreach (var s in events)
        {
            var e = s.Event;
            var label = e.Label.Replace(", not specified below", "", StringComparison.Ordinal);
            var cameo = $"{e.Cameo} {label}";
            if (cameo.Length > 40) cameo = cameo[..39] + "…";
            var evidence = (s.EvidenceText.FirstOrDefault() ?? "").ReplaceLineEndings(" ");
            if (evidence.Length > 80) evidence = evidence[..79] + "…";
            output.WriteLine($"{e.Date + (e.DateIsFallback ? "*" : ""),-12} {Side(e.Actor1),-14} {cameo,-40} {Side(e.Actor2),-14} " +
                             $"{e.Status.ToString().ToLowerInvariant(),-10} {evidence}");
        }
        output.WriteLine(Footer(events.Count));
    }

    private static string Side(List<Parley.Core.Model.EventActor> actors) =>
        actors.Count == 0 ? "-" : string.Join('+', actors.Select(a => a.Code));
}
