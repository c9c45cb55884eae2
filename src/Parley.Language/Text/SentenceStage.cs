using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Language.Text;

/// <summary>
/// Splits the text into paragraphs (when no earlier stage did) and each paragraph into sentences.
/// A sentence ends at '.', '!', '?' or an ellipsis (plus any closing quotes or brackets) followed by
/// white space and a word that does not start in lower case, except after an abbreviation: one that
/// precedes names ("Gen.", "Oct.", an initial "J.") never ends a sentence, one that may close it
/// ("U.S.", "Inc.") ends it only before a typical sentence starter ("The", "He"). Sentences never
/// cross paragraphs and their spans are trimmed of surrounding white space.
/// </summary>
public sealed class SentenceStage : IPipelineStage
{
    private readonly TextLexicon _lexicon;

    /// <summary>Creates the stage over the embedded word lists.</summary>
    public SentenceStage() : this(TextLexicon.Default) { }

    /// <summary>Creates the stage over <paramref name="lexicon"/>.</summary>
    public SentenceStage(TextLexicon lexicon) => _lexicon = lexicon;

    /// <inheritdoc />
    public string Name => "sentences";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Text];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Sentences];

    /// <inheritdoc />
    public void Process(Document document)
    {
        if (document.Paragraphs.Count == 0) document.Paragraphs.AddRange(FindParagraphs(document.Text));
        var spans = new List<TextSpan>();
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            spans.Clear();
            Split(document.Text, document.Paragraphs[p], spans);
            foreach (var span in spans) document.Sentences.Add(new Sentence(document, document.Sentences.Count, span, p));
        }
    }

    /// <summary>Paragraph spans of <paramref name="text"/>: blocks separated by blank lines, trimmed.</summary>
    public static List<TextSpan> FindParagraphs(string text)
    {
        var result = new List<TextSpan>();
        var start = 0;
        var i = 0;
        while (i <= text.Length)
        {
            var atBreak = i == text.Length || (text[i] == '\n' && IsBlankLineAfter(text, i));
            if (atBreak)
            {
                var trimmed = Trim(text, start, i);
                if (trimmed.Length > 0) result.Add(trimmed);
                if (i == text.Length) break;
                // Skip the whole run of white space holding the blank line.
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                start = i;
                continue;
            }
            i++;
        }
        return result;
    }

    private static bool IsBlankLineAfter(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length; j++)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return true;
    }

    /// <summary>Splits the paragraph <paramref name="paragraph"/> of <paramref name="text"/> into trimmed sentence spans.</summary>
    public void Split(string text, TextSpan paragraph, List<TextSpan> sentences)
    {
        var start = paragraph.Start;
        var end = paragraph.End;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (!IsTerminator(c)) { i++; continue; }
            var runStart = i;
            while (i < end && IsTerminator(text[i])) i++;
            var runEnd = i;
            while (i < end && IsCloser(text[i])) i++;
            var boundary = i;
            if (boundary >= end) break;
            if (!char.IsWhiteSpace(text[boundary])) continue;
            var next = boundary;
            while (next < end && char.IsWhiteSpace(text[next])) next++;
            if (next >= end) break;
            if (!EndsHere(text, start, runStart, runEnd, next, end)) continue;
            var span = Trim(text, start, boundary);
            if (span.Length > 0) sentences.Add(span);
            start = next;
            i = next;
        }
        var last = Trim(text, start, end);
        if (last.Length > 0) sentences.Add(last);
    }

    private bool EndsHere(string text, int sentenceStart, int runStart, int runEnd, int next, int end)
    {
        // The first letter or digit of the next word, after any opening quotes or brackets.
        var m = next;
        while (m < end && IsOpener(text[m])) m++;
        if (m >= end) return true;
        var first = text[m];
        if (char.IsLower(first)) return false;
        if (runEnd - runStart != 1 || text[runStart] != '.') return true;

        // A single period: is the word before it an abbreviation?
        var wordStart = runStart;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
        while (wordStart < runStart && IsOpener(text[wordStart])) wordStart++;
        var word = text.AsSpan(wordStart, runEnd - wordStart);
        var kind = _lexicon.Abbreviation(word);
        if (kind is null) return true;
        if (kind == AbbreviationKind.BeforeName) return false;
        var nextEnd = m;
        while (nextEnd < end && char.IsLetter(text[nextEnd])) nextEnd++;
        return _lexicon.IsSentenceStarter(text.AsSpan(m, nextEnd - m));
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '}' or '»';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '{' or '«';

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
