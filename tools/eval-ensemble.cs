#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Accuracy and speed of each way of combining the parser members of one saved model.
// Usage: DOTNET_gcServer=0 dotnet run -c Release tools/eval-ensemble.cs -- UD_DIR MODEL_DIR[+GRAPH_MODEL_DIR] [ROUNDS [CONFIG...]]
//   Scores UD_DIR/en_ewt-ud-test.conllu with gold tokenisation (on a slice folder such as /tmp/udx that
//   file is the development slice, not EWT test) under every combination (or only the CONFIG names
//   given), and times tag + parse against tagging alone over ROUNDS passes (default 5): tokens per
//   CPU-second of the parse alone (this thread's CPU time, so the figure holds on a shared machine).
//   Needs a model trained with "graph" (and without "forward-only" for the backward configurations);
//   MODEL_DIR+GRAPH_MODEL_DIR takes the graph parser from the second folder, the rest from the first.
using System.Diagnostics;
using Parley.Syntax;
using Parley.Syntax.Conllu;
using Parley.Syntax.Evaluation;
using Parley.Syntax.Parsing;
using Parley.Syntax.Training;

var ud = args[0];
var dirs = args[1].Split('+');
var models = SyntaxModels.Load(dirs[0]);
if (dirs.Length > 1) models = models.WithGraphParserOf(SyntaxModels.Load(dirs[1]));
var rounds = args.Length > 2 ? int.Parse(args[2]) : 5;
var only = args.Skip(3).ToHashSet();
Console.WriteLine($"members: {string.Join(", ", models.ParserMembers)}; {models.Describe()}");
var gold = ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-test.conllu")).ToList();
var sentences = gold.Select(SyntaxTrainer.JoinWords).Select(j => (text: j.Text, spans: j.Spans)).ToList();
var tokens = sentences.Sum(s => s.spans.Length);

// CPU time of this thread only (Linux): background JIT and GC threads are left out.
[System.Runtime.InteropServices.DllImport("libc")]
static extern int clock_gettime(int clock, out TimeSpec time);
static double ThreadCpuSeconds() { clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var t); return t.Seconds + t.Nanoseconds * 1e-9; }

double CpuPerToken(SyntaxModels m, bool parse)
{
    for (var warm = 0; warm < 2; warm++) foreach (var (text, spans) in sentences) m.Analyse(text, spans, parse);
    var cpu = ThreadCpuSeconds();
    for (var r = 0; r < rounds; r++) foreach (var (text, spans) in sentences) m.Analyse(text, spans, parse);
    return (ThreadCpuSeconds() - cpu) / (tokens * (double)rounds);
}

var none = new ParserCombination { Backward = false, Graph = false };
var configs = new List<(string Name, ParserCombination Combination)>
{
    ("forward", none),
    ("forward+backward", none with { Backward = true }),
    ("graph", new ParserCombination { Forward = false, Backward = false }),
    ("graph/graph-labels", new ParserCombination { Forward = false, Backward = false, GraphLabels = true }),
};
foreach (var backward in new[] { false, true })
{
    var name = backward ? "forward+backward+graph" : "forward+graph";
    var b = new ParserCombination { Backward = backward };
    if (backward) configs.Add(($"{name} votes", b with { Scheme = CombinationScheme.Votes }));
    if (backward) configs.Add(($"{name} votes, heaviest member's label", b with { Scheme = CombinationScheme.Votes, LabelVotes = false }));
    foreach (var w in new[] { 0.5f, 1, 2 }) configs.Add(($"{name} margins x{w}", b with { Scheme = CombinationScheme.Margins, GraphWeight = w }));
    foreach (var w in new[] { 0.1f, 0.25f, 0.5f, 1, 2, 4 }) configs.Add(($"{name} scores x{w}", b with { Scheme = CombinationScheme.Scores, GraphWeight = w }));
    configs.Add(($"{name} scores x1 graph-labels", b with { Scheme = CombinationScheme.Scores, GraphWeight = 1, GraphLabels = true }));
}
var tagOnly = CpuPerToken(models, parse: false);
Console.WriteLine($"tag + lemmatise: {1 / tagOnly:N0} tokens per CPU-second ({tokens:N0} tokens x {rounds})");
Console.WriteLine("| Configuration | UAS | LAS | parse tokens per CPU-second |");
Console.WriteLine("|---|---|---|---|");
foreach (var (name, combination) in configs)
{
    if (only.Count > 0 && !only.Contains(name)) continue;
    if (combination.Backward && !models.ParserMembers.Contains("backward") && name.Contains("backward")) continue;
    var m = models.WithCombination(combination);
    var scores = ConlluEvaluator.EvaluateGoldTokenisation(m, gold);
    // Tagging is timed again beside each configuration, so that drifts of the machine cancel out.
    var speed = 1 / (CpuPerToken(m, parse: true) - CpuPerToken(m, parse: false));
    Console.WriteLine($"| {name} | {scores.Uas:F4} | {scores.Las:F4} | {speed:N0} |");
}

/// <summary>A POSIX timespec.</summary>
internal struct TimeSpec
{
    public long Seconds;
    public long Nanoseconds;
}
