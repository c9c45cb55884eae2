// Builds src/Parley.Syntax/Data/word-clusters.tsv.gz: a hierarchical clustering of English words by
// the words seen next to them in unlabelled news text, so the tagger and parser can generalise from
// a word seen in the treebanks to words used alike ("Tuesday" ~ "Friday", "sanctions" ~ "tariffs").
// A cheap stand-in for Brown clusters (Koo et al. 2008): each word is a vector of its left and right
// neighbours (square roots of neighbour probabilities over the most frequent context words), and the
// vocabulary is split in two recursively (top principal direction, then spherical 2-means); a word's
// cluster is its path of left/right choices, so bit-string prefixes are coarser clusters.
// Only the word -> path table is written (derived counts, no text).
// Usage: dotnet run tools/build-word-clusters.cs -- NEWS_DIR OUTPUT_TSV_GZ [VOCABULARY [CONTEXTS [DEPTH]]]
//   NEWS_DIR is ../shared/news (wh-statements/**/*.md and wikinews-2019-2020/*.csv are read).
using System.IO.Compression;
using System.Numerics;
using System.Text;

var root = args[0];
var output = args[1];
var vocabularySize = args.Length > 2 ? int.Parse(args[2]) : 40000;
var contextSize = args.Length > 3 ? int.Parse(args[3]) : 500;
var maxDepth = args.Length > 4 ? int.Parse(args[4]) : 14;
const int MinCount = 3, MinLeaf = 8;

// 1. Tokenise every document into sentences of normalised tokens (lower case, digits as 0, typographic quotes folded).
var documents = new List<string>();
var whFiles = Directory.GetFiles(Path.Combine(root, "wh-statements"), "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
foreach (var file in whFiles)
{
    var text = File.ReadAllText(file);
    if (text.StartsWith("---"))
    {
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end > 0) text = text[(end + 4)..];
    }
    documents.Add(text);
}
var wikiFiles = Directory.GetFiles(Path.Combine(root, "wikinews-2019-2020"), "*.csv").OrderBy(f => f, StringComparer.Ordinal).ToList();
foreach (var file in wikiFiles)
{
    var rows = ReadCsv(File.ReadAllText(file));
    foreach (var fields in rows.Skip(1)) if (fields.Count >= 4) documents.Add(fields[3]);
}
var ids = new Dictionary<string, int>(StringComparer.Ordinal);
var names = new List<string>();
var counts = new List<long>();
var corpus = new List<int[]>();
long tokens = 0;
var current = new List<int>();
foreach (var document in documents)
{
    foreach (var line in document.Split('\n'))
    {
        current.Clear();
        foreach (var token in Tokenise(line))
        {
            if (!ids.TryGetValue(token, out var id)) { id = ids.Count; ids[token] = id; names.Add(token); counts.Add(0); }
            counts[id]++;
            current.Add(id);
        }
        if (current.Count > 0) { corpus.Add(current.ToArray()); tokens += current.Count; }
    }
}
Console.WriteLine($"{whFiles.Count} statements + {documents.Count - whFiles.Count} Wikinews articles: {tokens:N0} tokens, {ids.Count:N0} types");

// 2. Vocabulary (most frequent words) and context words (the most frequent of those).
var byFrequency = Enumerable.Range(0, names.Count).Where(i => counts[i] >= MinCount)
    .OrderByDescending(i => counts[i]).ThenBy(i => names[i], StringComparer.Ordinal).Take(vocabularySize).ToArray();
