#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Measures how pruning small weights trades model size for accuracy, on the held-out GUM news documents
// (where thresholds are chosen; EWT test is the final measuring stick, scored by tools/eval-syntax.cs).
// Usage: dotnet run tools/prune-syntax.cs -- UD_DIR MODEL_DIR OUT_DIR TAGGER_MIN PARSER_MIN [TAGGER_MIN PARSER_MIN ...]
using Parley.Syntax;
using Parley.Syntax.Evaluation;

var ud = args[0];
var models = SyntaxModels.Load(args[1]);
var gold = Parley.Syntax.Training.TrainingOptions.HeldOutNewsDocuments(ud).SelectMany(Parley.Syntax.Conllu.ConlluReader.ReadFile).ToList();
for (var i = 3; i + 1 < args.Length; i += 2)
{
    var t = float.Parse(args[i]);
    var p = float.Parse(args[i + 1]);
    var pruned = models.Pruned(t, p);
    var dir = Path.Combine(args[2], $"t{t}-p{p}");
    pruned.Save(dir);
    var sizes = string.Join(", ", Directory.GetFiles(dir).Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length:N0}"));
    Console.WriteLine($"tagger>={t} parser>={p}: {sizes}; {pruned.Describe()}");
    Console.WriteLine($"  GUM news held out, gold tok: {ConlluEvaluator.EvaluateGoldTokenisation(pruned, gold)}");
}
