using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Language.Text;

/// <summary>
/// Tokenises every sentence with <see cref="Tokenizer"/> (UD English conventions), adding document-level
/// tokens with character offsets and setting each sentence's <see cref="Sentence.FirstToken"/> and
/// <see cref="Sentence.TokenCount"/>.
/// </summary>
public sealed class TokenizerStage : IPipelineStage
{
    private readonly Tokenizer _tokenizer;

    /// <summary>Creates the stage with the default tokenizer.</summary>
    public TokenizerStage() : this(new Tokenizer()) { }

    /// <summary>Creates the stage with <paramref name="tokenizer"/>.</summary>
    public TokenizerStage(Tokenizer tokenizer) => _tokenizer = tokenizer;

    /// <inheritdoc />
    public string Name => "tokens";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Tokens];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var spans = new List<TextSpan>(64);
        foreach (var sentence in document.Sentences)
        {
            spans.Clear();
            _tokenizer.Tokenize(document.Text, sentence.Span.Start, sentence.Span.End, spans);
            sentence.FirstToken = document.Tokens.Count;
            sentence.TokenCount = spans.Count;
            foreach (var span in spans)
                document.Tokens.Add(new Token(document, document.Tokens.Count, sentence.Index, span));
        }
    }
}
