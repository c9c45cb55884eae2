using System.CommandLine;
using Parley.Ingest;

namespace Parley.Cli.Commands;

/// <summary><c>parley extract PATH...</c>: the reader alone: clean text and metadata of each page, nothing coded or stored.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Article files or folders (HTML, text, Markdown, CSV, JSON Lines).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text, json or jsonl.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var command = new Command("extract", "Extract clean article text and metadata.") { paths, format };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var items = new ArticleReader().Read(parse.GetValue(paths)!);
            switch (parse.GetValue(format))
            {
                case "jsonl":
                    return ExtractJson.WriteJsonl(items, output) == 0 ? 1 : 0;
                case "json":
                    var buffer = new StringWriter();
                    var count = ExtractJson.WriteJsonl(items, buffer);
                    output.WriteLine("[" + string.Join(",\n", buffer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]");
                    return count == 0 ? 1 : 0;
                default:
                    var read = 0;
                    foreach (var item in items)
                    {
                        if (item.Document is not { } d)
                        {
                            parse.InvocationConfiguration.Error.WriteLine($"skipped {item.Origin}: {item.SkipReason}");
                            continue;
                        }
                        read++;
                        output.WriteLine($"# {d.Metadata.Title}");
                        output.WriteLine($"published: {d.Metadata.Published:O} ({d.Metadata.PublishedSource})  site: {d.Metadata.Site}  author: {d.Metadata.Author}");
                        output.WriteLine();
                        output.WriteLine(d.Text);
                        output.WriteLine();
                    }
                    return read == 0 ? 1 : 0;
            }
        });
        return command;
    }
}
