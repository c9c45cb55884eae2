using System.Globalization;

namespace Parley.Syntax.Conllu;

/// <summary>Reads CoNLL-U files (Universal Dependencies format) into <see cref="ConlluSentence"/>s.</summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A malformed line (code PARLEY-S001).</exception>
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">A malformed line (code PARLEY-S001).</exception>
    public static List<ConlluSentence> Read(TextReader reader, string source = "input")
    {
        var sentences = new List<ConlluSentence>();
        var words = new List<ConlluWord>();
        var multiwords = new List<ConlluMultiword>();
        string? text = null, id = null, newDoc = null;
        var newPar = false;
        var lineNumber = 0;
        while (true)
        {
            var line = reader.ReadLine();
            lineNumber++;
            if (line is null || line.Length == 0)
            {
                if (words.Count > 0)
                {
                    sentences.Add(new ConlluSentence
                    {
                        Text = text ?? string.Join(' ', words.Select(w => w.Form)),
                        Id = id ?? "",
                        NewDocument = newDoc,
                        NewParagraph = newPar || newDoc is not null,
                        Words = words.ToArray(),
                        Multiwords = multiwords.ToArray(),
                    });
                }
                words.Clear();
                multiwords.Clear();
                text = id = newDoc = null;
                newPar = false;
                if (line is null) break;
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal)) text = line[9..];
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line[12..];
                else if (line.StartsWith("# newdoc", StringComparison.Ordinal)) newDoc = line.Contains('=') ? line[(line.IndexOf('=') + 1)..].Trim() : "";
                else if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal)) newPar = true;
                continue;
            }
            var cells = line.Split('\t');
            if (cells.Length != 10) throw new InvalidDataException($"PARLEY-S001: {source} line {lineNumber}: expected 10 tab-separated columns, found {cells.Length}");
            var wordId = cells[0];
            if (wordId.Contains('.')) continue; // empty node of the enhanced graph
            var dash = wordId.IndexOf('-');
            if (dash > 0)
            {
                multiwords.Add(new ConlluMultiword(int.Parse(wordId[..dash], CultureInfo.InvariantCulture), int.Parse(wordId[(dash + 1)..], CultureInfo.InvariantCulture), cells[1]));
                continue;
            }
            var head = cells[6] == "_" ? 0 : int.Parse(cells[6], CultureInfo.InvariantCulture);
            words.Add(new ConlluWord(cells[1], cells[2], cells[3], cells[4], head, cells[7]));
        }
        return sentences;
    }
}
