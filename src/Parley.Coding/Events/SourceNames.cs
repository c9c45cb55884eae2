namespace Parley.Coding.Events;

/// <summary>
/// The names of an event's reporting sources, one per source: "Trump" said it in one sentence and
/// "Donald Trump" in the next is one source, named by its fullest form.
/// </summary>
public static class SourceNames
{
    /// <summary>
    /// <paramref name="names"/> without repeats and without a name that is the first or last whole words of a
    /// longer one ("Trump" beside "Donald Trump", "Xinhua" beside "Xinhua News Agency"); order of first mention kept.
    /// </summary>
    public static List<string> Collapse(IEnumerable<string> names)
    {
        var distinct = names.Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return distinct
            .Select(n => distinct.FirstOrDefault(longer => longer.Length > n.Length && IsEdgeOf(n, longer)) ?? n)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static bool IsEdgeOf(string part, string whole) =>
        (whole.EndsWith(part, StringComparison.OrdinalIgnoreCase) && whole[whole.Length - part.Length - 1] == ' ')
        || (whole.StartsWith(part, StringComparison.OrdinalIgnoreCase) && whole[part.Length] == ' ');
}