var row = new int[names.Count];
Array.Fill(row, -1);
for (var r = 0; r < byFrequency.Length; r++) row[byFrequency[r]] = r;
var contextOf = new int[names.Count];
Array.Fill(contextOf, contextSize); // "other"
for (var r = 0; r < Math.Min(contextSize, byFrequency.Length); r++) contextOf[byFrequency[r]] = r;
var boundary = contextSize + 1; // sentence start / end
var width = 2 * (contextSize + 2);
var n = byFrequency.Length;
var vectors = new float[n * width];
foreach (var sentence in corpus)
{
    for (var i = 0; i < sentence.Length; i++)
    {
        var r = row[sentence[i]];
        if (r < 0) continue;
        var left = i > 0 ? contextOf[sentence[i - 1]] : boundary;
        var right = i + 1 < sentence.Length ? contextOf[sentence[i + 1]] : boundary;
        vectors[r * width + left]++;
        vectors[r * width + contextSize + 2 + right]++;
    }
}
// Hellinger: square roots of p(context | word), so each vector has unit length.
for (var r = 0; r < n; r++)
{
    var v = vectors.AsSpan(r * width, width);
    float total = 0;
    foreach (var x in v) total += x;
    for (var k = 0; k < width; k++) v[k] = MathF.Sqrt(v[k] / total);
}
var weight = new float[n];
for (var r = 0; r < n; r++) weight[r] = MathF.Log(1 + counts[byFrequency[r]]);
Console.WriteLine($"vocabulary {n:N0} words, {width} context dimensions");

// 3. Recursive bisection.
var paths = new string[n];
var leaves = 0;
Split(Enumerable.Range(0, n).ToArray(), "");
Console.WriteLine($"{leaves:N0} leaf clusters");

// 4. Write word -> path, most frequent first.
using (var file = File.Create(output))
using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
{
    writer.NewLine = "\n";
    writer.WriteLine("# Word clusters: a hierarchical clustering of English words by their left and right neighbours in");
    writer.WriteLine("# running news text. Each word's cluster is a bit string (its path down a binary tree); shared prefixes");
    writer.WriteLine("# mean similar use. Used as tagger and parser features (prefixes of 4, 6, 10 bits and the full string).");
    writer.WriteLine("# Format: TSV, columns word (lower case, typographic quotes folded, every digit written 0), path (0/1 string).");
    writer.WriteLine($"# Source: computed by tools/build-word-clusters.cs (vocabulary {vocabularySize}, contexts {contextSize}, depth {maxDepth}) on");
    writer.WriteLine($"# {whFiles.Count} White House statements and releases 2021-2025 (../shared/news/wh-statements: US government works,");
    writer.WriteLine($"# public domain; collection CC0 1.0) and {documents.Count - whFiles.Count} English Wikinews articles 2019-2020");
    writer.WriteLine($"# (../shared/news/wikinews-2019-2020: CC BY 2.5, attribute Wikinews), {tokens:N0} tokens. Only these derived");
    writer.WriteLine("# cluster assignments are kept, no text. Licence of this table: CC BY 2.5 (attribution: Wikinews). Version: 1 (2026-11-24).");
    writer.WriteLine("word\tpath");
    for (var r = 0; r < n; r++) writer.WriteLine($"{names[byFrequency[r]]}\t{paths[r]}");
}
Console.WriteLine($"{output}: {new FileInfo(output).Length:N0} bytes");

void Split(int[] members, string path)
{
    if (path.Length >= maxDepth || members.Length < 2 * MinLeaf)
    {
        foreach (var m in members) paths[m] = path.Length == 0 ? "0" : path;
        leaves++;
        return;
    }
    var mean = new float[width];
    double totalWeight = 0;
    foreach (var m in members) { Add(mean, Row(m), weight[m]); totalWeight += weight[m]; }
    Scale(mean, (float)(1 / totalWeight));
    // Top principal direction of the weighted, centred vectors by power iteration (deterministic start: mean of the first half minus the second).
    var direction = new float[width];
    for (var i = 0; i < members.Length; i++) Add(direction, Row(members[i]), i < members.Length / 2 ? 1 : -1);
    Normalise(direction);
    var next = new float[width];
    for (var iteration = 0; iteration < 8; iteration++)
    {
        Array.Clear(next);
        var meanDot = Dot(mean, direction);
        foreach (var m in members) Add(next, Row(m), weight[m] * (Dot(Row(m), direction) - meanDot));
        Normalise(next);
        (direction, next) = (next, direction);
    }
    var side = new bool[members.Length];
    var md = Dot(mean, direction);
    for (var i = 0; i < members.Length; i++) side[i] = Dot(Row(members[i]), direction) > md;
    // Refine with spherical 2-means.
    var c0 = new float[width];
    var c1 = new float[width];
    for (var iteration = 0; iteration < 6; iteration++)
    {
        Array.Clear(c0);
        Array.Clear(c1);
        for (var i = 0; i < members.Length; i++) Add(side[i] ? c1 : c0, Row(members[i]), weight[members[i]]);
        Normalise(c0);
        Normalise(c1);
        var changed = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var s = Dot(Row(members[i]), c1) > Dot(Row(members[i]), c0);
            if (s != side[i]) { side[i] = s; changed++; }
        }
        if (changed == 0) break;
    }
    var left = members.Where((_, i) => !side[i]).ToArray();
    var right = members.Where((_, i) => side[i]).ToArray();
    if (left.Length == 0 || right.Length == 0)
    {
        foreach (var m in members) paths[m] = path.Length == 0 ? "0" : path;
        leaves++;
        return;
    }
    Split(left, path + "0");
    Split(right, path + "1");
}

