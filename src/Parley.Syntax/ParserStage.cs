using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Syntax.Parsing;
using Parley.Syntax.Tagging;

namespace Parley.Syntax;

/// <summary>
/// Parses each sentence with the arc-hybrid dependency parser of <see cref="SyntaxModels"/>, setting
/// every token's <see cref="Token.Head"/> (a DOCUMENT-level token index, -1 for the sentence root)
/// and <see cref="Token.Relation"/> (a UD relation such as "nsubj", "obl:agent").
/// </summary>
public sealed class ParserStage : IPipelineStage
{
    private readonly SyntaxModels _models;
    private readonly Dictionary<(string, string), int> _tagIds = new();
    private readonly Dictionary<string, int> _xposIds = new();

    /// <summary>Creates the stage over the shipped models (<see cref="SyntaxModels.Default"/>).</summary>
    public ParserStage() : this(SyntaxModels.Default) { }

    /// <summary>Creates the stage over <paramref name="models"/>.</summary>
    public ParserStage(SyntaxModels models)
    {
        _models = models;
        var tagger = models.Tagger;
        for (var t = 0; t < tagger.Upos.Length; t++)
        {
            _tagIds.TryAdd((tagger.Upos[t], tagger.Xpos[t]), t);
            _xposIds.TryAdd(tagger.Xpos[t], t);
        }
    }

    /// <inheritdoc />
    public string Name => "syntax";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tags];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Syntax];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var parser = _models.Parser;
        var scratch = new ParserScratch();
        var spans = new TextSpan[16];
        var words = new ulong[16];
        var tags = new int[16];
        var heads = new int[17];
        var labels = new int[17];
        foreach (var sentence in document.Sentences)
        {
            var n = sentence.TokenCount;
            if (n == 0) continue;
            if (spans.Length < n)
            {
                spans = new TextSpan[n * 2]; words = new ulong[n * 2]; tags = new int[n * 2];
                heads = new int[n * 2 + 1]; labels = new int[n * 2 + 1];
            }
            for (var i = 0; i < n; i++)
            {
                var token = document.Tokens[sentence.FirstToken + i];
                spans[i] = token.Span;
                tags[i] = TagId(token);
            }
            WordFeatures.LowerHashes(document.Text, spans.AsSpan(0, n), words, parser.Forward.ClusterWords);
            _models.Parse(document.Text, spans.AsSpan(0, n), words.AsSpan(0, n), tags.AsSpan(0, n), scratch, heads, labels);
            for (var i = 0; i < n; i++)
            {
                var token = document.Tokens[sentence.FirstToken + i];
                token.Head = heads[i + 1] == 0 ? -1 : sentence.FirstToken + heads[i + 1] - 1;
                token.Relation = parser.Labels[labels[i + 1]];
            }
        }
    }

    private int TagId(Token token)
    {
        if (token.Upos is { } u && token.Xpos is { } x && _tagIds.TryGetValue((u, x), out var id)) return id;
        if (token.Xpos is { } xp && _xposIds.TryGetValue(xp, out id)) return id;
        return 0;
    }
}
