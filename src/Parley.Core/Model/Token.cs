namespace Parley.Core.Model;

/// <summary>
/// One token: a span of the document text, plus the annotations that later stages add
/// (tags, lemma, syntactic head and relation). Never a copy of the text: <see cref="Text"/> reads it.
/// </summary>
public sealed class Token
{
    private readonly Document _document;

    /// <summary>Creates a token over <paramref name="span"/> of <paramref name="document"/>.</summary>
    public Token(Document document, int index, int sentenceIndex, TextSpan span)
    {
        _document = document;
        Index = index;
        SentenceIndex = sentenceIndex;
        Span = span;
    }

    /// <summary>Position in <see cref="Document.Tokens"/>.</summary>
    public int Index { get; }

    /// <summary>Index of the sentence this token belongs to.</summary>
    public int SentenceIndex { get; }

    /// <summary>Character offsets into the document text.</summary>
    public TextSpan Span { get; }

    /// <summary>The token's surface text.</summary>
    public string Text => _document.Text.Substring(Span.Start, Span.Length);

    /// <summary>Universal part-of-speech tag (UPOS), once a tagger ran.</summary>
    public string? Upos { get; set; }

    /// <summary>Penn Treebank tag (XPOS), once a tagger ran.</summary>
    public string? Xpos { get; set; }

    /// <summary>Dictionary form, once a lemmatiser ran.</summary>
    public string? Lemma { get; set; }

    /// <summary>Document-level index of the syntactic head; -1 for the root; null before parsing.</summary>
    public int? Head { get; set; }

    /// <summary>Universal Dependencies relation to the head ("nsubj", "obj", ...), once parsed.</summary>
    public string? Relation { get; set; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
