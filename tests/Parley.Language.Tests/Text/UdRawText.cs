using Parley.Core.Model;

namespace Parley.Language.Tests.Text;

/// <summary>
/// Rebuilds raw text from a CoNLL-U file as the CoNLL 2018 shared task does: the "# text" lines of a
/// paragraph joined by a space, paragraphs by a blank line, one document per "# newdoc"; records the
/// gold sentence spans and gold word spans (multiword tokens split into their words when the words
/// spell the surface form, else kept as one unit) for scoring a segmenter.
/// </summary>
internal sealed class UdRawText
{
    public required Document Document { get; init; }
    public required List<TextSpan> GoldSentences { get; init; }
    public required List<TextSpan> GoldWords { get; init; }

    public static List<UdRawText> Read(string path)
    {
        var result = new List<UdRawText>();
        var paragraphs = new List<List<(string Text, List<string[]> Rows)>>();
        List<string[]>? rows = null;
        string? text = null;

        void Flush()
        {
            if (paragraphs.Count > 0) result.Add(Build(paragraphs));
            paragraphs = [];
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc")) { Flush(); continue; }
            if (line.StartsWith("# newpar")) { paragraphs.Add([]); continue; }
            if (line.StartsWith("# text = ")) { text = line[9..]; rows = []; continue; }
            if (line.StartsWith('#')) continue;
            if (line.Length == 0)
            {
                if (text is not null && rows is not null)
                {
                    if (paragraphs.Count == 0) paragraphs.Add([]);
                    paragraphs[^1].Add((text, rows));
                }
                text = null;
                rows = null;
                continue;
            }
            rows?.Add(line.Split('\t'));
        }
        Flush();
        return result;
    }

    private static UdRawText Build(List<List<(string Text, List<string[]> Rows)>> paragraphs)
    {
        var builder = new System.Text.StringBuilder();
        var sentences = new List<TextSpan>();
        var words = new List<TextSpan>();
        var paragraphSpans = new List<TextSpan>();
        foreach (var paragraph in paragraphs.Where(p => p.Count > 0))
        {
            if (builder.Length > 0) builder.Append("\n\n");
            var pStart = builder.Length;
            for (var s = 0; s < paragraph.Count; s++)
            {
                if (s > 0) builder.Append(' ');
                var (text, rows) = paragraph[s];
                var start = builder.Length;
                builder.Append(text);
                sentences.Add(new TextSpan(start, builder.Length));
                AddWords(text, start, rows, words);
            }
            paragraphSpans.Add(new TextSpan(pStart, builder.Length));
        }
        var document = new Document(builder.ToString());
        document.Paragraphs.AddRange(paragraphSpans);
        return new UdRawText { Document = document, GoldSentences = sentences, GoldWords = words };
    }

    private static void AddWords(string text, int offset, List<string[]> rows, List<TextSpan> words)
    {
        var cursor = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var id = rows[r][0];
            if (id.Contains('.')) continue;
            var form = rows[r][1];
            while (cursor < text.Length && char.IsWhiteSpace(text[cursor])) cursor++;
            var at = text.IndexOf(form, cursor, StringComparison.Ordinal);
            if (at < 0) at = cursor; // should not happen in well-formed files
            if (id.Contains('-'))
            {
                var parts = id.Split('-');
                var count = int.Parse(parts[1]) - int.Parse(parts[0]) + 1;
                var sub = rows.Skip(r + 1).Take(count).Select(x => x[1]).ToList();
                if (string.Concat(sub) == form)
                {
                    var p = at;
                    foreach (var w in sub) { words.Add(new TextSpan(offset + p, offset + p + w.Length)); p += w.Length; }
                }
                else
                {
                    words.Add(new TextSpan(offset + at, offset + at + form.Length));
                }
                r += count;
            }
            else
            {
                words.Add(new TextSpan(offset + at, offset + at + form.Length));
            }
            cursor = at + form.Length;
        }
    }

    public static double F1(IReadOnlyCollection<TextSpan> gold, IReadOnlyCollection<TextSpan> predicted)
    {
        var set = new HashSet<TextSpan>(gold);
        var correct = predicted.Count(set.Contains);
        var p = predicted.Count == 0 ? 0 : (double)correct / predicted.Count;
        var r = gold.Count == 0 ? 0 : (double)correct / gold.Count;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
