using System.Text.Json.Nodes;

namespace Parley.Evaluation.Events;

/// <summary>
/// Scores produced events against gold events with exactly the rules of
/// <c>../shared/gold/score_events.py</c>, so the test suite holds accuracy without Python:
/// a gold event matches a produced one when the produced code starts with one of its codes, the
/// produced date starts with one of its dates, one of the produced evidence or mention sentences
/// contains one of its evidence strings (after normalising quotes, dashes, spaces and case), and
/// the actors agree (either order when symmetric; a list on either side matches through any of
/// its members). The first gold event in file order that matches wins. A second produced event
/// with the same gold id, code, actors and date is a duplicate and counts as wrong.
/// Recall counts required gold events; precision counts produced events.
/// Because the first matching gold line wins, the script's recall depends on the gold file's
/// line order: a sentence that reads two gold events can credit both produced events to the
/// first. <see cref="EventScore.OneToOneMatched"/> gives the order-free figure beside it.
/// </summary>
/// <remarks>
/// Beyond the script, the score breaks recall and precision down by CAMEO root category and
/// diagnoses each wrong event against the gold events that share its evidence: the candidate
/// with the fewest failed checks (code, date, actors) is taken, earliest first; if its actors
/// and code both fail the event is <see cref="ErrorKind.Unmatched"/>, else a failed code is
/// <see cref="ErrorKind.WrongCode"/> (counted in the root confusion), else failed actors are
/// <see cref="ErrorKind.WrongActors"/>, else <see cref="ErrorKind.WrongDate"/>.
/// </remarks>
public static class EventScorer
{
    private sealed record Key(string Id, string Cameo, string? A, string? B, string Date);

    /// <summary>Scores <paramref name="produced"/> events against <paramref name="gold"/>.</summary>
    public static EventScore Score(IReadOnlyList<GoldEvent> gold, IReadOnlyList<JsonObject> produced)
    {
        var goldEvidence = gold.Select(g => g.EvidenceAny.Select(PythonText.Norm).ToList()).ToList();
        var seen = new HashSet<Key>();
        var matchedRequired = new HashSet<string>(StringComparer.Ordinal);
        int correct = 0, duplicates = 0, statusChecked = 0;
        var verdicts = new List<EventVerdict>(produced.Count);
        var statusMismatches = new List<StatusMismatch>();
        var creditable = new List<List<string>>(); // per correct event: every required gold id it matches

        for (var index = 0; index < produced.Count; index++)
        {
            var p = produced[index];
            var pairs = (from x in Countries(p["actor1"]) from y in Countries(p["actor2"]) select (x, y)).ToList();
            var (a1, a2) = pairs[0];
            var cameo = PythonText.StrOrEmpty(p["cameo"]);
            var date = PythonText.StrOrEmpty(p["date"]);
            var texts = Texts(p);
            // Every gold event this one matches, in gold order: the script takes the first.
            var matches = Matches(gold, goldEvidence, pairs, cameo, date, texts);
            GoldEvent? hit = null;
            if (matches.Count > 0)
            {
                hit = gold[matches[0].Gold];
                (a1, a2) = pairs[matches[0].Pair];
            }

            var cameoText = PythonText.Str(p["cameo"]);
            var dateText = PythonText.Str(p["date"]);
            var first = texts.Count > 0 ? texts[0] : "";
            var root = CameoRoots.RootOf(cameo);
            if (hit is null)
            {
                var (error, nearest) = Diagnose(gold, goldEvidence, pairs, cameo, date, texts);
                verdicts.Add(new EventVerdict(index, VerdictKind.Wrong, null, a1, a2, cameoText, dateText, first, error, nearest?.Id, root));
                continue;
            }

            var key = hit.Symmetric
                ? Sorted(a1 ?? "", a2 ?? "", hit.Id, cameoText, dateText)
                : new Key(hit.Id, cameoText, a1, a2, dateText);
            if (!seen.Add(key))
            {
                duplicates++;
                verdicts.Add(new EventVerdict(index, VerdictKind.Duplicate, hit.Id, a1, a2, cameoText, dateText, first, ErrorKind.Duplicate, hit.Id, root));
                continue;
            }
            correct++;
            if (hit.Required) matchedRequired.Add(hit.Id);
            creditable.Add(matches.Where(m => gold[m.Gold].Required).Select(m => gold[m.Gold].Id).ToList());
            verdicts.Add(new EventVerdict(index, VerdictKind.Correct, hit.Id, a1, a2, cameoText, dateText, first, ErrorKind.None, hit.Id, root));
            if (PythonText.AsString(p["status"]) is { Length: > 0 } status)
            {
                statusChecked++;
                var expected = hit.Status ?? "occurred";
                if (!string.Equals(status, expected, StringComparison.OrdinalIgnoreCase))
                    statusMismatches.Add(new StatusMismatch(hit.Id, expected, status.ToLowerInvariant()));
            }
        }

        var required = gold.Where(g => g.Required).Select(g => g.Id).ToList();
        var oneToOne = OneToOneMatching.MaximumCredits(creditable);
        return new EventScore
        {
            Recall = required.Count > 0 ? (double)matchedRequired.Count / required.Count : 1.0,
            Precision = produced.Count > 0 ? (double)correct / produced.Count : 0.0,
            Matched = matchedRequired.Count,
            Required = required.Count,
            Correct = correct,
            Produced = produced.Count,
            Duplicates = duplicates,
            Missing = required.Where(id => !matchedRequired.Contains(id)).ToList(),
            OneToOneMatched = oneToOne.Count,
            OneToOneMissing = required.Where(id => !oneToOne.Contains(id)).ToList(),
            Verdicts = verdicts,
            PerRoot = PerRoot(gold, matchedRequired, verdicts),
            Confusion = Confusion(gold, verdicts),
            StatusMismatches = statusMismatches,
            StatusChecked = statusChecked,
        };
    }

