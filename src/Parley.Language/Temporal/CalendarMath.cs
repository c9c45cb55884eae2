namespace Parley.Language.Temporal;

/// <summary>Calendar arithmetic for resolving expressions against a reference day.</summary>
internal static class CalendarMath
{
    /// <summary>The date, or null when it does not exist (31 November).</summary>
    public static DateOnly? Date(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>ISO day of week, 1 = Monday ... 7 = Sunday.</summary>
    public static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>The given weekday on or before (past reading) or on or after (forward reading) the reference.</summary>
    public static DateOnly Weekday(DateOnly reference, int isoDay, bool forward) => forward
        ? reference.AddDays((isoDay - IsoDay(reference) + 7) % 7)
        : reference.AddDays(-((IsoDay(reference) - isoDay + 7) % 7));

    /// <summary>The given weekday in the ISO week <paramref name="weekOffset"/> weeks from the reference's.</summary>
    public static DateOnly WeekdayInWeek(DateOnly reference, int isoDay, int weekOffset) =>
        TimexValue.WeekStart(reference).AddDays(7 * weekOffset + isoDay - 1);

    /// <summary>A month and day without a year: the nearest occurrence on or before (or, forward, on or after) the reference.</summary>
    public static DateOnly? MonthDay(DateOnly reference, int month, int day, bool forward)
    {
        for (var k = 0; k <= 4; k++)
        {
            var year = forward ? reference.Year + k : reference.Year - k;
            if (Date(year, month, day) is not { } d) continue;
            if (forward ? d >= reference : d <= reference) return d;
        }
        return null;
    }

    /// <summary>A month without a year: the year it falls in for a past or forward reading.</summary>
    public static int MonthYear(DateOnly reference, int month, bool forward) => forward
        ? (month >= reference.Month ? reference.Year : reference.Year + 1)
        : (month <= reference.Month ? reference.Year : reference.Year - 1);

    /// <summary>Adds <paramref name="count"/> units (fractions of days, weeks, months and years allowed) to a day.</summary>
    public static DateOnly? Add(DateOnly d, string unit, double count)
    {
        try
        {
            var whole = (int)Math.Truncate(count);
            var frac = count - whole;
            return unit switch
            {
                "day" or "businessday" => d.AddDays(whole),
                "week" => d.AddDays((int)Math.Round(count * 7)),
                "fortnight" => d.AddDays((int)Math.Round(count * 14)),
                "month" => d.AddMonths(whole).AddDays((int)Math.Round(frac * 30)),
                "quarter" => d.AddMonths((int)Math.Round(count * 3)),
                "year" => d.AddYears(whole).AddMonths((int)Math.Round(frac * 12)),
                "decade" => d.AddYears((int)Math.Round(count * 10)),
                "century" => d.AddYears((int)Math.Round(count * 100)),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
