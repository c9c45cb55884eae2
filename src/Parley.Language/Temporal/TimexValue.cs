using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Language.Temporal;

/// <summary>
/// Formats and reads the TIMEX3-style values of <see cref="Parley.Core.Model.TimeMention"/>:
/// days "2025-11-24", months "2026-04", years "2026", ISO weeks "2025-W48", weekends "2025-W48-WE",
/// seasons "2025-SU", quarters "2025-Q3", halves "2025-H2", decades "199", centuries "20",
/// date-times "2025-11-24T07:05Z" and durations "P3W".
/// </summary>
public static partial class TimexValue
{
    /// <summary>A calendar day.</summary>
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A calendar month.</summary>
    public static string Month(int year, int month) => $"{Year(year)}-{month:00}";

    /// <summary>A calendar year, four digits.</summary>
    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The ISO 8601 week holding <paramref name="d"/>.</summary>
    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{Year(ISOWeek.GetYear(dt))}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }

    /// <summary>The Monday of the ISO week holding <paramref name="d"/>.</summary>
    public static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>
    /// The interval [start, end) a value covers, for comparing values of different forms; false for
    /// durations, sets and values with unknown parts ("XXXX-10-02").
    /// </summary>
    public static bool TryGetInterval(string value, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        if (string.IsNullOrEmpty(value) || value.Contains('X') || value.StartsWith('P')) return false;
        var m = DayPattern().Match(value);
        if (m.Success)
        {
            if (!DateOnly.TryParseExact(m.Value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)) return false;
            end = start.AddDays(1);
            return true;
        }
        m = ShapePattern().Match(value);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var rest = m.Groups["rest"].Value;
        if (m.Groups["y"].Value.Length == 3)
        {
            start = new DateOnly(year * 10, 1, 1);
            end = start.AddYears(10);
            return rest.Length == 0;
        }
        if (m.Groups["y"].Value.Length == 2)
        {
            start = new DateOnly(Math.Max(1, year * 100), 1, 1);
            end = new DateOnly(year * 100 + 100, 1, 1);
            return rest.Length == 0;
        }
        if (year < 1) return false;
        switch (rest)
        {
            case "":
                start = new DateOnly(year, 1, 1); end = start.AddYears(1); return true;
            case ['-', 'W', _, _, ..]:
            {
                var week = int.Parse(rest.AsSpan(2, 2), CultureInfo.InvariantCulture);
                start = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                end = start.AddDays(7);
                if (rest.EndsWith("-WE", StringComparison.Ordinal)) start = start.AddDays(5);
                return true;
            }
            case ['-', 'Q', var q]:
                start = new DateOnly(year, (q - '1') * 3 + 1, 1); end = start.AddMonths(3); return true;
            case ['-', 'H', var h]:
                start = new DateOnly(year, (h - '1') * 6 + 1, 1); end = start.AddMonths(6); return true;
            case "-SP": start = new DateOnly(year, 3, 1); end = start.AddMonths(3); return true;
            case "-SU": start = new DateOnly(year, 6, 1); end = start.AddMonths(3); return true;
            case "-FA": start = new DateOnly(year, 9, 1); end = start.AddMonths(3); return true;
            case "-WI": start = new DateOnly(year, 12, 1); end = start.AddMonths(3); return true;
        }
        if (rest.Length == 3 && int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            start = new DateOnly(year, month, 1);
            end = start.AddMonths(1);
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T.*)?$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?<y>\d{2,4})(?<rest>.*)$")]
    private static partial Regex ShapePattern();
}
