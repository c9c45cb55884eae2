using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Language.Tests.Temporal;

/// <summary>
/// Builds documents by hand for the stage tests: paragraphs on blank lines, sentences on ". " before
/// a capital (not after initials such as "U.S."). Good enough for test text; the real splitter is
/// another stage's job.
/// </summary>
internal static partial class TestDocuments
{
    public static Document Build(string text, DateTimeOffset? published)
    {
        var paragraphs = Regex.Split(text.Replace("\r\n", "\n"), "\\n\\s*\\n").Where(p => p.Trim().Length > 0);
        var doc = Document.FromParagraphs(paragraphs, new ArticleMetadata { Published = published });
        for (var p = 0; p < doc.Paragraphs.Count; p++)
        {
            var span = doc.Paragraphs[p];
            var body = doc.Slice(span);
            var start = 0;
            foreach (Match m in SentenceBreak().Matches(body))
            {
                Add(doc, span.Start + start, span.Start + m.Index, p);
                start = m.Index + m.Length;
            }
            Add(doc, span.Start + start, span.End, p);
        }
        doc.MarkLayer(Layers.Sentences);
        return doc;
    }

    /// <summary>A one-sentence document.</summary>
    public static Document Sentence(string text, DateTimeOffset? published)
    {
        var doc = new Document(text, new ArticleMetadata { Published = published });
        doc.Paragraphs.Add(new TextSpan(0, text.Length));
        doc.Sentences.Add(new Sentence(doc, 0, new TextSpan(0, text.Length), 0));
        doc.MarkLayer(Layers.Sentences);
        return doc;
    }

    private static void Add(Document doc, int start, int end, int paragraph)
    {
        while (start < end && char.IsWhiteSpace(doc.Text[start])) start++;
        while (end > start && char.IsWhiteSpace(doc.Text[end - 1])) end--;
        if (end > start) doc.Sentences.Add(new Sentence(doc, doc.Sentences.Count, new TextSpan(start, end), paragraph));
    }

    [GeneratedRegex("(?<!\\b[A-Z]\\.[A-Z]?)(?<=[.!?][”\"]?)\\s+(?=[A-Z“\"])")]
    private static partial Regex SentenceBreak();
}
