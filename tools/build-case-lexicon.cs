// Builds src/Parley.Syntax/Data/case-lexicon.tsv: how English words are usually capitalised
// in running text, counted on public-domain news text. The tagger uses it to tell a sentence-initial
// name ("Trump accused...") from a sentence-initial common word ("Troops accused...").
// Usage: dotnet run tools/build-case-lexicon.cs -- NEWS_WH_STATEMENTS_DIR OUTPUT_TSV
using System.Text;

var root = args[0];
var output = args[1];
var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
var lower = new Dictionary<string, int>(StringComparer.Ordinal);
var files = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
foreach (var file in files)
{
    var text = File.ReadAllText(file);
    // Skip the YAML front matter.
    if (text.StartsWith("---"))
    {
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end > 0) text = text[(end + 4)..];
    }
    foreach (var paragraph in text.Split(["\n\n", "\n \n", "\n  \n", "\n   \n"], StringSplitOptions.RemoveEmptyEntries))
    {
        var initial = true;
        foreach (var raw in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            while (start < raw.Length && !char.IsLetter(raw[start])) start++;
            var end = start;
            while (end < raw.Length && (char.IsLetter(raw[end]) || raw[end] == '-' || raw[end] == '\'')) end++;
            var word = raw[start..end].TrimEnd('-', '\'');
            var wasInitial = initial || start > 0 && raw[..start].IndexOfAny(['"', '“', '(', '[', '*', '#']) >= 0;
            var last = raw.TrimEnd('"', '”', '’', '\'', ')', ']', '*');
            initial = last.Length > 0 && last[^1] is '.' or '!' or '?' or ':' or ';';
            if (word.Length < 2 || wasInitial || word.All(char.IsUpper)) continue;
            var key = word.ToLowerInvariant();
            if (char.IsUpper(word[0])) capitalised[key] = capitalised.GetValueOrDefault(key) + 1;
            else if (word.All(c => !char.IsUpper(c))) lower[key] = lower.GetValueOrDefault(key) + 1;
        }
    }
}
var builder = new StringBuilder();
builder.AppendLine("# How words are usually written inside a sentence (not at its start): C = capitalised at least 90% of the");
builder.AppendLine("# time (names: \"trump\", \"beijing\"), L = lower case at least 90% of the time, M = mixed. Words seen fewer");
builder.AppendLine("# than 3 times mid-sentence are left out. Used as a tagger feature, mainly for sentence-initial words.");
builder.AppendLine("# Format: TSV, columns word (lower case), class (C|L|M).");
builder.AppendLine($"# Source: counted by tools/build-case-lexicon.cs on {files.Count} White House statements and releases 2021-2025");
builder.AppendLine("# (../shared/news/wh-statements: US government works, public domain; collection CC0 1.0). Only these counts");
builder.AppendLine("# are kept, no text. Version: 1 (2026-11-24).");
builder.AppendLine("word\tclass");
var words = capitalised.Keys.Union(lower.Keys).OrderBy(w => w, StringComparer.Ordinal);
var counts = new Dictionary<char, int>();
foreach (var w in words)
{
    var c = capitalised.GetValueOrDefault(w);
    var l = lower.GetValueOrDefault(w);
    if (c + l < 3) continue;
    var ratio = (double)c / (c + l);
    var cls = ratio >= 0.9 ? 'C' : ratio <= 0.1 ? 'L' : 'M';
    counts[cls] = counts.GetValueOrDefault(cls) + 1;
    builder.Append(w).Append('\t').Append(cls).Append('\n');
}
File.WriteAllText(output, builder.ToString());
Console.WriteLine($"{files.Count} files; {string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
