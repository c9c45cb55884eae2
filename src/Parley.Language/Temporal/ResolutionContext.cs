using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Language.Temporal;

/// <summary>What a rule needs to resolve one match: the reference day, the sentence, and the narrative so far.</summary>
internal sealed class ResolutionContext
{
    public required DateOnly Reference { get; init; }
    public required string Sentence { get; init; }
    public required int SentenceIndex { get; init; }

    /// <summary>Expressions resolved so far in the document, in text order.</summary>
    public required IReadOnlyList<ResolvedTime> Earlier { get; init; }

    /// <summary>Whether a sentence (by index) is close enough to this one to anchor its relative expressions.</summary>
    public required Func<int, bool> InNarrativeScope { get; init; }

    /// <summary>
    /// Whether a sentence (by index) may anchor an explicitly anaphoric day word ("the same day", "the next
    /// day"): as <see cref="InNarrativeScope"/> but across a paragraph break, since such a word always points
    /// back and news paragraphs are often one sentence long.
    /// </summary>
    public required Func<int, bool> InAnaphoricScope { get; init; }

    public required TenseReading Tense { get; init; }

    private List<TenseReading.Cue>? _cues;

    /// <summary>True when the whole sentence is lower case (then "may" and "sun" cannot be told from names by their capital).</summary>
    public required bool LowerCaseText { get; init; }

    public Match Match { get; set; } = Match.Empty;

    /// <summary>The sentence's tense at the current match: true when it looks forward.</summary>
    public bool Forward => TenseReading.LooksForward(_cues ??= Tense.Cues(Sentence), Match.Index, Match.Index + Match.Length);

    /// <summary>The sentence text before the current match.</summary>
    public string Before => Sentence[..Match.Index];

    /// <summary>The sentence text after the current match.</summary>
    public string After => Sentence[(Match.Index + Match.Length)..];

    /// <summary>The most recent day-precise time in the narrative scope, with its sentence.</summary>
    public (DateOnly Day, int Sentence)? NarrativeDay() => Latest(InNarrativeScope, DayOf);

    /// <summary>The most recent day-precise time that an explicitly anaphoric day word may point back to (<see cref="InAnaphoricScope"/>).</summary>
    public (DateOnly Day, int Sentence)? AnaphoricDay() => Latest(InAnaphoricScope, DayOf);

    /// <summary>The most recent month-precise date in the narrative scope ("last month", "in January"), with its sentence.</summary>
    public ((int Year, int Month) Month, int Sentence)? NarrativeMonth() => Latest(InNarrativeScope, MonthOf);

    /// <summary>The year of the most recent dated time in the narrative scope, with its sentence.</summary>
    public (int Year, int Sentence)? NarrativeYear() =>
        Latest(InNarrativeScope, r => r.Kind is TimeKind.Date && r.Year is { } y ? y : (int?)null);

    private static DateOnly? DayOf(ResolvedTime r) =>
        r.Kind == TimeKind.Date && r.Day is { } d && r.Granularity is TimeGranularity.Day or TimeGranularity.DateTime ? d : null;

    private static (int Year, int Month)? MonthOf(ResolvedTime r) =>
        r.Kind == TimeKind.Date && r.Granularity == TimeGranularity.Month && r.Value is { Length: 7 } v
        && int.TryParse(v[..4], System.Globalization.CultureInfo.InvariantCulture, out var year)
        && int.TryParse(v[5..], System.Globalization.CultureInfo.InvariantCulture, out var month)
            ? (year, month) : null;

    /// <summary>
    /// What <paramref name="pick"/> reads from the latest earlier time it accepts, going back no further than
    /// <paramref name="inScope"/> allows, with that time's sentence.
    /// </summary>
    private (T Value, int Sentence)? Latest<T>(Func<int, bool> inScope, Func<ResolvedTime, T?> pick) where T : struct
    {
        for (var i = Earlier.Count - 1; i >= 0; i--)
        {
            var r = Earlier[i];
            if (!inScope(r.SentenceIndex)) break;
            if (pick(r) is { } value) return (value, r.SentenceIndex);
        }
        return null;
    }
}
