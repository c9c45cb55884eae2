using Parley.Core.Data;

namespace Parley.Ingest.Dates;

/// <summary>A dateline: a short line that states when an article was published or updated.</summary>
/// <param name="Date">The date read.</param>
/// <param name="IsModified">The line gives an update time ("Updated ..."), not the publication time.</param>
public sealed record DatelineMatch(ParsedDate Date, bool IsModified);

/// <summary>
/// Recognises dateline lines: an optional label from Dates/Data/dateline-labels.tsv ("Published",
/// "Updated", "Posted on"), an optional weekday, then a date with time and zone, and little else
/// (a place name or a byline separated by a dash or bar is allowed). A line that is mostly prose
/// which happens to contain a date is not a dateline.
/// </summary>
public static class Dateline
{
    private static readonly Lazy<(string Label, bool Modified)[]> Labels = new(() =>
        DataFile.ReadTsv(typeof(Dateline).Assembly, "Dates/Data/dateline-labels.tsv")
            .Select(r => (r["label"], r["kind"] == "modified"))
            .OrderByDescending(l => l.Item1.Length).ToArray());

    /// <summary>Longest line considered a dateline.</summary>
    public const int MaxLength = 120;

    /// <summary>Reads <paramref name="line"/> as a dateline; null when it is not one.</summary>
    public static DatelineMatch? Match(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.Length > MaxLength || !text.AsSpan().ContainsAnyInRange('0', '9')) return null; // no digits, no date
        var modified = false;
        var labelled = false;
        foreach (var (label, isModified) in Labels.Value)
        {
            if (text.StartsWith(label, StringComparison.OrdinalIgnoreCase)
                && (text.Length == label.Length || !char.IsLetter(text[label.Length])))
            {
                modified = isModified;
                labelled = true;
                text = text[label.Length..].TrimStart(' ', ':', '-', '\u00A0');
                break;
            }
        }
        if (!DateTextParser.TryFind(text, out var date) || date is null) return null;
        // What is left outside the date must be short: a weekday, a place, "by" a name, separators.
        var before = text[..date.Start].Trim(' ', ',', '-', '|', '–', '—', '\u00A0');
        var after = text[date.End..].Trim(' ', ',', '-', '|', '–', '—', '.', '\u00A0');
        var leftover = before.Length + after.Length;
        var allowed = labelled ? 40 : 25;
        if (leftover > allowed) return null;
        return new DatelineMatch(date, modified);
    }
}
