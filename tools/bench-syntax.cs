#:project ../src/Parley.Syntax/Parley.Syntax.csproj
// Speed and memory of the shipped syntax models on one core.
// Usage: dotnet run -c Release tools/bench-syntax.cs -- UD_DIR [MODEL_DIR]
// Tags and parses UD EWT test (gold tokenisation) repeatedly and prints tokens/s for tagging alone
// and for tagging + parsing, the model load time and the memory the loaded models take.
using System.Diagnostics;
using Parley.Core.Model;
using Parley.Syntax;
using Parley.Syntax.Conllu;

var ud = args.Length > 0 ? args[0] : "../shared/ud";
var before = GC.GetTotalMemory(forceFullCollection: true);
var watch = Stopwatch.StartNew();
var models = args.Length > 1 ? SyntaxModels.Load(args[1]) : SyntaxModels.Default;
var load = watch.Elapsed;
var after = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine($"load {load.TotalMilliseconds:F0} ms, managed memory of loaded models {(after - before) / 1048576.0:F1} MB; {models.Describe()}");

var sentences = ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-test.conllu"))
    .Select(s =>
    {
        var text = string.Join(' ', s.Words.Select(w => w.Form));
        var spans = new TextSpan[s.Words.Count];
        var at = 0;
        for (var i = 0; i < spans.Length; i++) { spans[i] = new TextSpan(at, at + s.Words[i].Form.Length); at += s.Words[i].Form.Length + 1; }
        return (text, spans);
    }).ToList();
var tokens = sentences.Sum(s => s.spans.Length);

foreach (var parse in new[] { false, true })
{
    for (var warm = 0; warm < 2; warm++) foreach (var (text, spans) in sentences) models.Analyse(text, spans, parse);
    const int rounds = 5;
    watch.Restart();
    for (var r = 0; r < rounds; r++) foreach (var (text, spans) in sentences) models.Analyse(text, spans, parse);
    var rate = tokens * rounds / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"{(parse ? "tag + lemmatise + parse" : "tag + lemmatise")}: {rate:N0} tokens/s ({tokens:N0} tokens x {rounds})");
}