    /// <summary>
    /// The gold events one produced event matches (code, date, evidence and actors), in gold order,
    /// each with the first of its actor pairs that agrees.
    /// </summary>
    private static List<(int Gold, int Pair)> Matches(
        IReadOnlyList<GoldEvent> gold, List<List<string>> goldEvidence, List<(string? x, string? y)> pairs,
        string cameo, string date, List<string> texts)
    {
        var matches = new List<(int Gold, int Pair)>();
        for (var gi = 0; gi < gold.Count; gi++)
        {
            var g = gold[gi];
            if (!StartsWithAny(cameo, g.Codes) || !StartsWithAny(date, g.Dates) || !EvidenceOk(texts, goldEvidence[gi])) continue;
            var pair = pairs.FindIndex(pair => ActorsOk(pair.x, pair.y, g));
            if (pair >= 0) matches.Add((gi, pair));
        }
        return matches;
    }

    private static Key Sorted(string a, string b, string id, string cameo, string date) =>
        string.CompareOrdinal(a, b) <= 0 ? new Key(id, cameo, a, b, date) : new Key(id, cameo, b, a, date);

    /// <summary>The script's <c>country()</c>: a string's or an object's country (else code),
    /// first three letters upper-cased; null when absent or empty.</summary>
    internal static string? Country(JsonNode? actor)
    {
        string? code = actor switch
        {
            null => null,
            JsonObject o => PythonText.Truthy(o["country"]) ? PythonText.AsString(o["country"])
                : PythonText.Truthy(o["code"]) ? PythonText.AsString(o["code"]) : "",
            _ => PythonText.AsString(actor),
        };
        if (code is null) return null;
        var head = PythonText.Head(code, 3).ToUpperInvariant();
        return head.Length > 0 ? head : null;
    }

    /// <summary>The script's <c>countries()</c>: every member of a list (or one null for an
    /// empty list), else the one actor.</summary>
    internal static List<string?> Countries(JsonNode? actor)
    {
        if (actor is JsonArray list)
        {
            var all = list.Select(Country).ToList();
            return all.Count > 0 ? all : [null];
        }
        return [Country(actor)];
    }

    /// <summary>The script's <c>texts()</c>: every evidence and mention sentence, normalised.</summary>
    internal static List<string> Texts(JsonObject p)
    {
        var found = new List<string>();
        foreach (var key in new[] { "evidence", "mentions" })
        {
            var value = p[key];
            IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
            foreach (var item in items)
            {
                var text = item is JsonObject o ? o["text"] : item;
                if (PythonText.Truthy(text) && PythonText.AsString(text) is { } s) found.Add(PythonText.Norm(s));
            }
        }
        return found;
    }

