#:project ../src/Parley.Syntax/Parley.Syntax.csproj
#:project ../src/Parley.Ingest/Parley.Ingest.csproj
#:property AssemblyName=Parley.Syntax.Tests
// Builds "silver" training trees for the parser from unlabelled news (tri-training, Li, Zhang and Chen
// 2014; Weiss et al. 2015): every sentence of the news articles is tagged and parsed by each member of
// MODEL_DIR's parser ensemble on its own (left-to-right and right-to-left transition parsers, and the
// graph parser when the model has one), and kept only when all members give it the same tree, heads
// and labels alike. Those trees are written as CoNLL-U for TrainingOptions.SilverFiles
// (tools/train-syntax.cs flag silver=FILE). The output holds news text: keep it outside the repository.
// With LEAVE_OUT = forward or backward, that member is not asked: the trees the other members agree on
// teach it what it does not already know (tri-training proper; needs a graph parser in the model).
// Usage: dotnet run -c Release tools/build-silver.cs -- NEWS_DIR MODEL_DIR OUT_CONLLU [MAX_WORDS [MIN_WORDS_PER_SENTENCE [MAX_WORDS_PER_SENTENCE [LEAVE_OUT]]]]
//   NEWS_DIR is ../shared/news (its Markdown statements and Wikinews CSV files, read by Parley.Ingest).
using System.Text;
using Parley.Core.Model;
using Parley.Ingest;
using Parley.Language.Text;
using Parley.Syntax;
using Parley.Syntax.Parsing;

var newsDir = args[0];
var models = SyntaxModels.Load(args[1]);
var output = args[2];
var maxWords = args.Length > 3 ? long.Parse(args[3]) : 200_000;
var minLength = args.Length > 4 ? int.Parse(args[4]) : 5;
var maxLength = args.Length > 5 ? int.Parse(args[5]) : 40;
var leaveOut = args.Length > 6 ? args[6] : "none";
if (models.Parser.Backward is null) throw new ArgumentException("the model needs a right-to-left parser as well: agreement needs two members");
ParserCombination Only(bool f, bool b, bool g) => new() { Forward = f, Backward = b, Graph = g, Scheme = CombinationScheme.Votes };
var members = new List<SyntaxModels>();
if (leaveOut != "forward") members.Add(models.WithCombination(Only(true, false, false)).WithoutPunctuation());
if (leaveOut != "backward") members.Add(models.WithCombination(Only(false, true, false)).WithoutPunctuation());
if (models.Parser.Graph is not null) members.Add(models.WithCombination(Only(false, false, true)).WithoutPunctuation());

var reader = new ArticleReader();
var files = reader.ListFiles([newsDir]).OrderBy(f => f, StringComparer.Ordinal).ToList();
var sentenceStage = new SentenceStage();
var tokenStage = new TokenizerStage();
var seen = new HashSet<string>(StringComparer.Ordinal);
long sentences = 0, kept = 0, keptWords = 0;
using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
foreach (var item in reader.ReadFiles(files))
{
    if (item.Document is not { } d) continue;
    sentenceStage.Process(d);
    tokenStage.Process(d);
    foreach (var sentence in d.Sentences)
    {
        var tokens = sentence.Tokens.ToList();
        if (tokens.Count < minLength || tokens.Count > maxLength) continue;
        var text = d.Text.Substring(sentence.Span.Start, sentence.Span.Length);
        // Statements repeat boilerplate ("###", contact lines): each sentence once; no lists, links or tables.
        if (!seen.Add(text) || text.Contains('\n') || text.Contains("http", StringComparison.Ordinal) || text.Contains('|') || text.Contains('#')) continue;
        sentences++;
        var spans = tokens.Select(t => t.Span).ToArray();
        var first = members[0].Analyse(d.Text, spans);
        if (!members.Skip(1).Select(m => m.Analyse(d.Text, spans)).All(a => a.Heads.SequenceEqual(first.Heads) && a.Relations.SequenceEqual(first.Relations))) continue;
        kept++;
        keptWords += spans.Length;
        writer.WriteLine($"# sent_id = silver-{kept}");
        for (var i = 0; i < spans.Length; i++)
        {
            var form = d.Text.Substring(spans[i].Start, spans[i].Length);
            writer.WriteLine($"{i + 1}\t{form}\t{first.Lemmas[i]}\t{first.Upos[i]}\t{first.Xpos[i]}\t_\t{first.Heads[i] + 1}\t{first.Relations[i]}\t_\t_");
        }
        writer.WriteLine();
        if (keptWords >= maxWords) break;
    }
    if (keptWords >= maxWords) break;
}
Console.WriteLine($"{files.Count} files; {sentences:N0} candidate sentences, {kept:N0} kept ({100.0 * kept / Math.Max(1, sentences):F1}%), {keptWords:N0} words -> {output}");
