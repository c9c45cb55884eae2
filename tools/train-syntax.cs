#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Rebuilds the shipped syntax models and prints their scores.
// Usage: dotnet run -c Release tools/train-syntax.cs -- UD_DIR OUT_DIR [SEED [PARSER_EPOCHS [TAGGER_EPOCHS [JACKKNIFE_FOLDS [MIN_FEATURE_COUNT [FLAGS...]]]]]]]
//   FLAGS: "all", "no-clusters" (the session-1 feature set), "forward-only" (no right-to-left parser),
//          "ewt=K" (each UD EWT sentence visited K times per epoch: TrainingOptions.InDomainRepeats),
//          "tagger-ewt=K" (the tagger's own K: TrainingOptions.TaggerInDomainRepeats),
//          "tagger-clusters=none|few|all" (TrainingOptions.TaggerClusters; otherwise as the parser),
//          "label-sets" (parser label-set features without clusters: TrainingOptions.ParserLabelSets),
//          "no-parser-clusters" (parsers without the cluster templates but with cluster-coded words, to join
//          an ensemble with cluster parsers: TrainingOptions.ParserClusterTemplates = false),
//          "graph" (also a graph-based parser: TrainingOptions.GraphParser; see tools/eval-ensemble.cs),
//          "graph-epochs=K" (its own epochs: TrainingOptions.GraphEpochs),
//          "graph-distance=K" (no pair features on arcs longer than K words: TrainingOptions.GraphMaxPairDistance),
//          "no-punctuation" (no punctuation step: TrainingOptions.Punctuation = false),
//          "punctuation-epochs=K" (TrainingOptions.PunctuationEpochs),
//          "silver=FILE[,FILE...]" (automatically parsed trees the parser also learns from: TrainingOptions.SilverFiles; see tools/build-silver.cs),
//          "punctuation-for=DIR" (train only the punctuation step and save it with the models of DIR: SyntaxTrainer.AddPunctuation).
//   UD_DIR  the shared UD folder (../shared/ud), OUT_DIR where tagger.bin.gz and parser.bin.gz go.
//   Environment PARLEY_SYNTAX_TAG_CACHE=DIR keeps the tagger and jackknifed tags in DIR (TrainingOptions.TagCacheDirectory).
//   "all" also trains on the held-out GUM news fold (the shipped model): its GUM news figures are then not held out.
using System.Diagnostics;
using Parley.Syntax;
using Parley.Syntax.Evaluation;
using Parley.Syntax.Training;

var ud = args.Length > 0 ? args[0] : "../shared/ud";
var output = args.Length > 1 ? args[1] : "src/Parley.Syntax/Data/Models";
var seed = args.Length > 2 ? int.Parse(args[2]) : 1;
var parserEpochs = args.Length > 3 ? int.Parse(args[3]) : 15;
var taggerEpochs = args.Length > 4 ? int.Parse(args[4]) : 10;
var folds = args.Length > 5 ? int.Parse(args[5]) : 4;
var minCount = args.Length > 6 ? int.Parse(args[6]) : 2;
var flags = args.Skip(7).ToHashSet();
var all = flags.Contains("all");
// The value of a "name=value" flag, or null when it is absent.
string? Flag(string name) => flags.FirstOrDefault(f => f.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
var watch = Stopwatch.StartNew();
var options = new TrainingOptions
{
    TrainFiles = TrainingOptions.StandardTrainFiles(ud, includeHeldOutNews: all),
    Seed = seed,
    ParserEpochs = parserEpochs,
    TaggerEpochs = taggerEpochs,
    JackknifeFolds = folds,
    MinFeatureCount = minCount,
    Clusters = !flags.Contains("no-clusters"),
    Bidirectional = !flags.Contains("forward-only"),
    TaggerClusters = Flag("tagger-clusters") is { } tc ? Enum.Parse<Parley.Syntax.Tagging.TaggerClusters>(tc, ignoreCase: true) : null,
    ParserLabelSets = flags.Contains("label-sets") ? true : null,
    ParserClusterTemplates = flags.Contains("no-parser-clusters") ? false : null,
    GraphParser = flags.Contains("graph"),
    GraphMaxPairDistance = Flag("graph-distance") is { } gd ? int.Parse(gd) : null,
    GraphEpochs = Flag("graph-epochs") is { } ge ? int.Parse(ge) : null,
    TaggerInDomainRepeats = Flag("tagger-ewt") is { } tewt ? int.Parse(tewt) : null,
    Punctuation = !flags.Contains("no-punctuation"),
    PunctuationEpochs = Flag("punctuation-epochs") is { } pe ? int.Parse(pe) : 8,
    SilverFiles = Flag("silver") is { } sf ? sf.Split(',') : [],
    InDomainRepeats = Flag("ewt") is { } ewt ? int.Parse(ewt) : 1,
    TagCacheDirectory = Environment.GetEnvironmentVariable("PARLEY_SYNTAX_TAG_CACHE") is { Length: > 0 } cache ? Directory.CreateDirectory(cache).FullName : null,
    Log = line => Console.WriteLine($"[{watch.Elapsed:mm\\:ss}] {line}"),
};
var models = Flag("punctuation-for") is { } pf
    ? SyntaxTrainer.AddPunctuation(SyntaxModels.Load(pf), options)
    : SyntaxTrainer.Train(options);
Console.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F1} s; {models.Describe()}");
models.Save(output);
foreach (var f in Directory.GetFiles(output, "*.gz")) Console.WriteLine($"{f}: {new FileInfo(f).Length:N0} bytes");
var test = Path.Combine(ud, "en_ewt-ud-test.conllu");
Console.WriteLine($"EWT test, gold tokenisation: {ConlluEvaluator.EvaluateFile(models, test)}");
Console.WriteLine($"EWT test, predicted tokenisation: {ConlluEvaluator.EvaluateFile(models, test, predictedTokenisation: true)}");
var newsNote = all ? " (TRAINED ON: not a held-out figure)" : "";
var news = TrainingOptions.HeldOutNewsDocuments(ud).SelectMany(Parley.Syntax.Conllu.ConlluReader.ReadFile).ToList();
Console.WriteLine($"GUM news held out ({TrainingOptions.HeldOutNewsDocuments(ud).Count} docs){newsNote}, gold tokenisation: {ConlluEvaluator.EvaluateGoldTokenisation(models, news)}");
Console.WriteLine($"GUM news held out{newsNote}, predicted tokenisation: {ConlluEvaluator.EvaluatePredictedTokenisation(models, news)}");