    private static bool StartsWithAny(string produced, IReadOnlyList<string> prefixes)
    {
        foreach (var prefix in prefixes)
            if (produced.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool EvidenceOk(List<string> texts, List<string> evidence)
    {
        foreach (var t in texts)
            foreach (var e in evidence)
                if (t.Contains(e, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool ActorsOk(string? a1, string? a2, GoldEvent g)
    {
        if (g.Actor1.Contains(a1) && g.Actor2.Contains(a2)) return true;
        return g.Symmetric && g.Actor1.Contains(a2) && g.Actor2.Contains(a1);
    }

    private static (ErrorKind, GoldEvent?) Diagnose(
        IReadOnlyList<GoldEvent> gold, List<List<string>> goldEvidence, List<(string? x, string? y)> pairs,
        string cameo, string date, List<string> texts)
    {
        GoldEvent? best = null;
        bool bestCode = false, bestDate = false, bestActors = false;
        var bestFailures = int.MaxValue;
        for (var gi = 0; gi < gold.Count; gi++)
        {
            if (!EvidenceOk(texts, goldEvidence[gi])) continue;
            var g = gold[gi];
            var code = StartsWithAny(cameo, g.Codes);
            var dateOk = StartsWithAny(date, g.Dates);
            var actors = pairs.Any(pair => ActorsOk(pair.x, pair.y, g));
            var failures = (code ? 0 : 1) + (dateOk ? 0 : 1) + (actors ? 0 : 1);
            if (failures >= bestFailures) continue;
            (best, bestCode, bestDate, bestActors, bestFailures) = (g, code, dateOk, actors, failures);
        }
        if (best is null) return (ErrorKind.Unmatched, null);
        if (!bestCode && !bestActors) return (ErrorKind.Unmatched, best);
        if (!bestCode) return (ErrorKind.WrongCode, best);
        if (!bestActors) return (ErrorKind.WrongActors, best);
        return (bestDate ? ErrorKind.Unmatched : ErrorKind.WrongDate, best);
    }

    private static List<RootScore> PerRoot(IReadOnlyList<GoldEvent> gold, HashSet<string> matchedRequired, List<EventVerdict> verdicts)
    {
        var roots = new SortedDictionary<string, (int required, int matched, int produced, int correct)>(StringComparer.Ordinal);
        foreach (var g in gold.Where(g => g.Required))
        {
            var r = roots.GetValueOrDefault(g.Root);
            roots[g.Root] = (r.required + 1, r.matched + (matchedRequired.Contains(g.Id) ? 1 : 0), r.produced, r.correct);
        }
        foreach (var v in verdicts)
        {
            var r = roots.GetValueOrDefault(v.Root);
            roots[v.Root] = (r.required, r.matched, r.produced + 1, r.correct + (v.Kind == VerdictKind.Correct ? 1 : 0));
        }
        return roots.Select(kv => new RootScore(kv.Key, CameoRoots.Label(kv.Key), kv.Value.required, kv.Value.matched, kv.Value.produced, kv.Value.correct)).ToList();
    }

    private static List<RootConfusion> Confusion(IReadOnlyList<GoldEvent> gold, List<EventVerdict> verdicts)
    {
        var byId = new Dictionary<string, GoldEvent>(StringComparer.Ordinal);
        foreach (var g in gold) byId.TryAdd(g.Id, g);
        var cells = new Dictionary<(string gold, string produced), (int wrong, int accepted)>();
        foreach (var v in verdicts)
        {
            var wrong = v.Error == ErrorKind.WrongCode;
            var accepted = v.Kind == VerdictKind.Correct;
            if ((!wrong && !accepted) || v.NearestGoldId is null) continue;
            var goldRoot = byId[v.NearestGoldId].Root;
            if (accepted && goldRoot == v.Root) continue;
            var cell = cells.GetValueOrDefault((goldRoot, v.Root));
            cells[(goldRoot, v.Root)] = wrong ? (cell.wrong + 1, cell.accepted) : (cell.wrong, cell.accepted + 1);
        }
        return cells
            .Select(kv => new RootConfusion(kv.Key.gold, kv.Key.produced, kv.Value.wrong, kv.Value.accepted))
            .OrderByDescending(c => c.Wrong).ThenByDescending(c => c.Accepted)
            .ThenBy(c => c.GoldRoot, StringComparer.Ordinal).ThenBy(c => c.ProducedRoot, StringComparer.Ordinal)
            .ToList();
    }
}
