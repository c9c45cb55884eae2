namespace Parley.Core.Model;

/// <summary>Whether an event happened, was promised, is planned, or is negated.</summary>
public enum EventStatus
{
    /// <summary>Reported as having happened.</summary>
    Occurred,
    /// <summary>Promised or agreed to ("pledged to", "agreed to").</summary>
    Pledged,
    /// <summary>Scheduled or intended ("will visit").</summary>
    Planned,
    /// <summary>Threatened ("threatened to impose").</summary>
    Threatened,
    /// <summary>Conditional or speculative ("could", "may", "if").</summary>
    Hypothetical,
    /// <summary>Negated or denied ("did not", "denied").</summary>
    Denied,
}

/// <summary>One side of an event: an actor code with the span it was read from.</summary>
public sealed record EventActor
{
    /// <summary>Country or bloc code ("USA", "WST").</summary>
    public required string Country { get; init; }

    /// <summary>Sector code ("GOV"); empty for the country at large.</summary>
    public string Sector { get; init; } = "";

    /// <summary>CAMEO-style code: country followed by sector.</summary>
    public string Code => Country + Sector;

    /// <summary>Canonical name ("Donald Trump").</summary>
    public required string Name { get; init; }

    /// <summary>Where the actor was named in the evidence sentence, if it was named there.</summary>
    public TextSpan? Span { get; init; }
}

/// <summary>The sentence an event was read from, with the offsets of its parts.</summary>
public sealed record EventEvidence
{
    /// <summary>Index of the sentence.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>Offsets of the whole sentence.</summary>
    public required TextSpan Sentence { get; init; }

    /// <summary>Offsets of the trigger word or phrase ("held a call").</summary>
    public required TextSpan Trigger { get; init; }

    /// <summary>Offsets of the source actor's mention.</summary>
    public TextSpan? Actor1 { get; init; }

    /// <summary>Offsets of the target actor's mention.</summary>
    public TextSpan? Actor2 { get; init; }

    /// <summary>Offsets of the time expression that dated the event.</summary>
    public TextSpan? Time { get; init; }
}

/// <summary>PLOVER 2.0 event type and mode for a CAMEO code.</summary>
/// <param name="Type">PLOVER event type ("CONSULT").</param>
/// <param name="Mode">PLOVER mode ("phone"), or null.</param>
public sealed record PloverType(string Type, string? Mode);

/// <summary>A coded event: who did what to whom, when, where, with its evidence.</summary>
public sealed class CodedEvent
{
    /// <summary>CAMEO event code ("041").</summary>
    public required string Cameo { get; set; }

    /// <summary>CAMEO label ("Discuss by telephone").</summary>
    public string Label { get; set; } = "";

    /// <summary>Goldstein score of the code, -10 to +10.</summary>
    public double Goldstein { get; set; }

    /// <summary>Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    public int QuadClass { get; set; }

    /// <summary>PLOVER 2.0 type and mode.</summary>
    public PloverType? Plover { get; set; }

    /// <summary>Source side; several actors for a multilateral event.</summary>
    public List<EventActor> Actor1 { get; } = [];

    /// <summary>Target side; empty when the event has no target.</summary>
    public List<EventActor> Actor2 { get; } = [];

    /// <summary>Date as ISO 8601, possibly partial ("2025-11-24", "2026-04", "2026").</summary>
    public required string Date { get; set; }

    /// <summary>Precision of <see cref="Date"/>: day, month or year.</summary>
    public TimeGranularity DatePrecision { get; set; } = TimeGranularity.Day;

    /// <summary>True when no time expression dated the event and the publication date stands in.</summary>
    public bool DateIsFallback { get; set; }

    /// <summary>Whether the event occurred, was pledged, planned or denied.</summary>
    public EventStatus Status { get; set; } = EventStatus.Occurred;

    /// <summary>Where it happened, when the text says.</summary>
    public PlaceMention? Location { get; set; }

    /// <summary>Every sentence the event was read from, first mention first.</summary>
    public List<EventEvidence> Evidence { get; } = [];

    /// <summary>Who reported it ("Xinhua", "the White House"), when the text says.</summary>
    public List<string> ReportedBy { get; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join('+', Actor1.Select(a => a.Code))} -{Cameo}-> {string.Join('+', Actor2.Select(a => a.Code))} @{Date} ({Status})";
}
