#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Saves a model whose parser members are combined as asked, optionally with the graph-based parser of
// another trained model (trained on the same data and tags).
// Usage: dotnet run -c Release tools/combine-syntax.cs -- MODEL_DIR GRAPH_DIR|- OUT_DIR [forward|votes|margins|scores [GRAPH_WEIGHT]] [extra=DIR|extra-forward=DIR ...]
//   "forward" keeps the left-to-right parser alone. The tagger, lemmatiser and punctuation step come from MODEL_DIR.
//   "extra=DIR" adds DIR's transition parsers (forward and backward; trained on the same tags, reading the same
//   word values, e.g. with the trainer's "no-parser-clusters") as further members of the margin-weighted combination;
//   "extra-forward=DIR" adds only DIR's left-to-right parser.
using Parley.Syntax;
using Parley.Syntax.Parsing;

var models = SyntaxModels.Load(args[0]);
if (args[1] != "-") models = models.WithGraphParserOf(SyntaxModels.Load(args[1]));
foreach (var extra in args.Select(a => a.Split('=', 2)).Where(a => a is ["extra" or "extra-forward", _]))
    models = models.WithTransitionParsersOf(SyntaxModels.Load(extra[1]), backward: extra[0] == "extra");
var positional = args.Where(a => !a.Contains('=')).ToArray();
var how = positional.Length > 3 ? positional[3] : "votes";
var weight = positional.Length > 4 ? float.Parse(positional[4], System.Globalization.CultureInfo.InvariantCulture) : 1f;
models = models.WithCombination(how == "forward"
    ? new ParserCombination { Backward = false, Graph = false }
    : new ParserCombination { Scheme = Enum.Parse<CombinationScheme>(how, ignoreCase: true), GraphWeight = weight });
Directory.CreateDirectory(args[2]);
models.Save(args[2]);
Console.WriteLine($"members: {string.Join(", ", models.ParserMembers)}, {how} x{weight}; {models.Describe()}");
