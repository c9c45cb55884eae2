using Parley.Core.Model;

namespace Parley.Language.Temporal;

/// <summary>A temporal expression while the stage resolves a document: the future TimeMention plus what narrative anchoring needs.</summary>
internal sealed class ResolvedTime
{
    public int Start { get; set; }
    public int End { get; set; }
    public int SentenceIndex { get; set; }
    public TimeKind Kind { get; init; } = TimeKind.Date;
    public string? Value { get; set; }
    public string? EndValue { get; set; }
    public TimeGranularity Granularity { get; set; }
    public string Anchor { get; set; } = "absolute";

    /// <summary>A calendar date stated in the text ("October 30", "30 Oct 2025"): a target for narrative snapping.</summary>
    public bool Explicit { get; init; }

    /// <summary>The day the value denotes, when it is day-precise or computed to a day; anchors "three weeks earlier".</summary>
    public DateOnly? Day { get; set; }

    /// <summary>The year the value falls in, when one; anchors "later in the year".</summary>
    public int? Year { get; set; }

    /// <summary>Set on approximate relative values that may snap to a stated date nearby.</summary>
    public SnapRequest? Snap { get; init; }

    public string Rule { get; set; } = "";
}

/// <summary>
/// How an approximate value may snap: to the nearest stated day within <see cref="ToleranceDays"/>
/// of <see cref="Computed"/> (offsets such as "three weeks earlier"), or to the only stated day inside
/// [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>) (calendar references such as "last month").
/// </summary>
internal sealed record SnapRequest(DateOnly Computed, int ToleranceDays, DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null);
