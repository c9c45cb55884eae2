namespace Parley.Evaluation.Events;

/// <summary>
/// A maximum bipartite matching between correct produced events and the required gold events each
/// of them matches (Kuhn's augmenting paths; gold files hold hundreds of events, so the simple
/// O(V·E) algorithm is instant). It answers "how many required events does the output hold if
/// every produced event counts once", independent of the gold file's line order.
/// </summary>
internal static class OneToOneMatching
{
    /// <summary>The gold ids credited by a maximum matching: event i may credit any id in <paramref name="candidates"/>[i], each id at most once.</summary>
    public static HashSet<string> MaximumCredits(IReadOnlyList<List<string>> candidates)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var e = 0; e < candidates.Count; e++)
        {
            if (candidates[e].Count == 0) continue;
            TryAugment(e, candidates, owner, new HashSet<string>(StringComparer.Ordinal));
        }
        return new HashSet<string>(owner.Keys, StringComparer.Ordinal);
    }

    /// <summary>Finds a gold id for event <paramref name="e"/>, moving earlier events to other ids when that frees one.</summary>
    private static bool TryAugment(int e, IReadOnlyList<List<string>> candidates, Dictionary<string, int> owner, HashSet<string> visited)
    {
        foreach (var id in candidates[e])
        {
            if (!visited.Add(id)) continue;
            if (!owner.TryGetValue(id, out var holder) || TryAugment(holder, candidates, owner, visited))
            {
                owner[id] = e;
                return true;
            }
        }
        return false;
    }
}
