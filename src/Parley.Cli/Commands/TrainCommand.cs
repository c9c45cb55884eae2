using System.CommandLine;
using Parley.Syntax;
using Parley.Syntax.Training;

namespace Parley.Cli.Commands;

/// <summary><c>parley train UD_DIR OUT_DIR</c>: rebuilds the tagger and parser models from CoNLL-U treebanks, deterministically for a seed.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var ud = new Argument<string>("UD_DIR") { Description = "Folder holding gum/*.conllu and en_ewt-ud-dev.conllu (the team's ../shared/ud)." };
        var output = new Argument<string>("OUT_DIR") { Description = "Where to write tagger.bin.gz and parser.bin.gz (src/Parley.Syntax/Data/Models to replace the shipped ones)." };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives byte-identical models.", DefaultValueFactory = _ => 1 };
        var parserEpochs = new Option<int>("--parser-epochs") { DefaultValueFactory = _ => 15 };
        var taggerEpochs = new Option<int>("--tagger-epochs") { DefaultValueFactory = _ => 10 };
        var command = new Command("train", "Train the part-of-speech tagger, lemmatiser and dependency parser.") { ud, output, seed, parserEpochs, taggerEpochs };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var udDir = parse.GetValue(ud)!;
            if (!Directory.Exists(udDir))
            {
                parse.InvocationConfiguration.Error.WriteLine($"PARLEY-C008: treebank folder '{udDir}' does not exist.");
                return 2;
            }
            var options = TrainingOptions.FromSharedUd(udDir);
            var models = SyntaxTrainer.Train(new TrainingOptions
            {
                TrainFiles = options.TrainFiles, Seed = parse.GetValue(seed), ParserEpochs = parse.GetValue(parserEpochs),
                TaggerEpochs = parse.GetValue(taggerEpochs), JackknifeFolds = options.JackknifeFolds, Prune = options.Prune,
                MinFeatureCount = options.MinFeatureCount, Log = log.WriteLine,
            });
            models.Save(parse.GetValue(output)!);
            log.WriteLine($"models written to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }
}
