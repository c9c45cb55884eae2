namespace Parley.Core.Model;

/// <summary>A sentence: a span of the text and the range of its tokens.</summary>
public sealed class Sentence
{
    private readonly Document _document;

    /// <summary>Creates a sentence over <paramref name="span"/>.</summary>
    public Sentence(Document document, int index, TextSpan span, int paragraphIndex)
    {
        _document = document;
        Index = index;
        Span = span;
        ParagraphIndex = paragraphIndex;
    }

    /// <summary>Position in <see cref="Document.Sentences"/>.</summary>
    public int Index { get; }

    /// <summary>Character offsets into the document text.</summary>
    public TextSpan Span { get; }

    /// <summary>Index of the paragraph (in <see cref="Document.Paragraphs"/>) holding this sentence.</summary>
    public int ParagraphIndex { get; }

    /// <summary>Index of the first token of this sentence in <see cref="Document.Tokens"/>; set by the tokenizer.</summary>
    public int FirstToken { get; set; }

    /// <summary>Number of tokens; set by the tokenizer.</summary>
    public int TokenCount { get; set; }

    /// <summary>The sentence text.</summary>
    public string Text => _document.Text.Substring(Span.Start, Span.Length);

    /// <summary>The tokens of this sentence, as views into the document's token list.</summary>
    public IEnumerable<Token> Tokens
    {
        get
        {
            for (var i = FirstToken; i < FirstToken + TokenCount; i++)
            {
                yield return _document.Tokens[i];
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
