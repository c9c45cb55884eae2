using Parley.Coding.Patterns;
using Parley.Core.Model;

namespace Parley.Coding.Clauses;

/// <summary>A mention mapped onto the sentence's token positions [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <typeparam name="T">Mention type.</typeparam>
/// <param name="Mention">The mention.</param>
/// <param name="Start">First token.</param>
/// <param name="End">One past the last token.</param>
internal sealed record Placed<T>(T Mention, int Start, int End);

/// <summary>
/// One sentence seen by the coder: its tokens prepared for matching, and the actor, time and place
/// mentions of the document mapped onto token positions.
/// </summary>
internal sealed class SentenceContext
{
    public SentenceContext(Document document, Sentence sentence, TokenLine line)
    {
        Document = document;
        Sentence = sentence;
        Line = line;
        ActorAt = new Placed<ActorMention>?[line.Count];
        foreach (var actor in document.Actors)
        {
            if (!sentence.Span.Overlaps(actor.Span)) continue;
            var placed = Place(actor, actor.Span);
            if (placed is null) continue;
            Actors.Add(placed);
            for (var i = placed.Start; i < placed.End; i++) ActorAt[i] ??= placed;
        }
        foreach (var time in document.Times)
        {
            if (!sentence.Span.Overlaps(time.Span)) continue;
            var placed = Place(time, time.Span);
            if (placed is not null) Times.Add(placed);
        }
        foreach (var place in document.Places)
        {
            if (!sentence.Span.Overlaps(place.Span)) continue;
            var placed = Place(place, place.Span);
            if (placed is not null) Places.Add(placed);
        }
    }

    public Document Document { get; }
    public Sentence Sentence { get; }
    public TokenLine Line { get; }
    public Placed<ActorMention>?[] ActorAt { get; }
    public List<Placed<ActorMention>> Actors { get; } = [];
    public List<Placed<TimeMention>> Times { get; } = [];
    public List<Placed<PlaceMention>> Places { get; } = [];

    /// <summary>Character span of tokens [start, end).</summary>
    public TextSpan SpanOf(int start, int end) => new(Line.Tokens[start].Span.Start, Line.Tokens[end - 1].Span.End);

    private Placed<T>? Place<T>(T mention, TextSpan span)
    {
        int first = -1, last = -1;
        for (var i = 0; i < Line.Count; i++)
        {
            if (!Line.Tokens[i].Span.Overlaps(span)) continue;
            if (first < 0) first = i;
            last = i;
        }
        return first < 0 ? null : new Placed<T>(mention, first, last + 1);
    }
}
