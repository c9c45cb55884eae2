using Parley.Core.Model;
using Parley.Storage;

namespace Parley.Engine.Output;

/// <summary>
/// The GDELT-style dyadic view of events: a multilateral event (several participants on a side)
/// becomes one row per source-target pair. Parley stores one event with its participant lists;
/// this view exists only for exports to tools that expect dyads.
/// </summary>
public static class PairView
{
    /// <summary>Expands every event into its actor pairs; single-pair events pass through unchanged.</summary>
    public static IEnumerable<StoredEvent> Expand(IEnumerable<StoredEvent> events)
    {
        foreach (var stored in events)
        {
            var e = stored.Event;
            if (e.Actor1.Count <= 1 && e.Actor2.Count <= 1)
            {
                yield return stored;
                continue;
            }
            var sources = e.Actor1.Count == 0 ? [null] : e.Actor1.Cast<EventActor?>().ToList();
            var targets = e.Actor2.Count == 0 ? [null] : e.Actor2.Cast<EventActor?>().ToList();
            foreach (var source in sources)
            foreach (var target in targets)
            {
                if (source is not null && target is not null && source.Code == target.Code) continue;
                var pair = new CodedEvent
                {
                    Cameo = e.Cameo, Label = e.Label, Goldstein = e.Goldstein, QuadClass = e.QuadClass, Plover = e.Plover,
                    Date = e.Date, DatePrecision = e.DatePrecision, DateIsFallback = e.DateIsFallback, Status = e.Status,
                    Location = e.Location,
                };
                if (source is not null) pair.Actor1.Add(source);
                if (target is not null) pair.Actor2.Add(target);
                pair.Evidence.AddRange(e.Evidence);
                pair.ReportedBy.AddRange(e.ReportedBy);
                yield return stored with { Event = pair };
            }
        }
    }
}
