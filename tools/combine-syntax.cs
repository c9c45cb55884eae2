#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Saves a model whose parser members are combined as asked, optionally with the graph-based parser of
// another trained model (trained on the same data and tags).
// Usage: dotnet run -c Release tools/combine-syntax.cs -- MODEL_DIR GRAPH_DIR|- OUT_DIR [forward|votes|margins|scores [GRAPH_WEIGHT]]
//   "forward" keeps the left-to-right parser alone. The tagger, lemmatiser and punctuation step come from MODEL_DIR.
using Parley.Syntax;
using Parley.Syntax.Parsing;

var models = SyntaxModels.Load(args[0]);
if (args[1] != "-") models = models.WithGraphParserOf(SyntaxModels.Load(args[1]));
var how = args.Length > 3 ? args[3] : "votes";
var weight = args.Length > 4 ? float.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1f;
models = models.WithCombination(how == "forward"
    ? new ParserCombination { Backward = false, Graph = false }
    : new ParserCombination { Scheme = Enum.Parse<CombinationScheme>(how, ignoreCase: true), GraphWeight = weight });
Directory.CreateDirectory(args[2]);
models.Save(args[2]);
Console.WriteLine($"members: {string.Join(", ", models.ParserMembers)}, {how} x{weight}; {models.Describe()}");
