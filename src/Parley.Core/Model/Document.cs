using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Model;

/// <summary>
/// The central document model: one article's body text, owned here, and every layer the pipeline
/// adds on top of it as spans into that text (paragraphs, sentences, tokens, mentions, events).
/// </summary>
public sealed class Document
{
    private readonly HashSet<string> _layers = [Layers.Text];

    /// <summary>Creates a document over <paramref name="text"/>, the article body with paragraphs separated by blank lines.</summary>
    public Document(string text, ArticleMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Metadata = metadata ?? new ArticleMetadata();
        ContentHash = ComputeHash(text);
    }

    /// <summary>
    /// Builds a document from paragraphs: joins them with a blank line and records each paragraph's span.
    /// Paragraphs are trimmed; empty ones are dropped.
    /// </summary>
    public static Document FromParagraphs(IEnumerable<string> paragraphs, ArticleMetadata? metadata = null)
    {
        var builder = new StringBuilder();
        var spans = new List<TextSpan>();
        foreach (var raw in paragraphs)
        {
            var p = raw.Trim();
            if (p.Length == 0) continue;
            if (builder.Length > 0) builder.Append("\n\n");
            spans.Add(new TextSpan(builder.Length, builder.Length + p.Length));
            builder.Append(p);
        }
        var document = new Document(builder.ToString(), metadata);
        document.Paragraphs.AddRange(spans);
        return document;
    }

    /// <summary>The article body. Every span of every layer points into this string.</summary>
    public string Text { get; }

    /// <summary>Title, publication time, source and other metadata.</summary>
    public ArticleMetadata Metadata { get; }

    /// <summary>SHA-256 (hex, first 16 bytes) of the whitespace-normalised body: the article's identity in the store.</summary>
    public string ContentHash { get; }

    /// <summary>Paragraph spans, in order.</summary>
    public List<TextSpan> Paragraphs { get; } = [];

    /// <summary>Sentences, in order.</summary>
    public List<Sentence> Sentences { get; } = [];

    /// <summary>Tokens, in order, over all sentences.</summary>
    public List<Token> Tokens { get; } = [];

    /// <summary>Actor mentions, in text order.</summary>
    public List<ActorMention> Actors { get; } = [];

    /// <summary>Place mentions, in text order.</summary>
    public List<PlaceMention> Places { get; } = [];

    /// <summary>Temporal expressions, in text order.</summary>
    public List<TimeMention> Times { get; } = [];

    /// <summary>Quotes and reported speech.</summary>
    public List<Quote> Quotes { get; } = [];

    /// <summary>Attributions of who reported what.</summary>
    public List<SourceAttribution> Sources { get; } = [];

    /// <summary>Coded events.</summary>
    public List<CodedEvent> Events { get; } = [];

    /// <summary>Notes left by stages (unresolved names, skipped sentences...).</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Layers present so far (see <see cref="Layers"/>).</summary>
    public IReadOnlySet<string> PresentLayers => _layers;

    /// <summary>Records that a layer is now present; called by the pipeline after each stage.</summary>
    public void MarkLayer(string layer) => _layers.Add(layer);

    /// <summary>The text of a span.</summary>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The sentence containing <paramref name="offset"/>, or null.</summary>
    public Sentence? SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var s = Sentences[mid].Span;
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return Sentences[mid];
        }
        return null;
    }

    /// <summary>
    /// Checks that every span of every layer lies inside the text, and that ordered layers are in
    /// order; returns one message per violation (empty when the document is consistent).
    /// </summary>
    public IReadOnlyList<string> CheckSpans()
    {
        var problems = new List<string>();
        void Inside(string what, TextSpan s)
        {
            if (s.Start < 0 || s.End > Text.Length || s.Start > s.End)
                problems.Add($"{what} {s} lies outside the text (length {Text.Length})");
        }
        void Ordered(string what, IReadOnlyList<TextSpan> spans)
        {
            for (var i = 0; i < spans.Count; i++)
            {
                Inside($"{what} {i}", spans[i]);
                if (i > 0 && spans[i].Start < spans[i - 1].End)
                    problems.Add($"{what} {i} {spans[i]} overlaps or precedes {what} {i - 1} {spans[i - 1]}");
            }
        }
        Ordered("paragraph", Paragraphs);
        Ordered("sentence", Sentences.Select(s => s.Span).ToList());
        Ordered("token", Tokens.Select(t => t.Span).ToList());
        foreach (var a in Actors) Inside("actor", a.Span);
        foreach (var p in Places) Inside("place", p.Span);
        foreach (var t in Times) Inside("time", t.Span);
        foreach (var q in Quotes) Inside("quote", q.Span);
        foreach (var s in Sources) Inside("source", s.Span);
        foreach (var e in Events)
        {
            foreach (var ev in e.Evidence)
            {
                Inside("event sentence", ev.Sentence);
                Inside("event trigger", ev.Trigger);
                if (!ev.Sentence.Contains(ev.Trigger))
                    problems.Add($"event trigger {ev.Trigger} is outside its sentence {ev.Sentence}");
            }
        }
        return problems;
    }

    /// <summary>Hash of the text with runs of white space folded, so that re-wrapped copies hash alike.</summary>
    public static string ComputeHash(string text)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(normalised));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
