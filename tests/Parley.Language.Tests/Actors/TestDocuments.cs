using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Language.Tests.Actors;

/// <summary>
/// Builds documents for the actor and place tests without depending on the sentence splitter:
/// paragraphs are split on blank lines, sentences on a full stop followed by a capital, except after
/// initials ("U.S.") and a few titles.
/// </summary>
internal static partial class TestDocuments
{
    [GeneratedRegex(@"(?<![A-Z]\.[A-Z]\.)(?<!\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St|Lt|Col|Adm|Gov|Pres)\.)(?<=[.!?][""”’]?)\s+(?=[A-Z“""])")]
    private static partial Regex SentenceBreak();

    public static Document Make(string text, string? published = null)
    {
        var metadata = new ArticleMetadata();
        if (published is not null)
            metadata.Published = DateTimeOffset.Parse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var document = Document.FromParagraphs(text.Replace("\r\n", "\n").Split("\n\n"), metadata);
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var span = document.Paragraphs[p];
            var start = span.Start;
            foreach (Match m in SentenceBreak().Matches(document.Text.Substring(span.Start, span.Length)))
            {
                var end = span.Start + m.Index;
                document.Sentences.Add(new Sentence(document, document.Sentences.Count, new TextSpan(start, end), p));
                start = span.Start + m.Index + m.Length;
            }
            document.Sentences.Add(new Sentence(document, document.Sentences.Count, new TextSpan(start, span.End), p));
        }
        document.MarkLayer(Layers.Sentences);
        return document;
    }
}
