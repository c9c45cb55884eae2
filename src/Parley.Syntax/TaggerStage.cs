using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Syntax;

/// <summary>
/// Sets each token's UPOS, Penn XPOS and lemma with the averaged-perceptron tagger and learned
/// lemmatiser of <see cref="SyntaxModels"/>, sentence by sentence.
/// </summary>
public sealed class TaggerStage : IPipelineStage
{
    private readonly SyntaxModels _models;

    /// <summary>Creates the stage over the shipped models (<see cref="SyntaxModels.Default"/>).</summary>
    public TaggerStage() : this(SyntaxModels.Default) { }

    /// <summary>Creates the stage over <paramref name="models"/>.</summary>
    public TaggerStage(SyntaxModels models) => _models = models;

    /// <inheritdoc />
    public string Name => "tags";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Tags];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var tagger = _models.Tagger;
        var lemmatizer = _models.Lemmatizer;
        var spans = new TextSpan[16];
        var tags = new int[16];
        foreach (var sentence in document.Sentences)
        {
            var n = sentence.TokenCount;
            if (n == 0) continue;
            if (spans.Length < n) { spans = new TextSpan[n * 2]; tags = new int[n * 2]; }
            for (var i = 0; i < n; i++) spans[i] = document.Tokens[sentence.FirstToken + i].Span;
            tagger.Tag(document.Text, spans.AsSpan(0, n), tags.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                var token = document.Tokens[sentence.FirstToken + i];
                token.Upos = tagger.Upos[tags[i]];
                token.Xpos = tagger.Xpos[tags[i]];
                token.Lemma = lemmatizer.Lemmatize(token.Text, token.Upos, token.Xpos);
            }
        }
    }
}
