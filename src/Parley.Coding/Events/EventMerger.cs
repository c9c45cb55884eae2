using Parley.Coding.Cameo;
using Parley.Core.Model;

namespace Parley.Coding.Events;

/// <summary>
/// One event per real event per article: mentions with the same parties (either order for joint
/// actions), the same root category, the same status and compatible dates collapse into one event that
/// keeps every mention's evidence, the most specific code and the best date.
/// </summary>
internal static class EventMerger
{
    public static List<DraftEvent> Merge(List<DraftEvent> drafts)
    {
        var merged = new List<DraftEvent>();
        foreach (var e in drafts)
        {
            var into = merged.FirstOrDefault(m => Same(m, e));
            if (into is null)
            {
                merged.Add(e);
                continue;
            }
            Absorb(into, e);
        }
        return merged;
    }

    private static bool Same(DraftEvent a, DraftEvent b)
    {
        if (!CodesCompatible(a.Code, b.Code)) return false;
        // "ordered 60 diplomats to leave and said it would close the consulate": one sentence telling two steps of
        // the same act (same code, same parties) is one event, whatever the status of each step
        var oneSentence = a.Code == b.Code && a.SentenceIndex == b.SentenceIndex;
        if (a.Status != b.Status && !oneSentence) return false;
        if (!DateCompatible(a, b)) return false;
        var symmetric = CameoCodebook.IsSymmetric(a.Code) && CameoCodebook.IsSymmetric(b.Code);
        if (symmetric) return SetOf(a.Participants).SetEquals(SetOf(b.Participants));
        return SetOf(a.Source).SetEquals(SetOf(b.Source)) && SetOf(a.Target).SetEquals(SetOf(b.Target));
    }

    /// <summary>
    /// Same root, and either one code refines the other, or one is the root's "not specified" code, or
    /// both are ways of consulting (a meeting mentioned as "talks", "the meeting", "the summit").
    /// "Pledged to buy soybeans" (0311) and "agreed to delay export controls" (0354) stay apart.
    /// </summary>
    private static bool CodesCompatible(string a, string b)
    {
        if (a[..2] != b[..2]) return false;
        if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) return true;
        if (a[..2] == "04" && a is not ("042" or "043") && b is not ("042" or "043")) return true;
        return (a.Length == 3 && a[2] == '0') || (b.Length == 3 && b[2] == '0');
    }

    private static bool DateCompatible(DraftEvent a, DraftEvent b)
    {
        if (EventDating.Compatible(a, b)) return true;
        // the same sentence printed twice (highlight + body) is the same event whatever the dating
        return a.Evidence.Count > 0 && b.Evidence.Count > 0 && a.Date == b.Date;
    }

    private static HashSet<string> SetOf(IEnumerable<Party> parties) => parties.Select(p => p.Country).ToHashSet(StringComparer.Ordinal);

    private static void Absorb(DraftEvent into, DraftEvent e)
    {
        if (Specificity(e.Code) > Specificity(into.Code)) into.Code = e.Code;
        // of two steps told in one sentence, the one that happened stands for the event
        if (e.Status == EventStatus.Occurred) into.Status = EventStatus.Occurred;
        if (e.DateSource < into.DateSource || (e.DateSource == into.DateSource && into.RelativeDate && !e.RelativeDate))
        {
            into.Date = e.Date;
            into.Precision = e.Precision;
            into.DateSource = e.DateSource;
            into.RelativeDate = e.RelativeDate;
            into.Time = e.Time;
        }
        into.Place ??= e.Place;
        foreach (var p in e.Source.Where(p => into.Participants.All(q => q.Country != p.Country))) into.Source.Add(p);
        foreach (var p in e.Target.Where(p => into.Participants.All(q => q.Country != p.Country))) into.Target.Add(p);
        foreach (var ev in e.Evidence.Where(ev => into.Evidence.All(x => x.Sentence != ev.Sentence))) into.Evidence.Add(ev);
        var reporters = SourceNames.Collapse(into.ReportedBy.Concat(e.ReportedBy));
        into.ReportedBy.Clear();
        into.ReportedBy.AddRange(reporters);
    }

    /// <summary>Longer codes are more specific; a code ending in 0 is the "not specified" one.</summary>
    private static int Specificity(string code) => code.Length * 2 + (code[^1] == '0' ? 0 : 1);
}
