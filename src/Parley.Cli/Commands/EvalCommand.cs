using System.CommandLine;
using Parley.Engine;
using Parley.Engine.Output;
using Parley.Evaluation;
using Parley.Evaluation.Annotations;
using Parley.Ingest;
using Parley.Storage;
using Parley.Syntax;
using Parley.Syntax.Evaluation;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley eval GOLD.jsonl</c>: scores stored events against a gold file with the same rules as
/// <c>score_events.py</c>, plus per-CAMEO-root precision and recall and a confusion summary.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD") { Description = "Gold events (JSON Lines, the seed-events.jsonl form)." };
        var db = CommonOptions.Database();
        var input = new Option<string[]>("--input") { Description = "Ingest these articles into a fresh temporary store and score them, instead of reading --db.", AllowMultipleArgumentsPerToken = true };
        var minRecall = new Option<double>("--min-recall") { Description = "Fail (exit 1) below this recall." };
        var minPrecision = new Option<double>("--min-precision") { Description = "Fail (exit 1) below this precision." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "A verdict for every produced event." };
        var syntax = new Option<bool>("--syntax") { Description = "GOLD is a CoNLL-U treebank: score the tagger and parser (CoNLL 2018 metrics), on gold and on predicted tokenisation." };
        var withParse = new Option<bool>("--with-parse") { Description = "Ingest --input with the tagger and dependency parser (the default; kept for scripts)." };
        var withoutParse = new Option<bool>("--without-parse") { Description = "Ingest --input without the tagger and parser (ParleyPipeline.WithoutSyntax), to measure what the parse adds." };
        var annotations = new Option<bool>("--annotations") { Description = "GOLD holds language-layer annotations (times, actors, places, quotes): score those layers on the --input articles." };
        var command = new Command("eval", "Score events against a gold file.") { gold, db, input, minRecall, minPrecision, verbose, annotations, syntax, withParse, withoutParse };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                parse.InvocationConfiguration.Error.WriteLine($"PARLEY-C004: gold file '{goldPath}' does not exist.");
                return 2;
            }
            if (parse.GetValue(syntax))
            {
                output.WriteLine($"gold tokenisation:      {ConlluEvaluator.EvaluateFile(SyntaxModels.Default, goldPath, predictedTokenisation: false)}");
                output.WriteLine($"predicted tokenisation: {ConlluEvaluator.EvaluateFile(SyntaxModels.Default, goldPath, predictedTokenisation: true)}");
                return 0;
            }
            var inputs = parse.GetValue(input) ?? [];
            if (parse.GetValue(annotations))
            {
                if (inputs.Length == 0)
                {
                    parse.InvocationConfiguration.Error.WriteLine("PARLEY-C005: --annotations needs the annotated articles: --input PATH.");
                    return 2;
                }
                output.Write(AnnotationScoreReport.Table(AnnotationEvaluation.Run(goldPath, inputs)));
                return 0;
            }
            var dbPath = inputs.Length > 0 ? Path.Combine(Path.GetTempPath(), $"parley-eval-{Guid.NewGuid():N}.db") : parse.GetValue(db)!;
            try
            {
                using var store = SqliteEventStore.Open(dbPath);
                IngestSummary? summary = null;
                if (inputs.Length > 0)
                    summary = new IngestRunner(parse.GetValue(withoutParse) && !parse.GetValue(withParse) ? ParleyPipeline.WithoutSyntax : ParleyPipeline.Default, new ArticleReader()).Run(inputs, store);
                var events = store.QueryEvents(summary is null ? null : new EventQuery { ArticleIds = summary.ArticleIds });
                return EventEvaluation.Run(goldPath, EventJson.ToObjects(events), output,
                    parse.GetValue(minRecall), parse.GetValue(minPrecision), parse.GetValue(verbose));
            }
            finally
            {
                if (inputs.Length > 0)
                    SqliteEventStore.DeleteFiles(dbPath);
            }
        });
        return command;
    }
}
