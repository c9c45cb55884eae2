#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Scores saved syntax models (or the shipped ones) without retraining.
// Usage: dotnet run -c Release tools/eval-syntax.cs -- UD_DIR [MODEL_DIR] [raw]
//   Prints UD EWT test and the held-out GUM news documents with gold tokenisation ("raw" adds
//   predicted tokenisation).
using Parley.Syntax;
using Parley.Syntax.Conllu;
using Parley.Syntax.Evaluation;
using Parley.Syntax.Training;

var ud = args.Length > 0 ? args[0] : "../shared/ud";
var models = args.Length > 1 && args[1] != "-" ? SyntaxModels.Load(args[1]) : SyntaxModels.Default;
var raw = args.Contains("raw");
var test = ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-test.conllu"));
var news = TrainingOptions.HeldOutNewsDocuments(ud).SelectMany(ConlluReader.ReadFile).ToList();
Console.WriteLine($"EWT test, gold tokenisation: {ConlluEvaluator.EvaluateGoldTokenisation(models, test)}");
Console.WriteLine($"GUM news held out, gold tokenisation: {ConlluEvaluator.EvaluateGoldTokenisation(models, news)}");
if (!raw) return;
Console.WriteLine($"EWT test, predicted tokenisation: {ConlluEvaluator.EvaluatePredictedTokenisation(models, test)}");
Console.WriteLine($"GUM news held out, predicted tokenisation: {ConlluEvaluator.EvaluatePredictedTokenisation(models, news)}");
