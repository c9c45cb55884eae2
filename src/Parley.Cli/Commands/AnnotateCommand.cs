using System.CommandLine;
using Parley.Engine;
using Parley.Engine.Output;
using Parley.Ingest;

namespace Parley.Cli.Commands;

/// <summary><c>parley annotate PATH...</c>: the whole document model of each article, for inspection; nothing is stored.</summary>
internal static class AnnotateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Article files or folders.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json (indented) or jsonl (one document a line).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var published = new Option<DateTimeOffset?>("--published") { Description = "Reference time for inputs that state no publication time (ISO 8601)." };
        // Tagged and parsed by default, as run, ingest and eval code: the events shown are the ones those commands store.
        var syntax = new Option<bool>("--syntax") { Description = "Tag and parse (the default; kept for scripts)." };
        var withoutParse = new Option<bool>("--without-parse") { Description = "Skip the tagger and parser: the events of the word-order reading alone." };
        var command = new Command("annotate", "Print sentences, tokens, entities, places, times, quotes, sources and events of each article.") { paths, format, published, syntax, withoutParse };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var reader = new ArticleReader(new ArticleReaderOptions { DefaultPublished = parse.GetValue(published) });
            var indented = parse.GetValue(format) == "json";
            var read = 0;
            foreach (var item in reader.Read(parse.GetValue(paths)!))
            {
                if (item.Document is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"skipped {item.Origin}: {item.SkipReason}");
                    continue;
                }
                read++;
                (parse.GetValue(withoutParse) ? ParleyPipeline.WithoutSyntax : ParleyPipeline.WithSyntax).Process(item.Document);
                output.WriteLine(DocumentJsonWriter.ToJson(item.Document, item.Origin, indented));
            }
            return read == 0 ? 1 : 0;
        });
        return command;
    }
}
