using Parley.Core.Model;

namespace Parley.Language.Temporal;

/// <summary>
/// Document-level narrative anchoring. An approximate relative value ("three weeks earlier", "a
/// month ago", "last month") is taken to mean an explicit day-precise date stated elsewhere in the
/// same article when that date lies close to it:
/// <list type="bullet">
/// <item>offsets snap to the nearest stated date within their tolerance, which grows with the count
/// up to a cap (snap-tolerance.tsv: weeks 3 days per week up to 7, months 7 days per month up to 15;
/// days and years never snap);</item>
/// <item>calendar references ("last week", "last month") snap only when exactly one distinct stated
/// date falls inside the period they name.</item>
/// </list>
/// A snapped value becomes day-precise, anchored "event:&lt;sentence of the stated date&gt;".
/// </summary>
internal static class NarrativeSnapping
{
    public static void Apply(IReadOnlyList<ResolvedTime> times)
    {
        var stated = times.Where(t => t.Explicit && t.Kind == TimeKind.Date && t.Granularity == TimeGranularity.Day && t.Day is not null).ToList();
        if (stated.Count == 0) return;
        foreach (var t in times)
        {
            if (t.Snap is not { } snap || t.Explicit) continue;
            ResolvedTime? target = null;
            if (snap.PeriodStart is { } ps && snap.PeriodEnd is { } pe)
            {
                var inside = stated.Where(s => s.Day >= ps && s.Day < pe).ToList();
                if (inside.Select(s => s.Day).Distinct().Count() == 1) target = inside[0];
            }
            else
            {
                target = stated
                    .Select(s => (s, gap: Math.Abs(s.Day!.Value.DayNumber - snap.Computed.DayNumber)))
                    .Where(x => x.gap <= snap.ToleranceDays)
                    .OrderBy(x => x.gap).ThenBy(x => x.s.Start)
                    .Select(x => x.s).FirstOrDefault();
            }
            if (target is null) continue;
            t.Value = target.Value;
            t.Day = target.Day;
            t.Year = target.Year;
            t.Granularity = TimeGranularity.Day;
            t.Anchor = $"event:{target.SentenceIndex}";
        }
    }
}