Span<float> Row(int r) => vectors.AsSpan(r * width, width);

static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
{
    var sum = Vector<float>.Zero;
    var k = 0;
    for (; k + Vector<float>.Count <= a.Length; k += Vector<float>.Count) sum += new Vector<float>(a[k..]) * new Vector<float>(b[k..]);
    var s = Vector.Sum(sum);
    for (; k < a.Length; k++) s += a[k] * b[k];
    return s;
}

static void Add(Span<float> target, ReadOnlySpan<float> x, float w)
{
    var k = 0;
    var wv = new Vector<float>(w);
    for (; k + Vector<float>.Count <= x.Length; k += Vector<float>.Count) (new Vector<float>(target[k..]) + wv * new Vector<float>(x[k..])).CopyTo(target[k..]);
    for (; k < x.Length; k++) target[k] += w * x[k];
}

static void Scale(Span<float> v, float w) { for (var k = 0; k < v.Length; k++) v[k] *= w; }

static void Normalise(Span<float> v)
{
    var norm = MathF.Sqrt(Dot(v, v));
    if (norm > 0) Scale(v, 1 / norm);
}

// Whitespace split, then leading/trailing punctuation and the clitics 's, n't, 're, 've, 'll, 'd, 'm peeled off (UD style).
static IEnumerable<string> Tokenise(string line)
{
    foreach (var raw in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
    {
        var w = NormaliseText(raw);
        var start = 0;
        var end = w.Length;
        var trailing = new List<string>();
        while (start < end && !char.IsLetterOrDigit(w[start])) yield return w[start++].ToString();
        while (end > start && !char.IsLetterOrDigit(w[end - 1])) trailing.Add(w[--end].ToString());
        if (end > start)
        {
            var word = w[start..end];
            string? clitic = null;
            foreach (var c in (string[])["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"])
            {
                if (word.Length > c.Length && word.EndsWith(c, StringComparison.Ordinal)) { clitic = c; word = word[..^c.Length]; break; }
            }
            yield return word;
            if (clitic is not null) yield return clitic;
        }
        for (var t = trailing.Count - 1; t >= 0; t--) yield return trailing[t];
    }
}

static string NormaliseText(string s)
{
    var b = new StringBuilder(s.Length);
    foreach (var raw in s)
    {
        var c = raw switch { '’' or '‘' or '`' or '´' => '\'', '“' or '”' or '„' => '"', '–' => '-', _ => raw };
        b.Append(char.IsDigit(c) ? '0' : char.ToLowerInvariant(c));
    }
    return b.ToString();
}

// Minimal RFC 4180 reader: quoted fields may hold commas, newlines and doubled quotes.
static List<List<string>> ReadCsv(string text)
{
    var rows = new List<List<string>>();
    var fields = new List<string>();
    var field = new StringBuilder();
    var quoted = false;
    for (var i = 0; i < text.Length; i++)
    {
        var c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = false;
            else field.Append(c);
        }
        else if (c == '"') quoted = true;
        else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
        else if (c == '\n') { fields.Add(field.ToString().TrimEnd('\r')); field.Clear(); rows.Add(fields); fields = []; }
        else field.Append(c);
    }
    if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add(fields); }
    return rows;
}
