using System.Globalization;
using Parley.Core.Data;

namespace Parley.Core.Lexicon;

/// <summary>
/// English weekday names and abbreviations (Lexicon/Data/weekdays.tsv of this assembly), read by the temporal
/// recognizer and by the event coder's dating; read on first use, immutable and thread-safe.
/// </summary>
public static class WeekdayNames
{
    static WeekdayNames()
    {
        var days = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var common = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataFile.ReadTsv(typeof(WeekdayNames).Assembly, "Lexicon/Data/weekdays.tsv"))
        {
            days[row["name"]] = int.Parse(row["day"], CultureInfo.InvariantCulture);
            if (row["common_word"] == "yes") common.Add(row["name"]);
        }
        Days = days;
        CommonWords = common;
        Unambiguous = days.Keys.Where(n => !common.Contains(n)).ToArray();
    }

    /// <summary>Written form (any case matches) -> ISO day of week, 1 = Monday ... 7 = Sunday.</summary>
    public static IReadOnlyDictionary<string, int> Days { get; }

    /// <summary>Forms that are also everyday words ("sun", "wed").</summary>
    public static IReadOnlySet<string> CommonWords { get; }

    /// <summary>The forms that are never everyday words ("monday" ... "sunday"), lower case, in file order.</summary>
    public static IReadOnlyList<string> Unambiguous { get; }
}
