namespace Parley.Core.Model;

/// <summary>How precise a resolved time value is.</summary>
public enum TimeGranularity
{
    /// <summary>A date and time of day.</summary>
    DateTime,
    /// <summary>A calendar day.</summary>
    Day,
    /// <summary>A week.</summary>
    Week,
    /// <summary>A calendar month.</summary>
    Month,
    /// <summary>A season.</summary>
    Season,
    /// <summary>A quarter.</summary>
    Quarter,
    /// <summary>A calendar year.</summary>
    Year,
    /// <summary>A decade.</summary>
    Decade,
    /// <summary>Not resolvable to a calendar unit.</summary>
    Unknown,
}

/// <summary>What a temporal expression denotes.</summary>
public enum TimeKind
{
    /// <summary>A point or period on the calendar ("October 30", "in April").</summary>
    Date,
    /// <summary>A length of time ("three weeks").</summary>
    Duration,
    /// <summary>A range between two dates ("from 2019 to 2021").</summary>
    Range,
    /// <summary>A recurring time ("every Monday", "annually").</summary>
    Set,
}

/// <summary>A temporal expression found in the text, normalised TIMEX3-style.</summary>
public sealed class TimeMention
{
    /// <summary>Character offsets of the expression.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>Surface text.</summary>
    public required string Text { get; init; }

    /// <summary>Sentence holding the expression.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>What the expression denotes.</summary>
    public TimeKind Kind { get; init; } = TimeKind.Date;

    /// <summary>TIMEX3 value: "2025-11-24", "2026-04", "2026", "2025-W48", "P3W"...; null when unresolved.</summary>
    public string? Value { get; set; }

    /// <summary>End value for ranges.</summary>
    public string? EndValue { get; set; }

    /// <summary>Precision of <see cref="Value"/>.</summary>
    public TimeGranularity Granularity { get; set; } = TimeGranularity.Unknown;

    /// <summary>What the value was resolved against: "absolute", "publication", or "event:&lt;sentence&gt;" for an anchor in the narrative.</summary>
    public string Anchor { get; set; } = "absolute";

    /// <inheritdoc />
    public override string ToString() => $"{Text} -> {Value}";
}
