using Parley.Core.Model;

namespace Parley.Coding.Events;

/// <summary>One participant of an event: an actor code with the span it was read from.</summary>
internal sealed record Party(string Country, string Sector, string Name, TextSpan? Span)
{
    public static Party From(ActorMention m) => new(m.Country, m.Sector, m.Name, m.Span);

    public EventActor ToEventActor() => new() { Country = Country, Sector = Sector, Name = Name, Span = Span };

    /// <summary>True when both name the same actor for coding purposes (same country, and same sector or no sector).</summary>
    public bool SameActorAs(Party other) =>
        Country == other.Country && (Sector == other.Sector || Sector.Length == 0 || other.Sector.Length == 0);
}

/// <summary>Where an event's date came from, best first.</summary>
internal enum DateSource
{
    /// <summary>A time expression in the event's own clause.</summary>
    Explicit,
    /// <summary>Another event of the story: same place, same sentence, or continued with "also".</summary>
    Anchored,
    /// <summary>The publication date.</summary>
    Fallback,
    /// <summary>Not yet dated.</summary>
    None,
}

/// <summary>An event being built, before merging and before it becomes a <see cref="CodedEvent"/>.</summary>
internal sealed class DraftEvent
{
    public required string Code { get; set; }
    public EventStatus Status { get; set; }
    public List<Party> Source { get; set; } = [];
    public List<Party> Target { get; set; } = [];
    public required int SentenceIndex { get; init; }
    public required int ParagraphIndex { get; init; }
    public string? Date { get; set; }
    public TimeGranularity Precision { get; set; } = TimeGranularity.Day;
    public DateSource DateSource { get; set; } = DateSource.None;
    public bool RelativeDate { get; set; }
    public TimeMention? Time { get; set; }
    public PlaceMention? Place { get; set; }
    public bool ContinuesPrevious { get; set; }
    public bool Present { get; set; }
    /// <summary>The time of the saying that reports this event ("said on Wednesday that ..."), when its own clause has none.</summary>
    public TimeMention? SayingTime { get; set; }
    public List<EventEvidence> Evidence { get; } = [];
    public List<string> ReportedBy { get; } = [];

    public IEnumerable<Party> Participants => Source.Concat(Target);
}
