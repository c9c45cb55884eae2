using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Data;

namespace Parley.Ingest.Dates;

/// <summary>
/// Reads dates as news pages print them: ISO 8601 ("2025-11-24T07:05:00Z"), month names in several
/// languages ("November 24th, 2025 - 07:05 GMT", "24 Nov. 2025 7:05 a.m. ET", "Monday, 24 November
/// 2025"), numeric forms ("24.11.2025", "11/24/2025", "2025/11/24") with an optional time of day and
/// time zone (abbreviation from Dates/Data/timezones.tsv, "GMT+3", "+05:30"). Month names come from
/// Dates/Data/months.tsv. Thread-safe.
/// </summary>
public static partial class DateTextParser
{
    private static readonly Lazy<FrozenDictionary<string, int>> Months = new(() =>
        DataFile.ReadTsv(typeof(DateTextParser).Assembly, "Dates/Data/months.tsv")
            .GroupBy(r => r["name"]).ToFrozenDictionary(g => g.Key, g => int.Parse(g.First()["month"], CultureInfo.InvariantCulture)));

    private static readonly Lazy<FrozenDictionary<string, TimeSpan>> Zones = new(() =>
        DataFile.ReadTsv(typeof(DateTextParser).Assembly, "Dates/Data/timezones.tsv")
            .ToFrozenDictionary(r => r["abbr"], r => ParseOffset(r["offset"])));

    private static readonly Lazy<Regex> MonthNameDate = new(BuildMonthNameRegex);

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?:(?:T|\s+|\s*,\s*)(?<H>[0-2]?\d):(?<M>[0-5]\d)(?::(?<S>[0-5]\d)(?:[.,]\d+)?)?)?(?:\s*(?<z>Z|[+-][01]\d:?[0-5]\d|[+-][01]\d)(?![\d:]))?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<!\d)(?<a>\d{1,4})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<c>\d{2,4})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?:\s*(?:,|-|–|—|\||/|@|at|à|um|a las|alle|às|\s)\s*)*(?<H>[0-2]?\d)(?:[:.h](?<M>[0-5]\d)(?::(?<S>[0-5]\d))?)?\s*(?<ap>[ap]\.?\s?m\.?(?![a-z]))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeAfter();

    [GeneratedRegex(@"^\s*\(?\s*(?:(?<abbr>[A-Z]{1,5})(?:\s*(?<sign>[+-])\s*(?<oh>\d{1,2})(?::?(?<om>\d\d))?)?|(?<sign2>[+-])(?<oh2>\d\d):?(?<om2>\d\d))\s*\)?(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneAfter();

    private static Regex BuildMonthNameRegex()
    {
        var names = string.Join('|', Months.Value.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        // "November 24th, 2025" | "24 November 2025" | "24th of November, 2025" | "24. November 2025"
        var pattern =
            $@"(?<![\p{{L}}])(?:(?<mon>{names})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*(?<y>(?:19|20)\d\d)" +
            $@"|(?<d2>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?(?<mon2>{names})\.?\s*,?\s+(?:de\s+)?(?<y2>(?:19|20)\d\d))(?![\d])";
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>Parses a date that must make up the whole of <paramref name="text"/> (apart from white space and a trailing time and zone).</summary>
    public static bool TryParseExact(string text, out ParsedDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (!TryFind(trimmed, out var found) || found is null) return false;
        // Allow a leading weekday and trailing punctuation only.
        var rest = trimmed[found.End..].Trim(' ', '.', ',', ')', '(');
        if (rest.Length > 0) return false;
        date = found;
        return true;
    }

    /// <summary>Parses machine-readable date values from metadata (ISO 8601, RFC 1123, Unix seconds, or any form <see cref="TryFind"/> reads).</summary>
    public static bool TryParseMachine(string? value, out ParsedDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var v = value.Trim();
        if (v.Length is 10 or 13 && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            var seconds = v.Length == 13 ? unix / 1000 : unix;
            if (seconds is > 631152000 and < 4102444800) // 1990..2100
            {
                date = new ParsedDate(DateTimeOffset.FromUnixTimeSeconds(seconds), true, true, 0, v.Length);
                return true;
            }
        }
        if (TryFind(v, out date)) return true;
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto)
            && dto.Year is > 1900 and < 2200)
        {
            date = new ParsedDate(dto, dto.TimeOfDay != TimeSpan.Zero, true, 0, v.Length);
            return true;
        }
        return false;
    }

    /// <summary>Finds the first date in <paramref name="text"/>, with the time and zone that follow it.</summary>
    public static bool TryFind(string text, out ParsedDate? date)
    {
        date = null;
        // Every form read here has ASCII digits (a year at least): text without any is no date, and
        // most text nodes a page reader asks about have none.
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAnyInRange('0', '9')) return false;
        ParsedDate? best = null;
        var iso = IsoDate().Match(text);
        if (iso.Success && TryBuild(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out var day))
        {
            var hasTime = iso.Groups["H"].Success;
            var time = hasTime ? new TimeSpan(int.Parse(iso.Groups["H"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["M"].Value, CultureInfo.InvariantCulture),
                iso.Groups["S"].Success ? int.Parse(iso.Groups["S"].Value, CultureInfo.InvariantCulture) : 0) : TimeSpan.Zero;
            var end = iso.Index + iso.Length;
            TimeSpan? offset = iso.Groups["z"].Success ? ParseOffset(iso.Groups["z"].Value) : null;
            if (hasTime && offset is null && TryZone(text, end, out var zoneOffset, out var zoneEnd))
            {
                offset = zoneOffset;
                end = zoneEnd;
            }
            if (time < TimeSpan.FromDays(1))
                best = new ParsedDate(new DateTimeOffset(day + time, offset ?? TimeSpan.Zero), hasTime, offset is not null, iso.Index, end);
        }

        var named = MonthNameDate.Value.Match(text);
        if (named.Success && (best is null || named.Index < best.Start))
        {
            var mon = named.Groups["mon"].Success ? named.Groups["mon"].Value : named.Groups["mon2"].Value;
            var d = named.Groups["d"].Success ? named.Groups["d"].Value : named.Groups["d2"].Value;
            var y = named.Groups["y"].Success ? named.Groups["y"].Value : named.Groups["y2"].Value;
            if (Months.Value.TryGetValue(mon.ToLowerInvariant(), out var month)
                && TryBuild(y, month.ToString(CultureInfo.InvariantCulture), d, out var nd))
                best = WithTime(text, nd, named.Index, named.Index + named.Length);
        }

        if (best is null)
        {
            var num = NumericDate().Match(text);
            while (num.Success)
            {
                if (TryNumeric(num, out var nd))
                {
                    best = WithTime(text, nd, num.Index, num.Index + num.Length);
                    break;
                }
                num = num.NextMatch();
            }
        }
        date = best;
        return best is not null;
    }

    private static bool TryNumeric(Match m, out DateTime day)
    {
        day = default;
        var a = m.Groups["a"].Value;
        var b = m.Groups["b"].Value;
        var c = m.Groups["c"].Value;
        var sep = m.Groups["sep"].Value;
        if (a.Length == 4) return TryBuild(a, b, c, out day); // 2025/11/24
        if (c.Length != 4) return false; // two-digit years are too ambiguous in free text
        int ai = int.Parse(a, CultureInfo.InvariantCulture), bi = int.Parse(b, CultureInfo.InvariantCulture);
        // Day first for '.' and '-' (European), month first for '/' (US) unless the numbers forbid it.
        var dayFirst = sep != "/" || ai > 12;
        if (bi > 12) dayFirst = false;
        return dayFirst ? TryBuild(c, b, a, out day) : TryBuild(c, a, b, out day);
    }

    private static ParsedDate WithTime(string text, DateTime day, int start, int end)
    {
        var tm = TimeAfter().Match(text[end..]);
        var hasTime = false;
        var time = TimeSpan.Zero;
        // A bare number after a date is a time only with minutes or am/pm ("7:05", "7 p.m.").
        if (tm.Success && (tm.Groups["M"].Success || tm.Groups["ap"].Success))
        {
            var h = int.Parse(tm.Groups["H"].Value, CultureInfo.InvariantCulture);
            var min = tm.Groups["M"].Success ? int.Parse(tm.Groups["M"].Value, CultureInfo.InvariantCulture) : 0;
            var s = tm.Groups["S"].Success ? int.Parse(tm.Groups["S"].Value, CultureInfo.InvariantCulture) : 0;
            if (tm.Groups["ap"].Success)
            {
                var pm = char.ToLowerInvariant(tm.Groups["ap"].Value[0]) == 'p';
                if (h == 12) h = 0;
                if (pm) h += 12;
            }
            if (h < 24)
            {
                hasTime = true;
                time = new TimeSpan(h, min, s);
                end += tm.Length;
            }
        }
        TimeSpan? offset = null;
        if (hasTime && TryZone(text, end, out var z, out var zoneEnd))
        {
            offset = z;
            end = zoneEnd;
        }
        return new ParsedDate(new DateTimeOffset(day + time, offset ?? TimeSpan.Zero), hasTime, offset is not null, start, end);
    }

    private static bool TryZone(string text, int at, out TimeSpan offset, out int end)
    {
        offset = default;
        end = at;
        var m = ZoneAfter().Match(text[at..]);
        if (!m.Success) return false;
        if (m.Groups["abbr"].Success)
        {
            if (!Zones.Value.TryGetValue(m.Groups["abbr"].Value, out offset)) return false;
            if (m.Groups["sign"].Success)
            {
                var extra = new TimeSpan(int.Parse(m.Groups["oh"].Value, CultureInfo.InvariantCulture),
                    m.Groups["om"].Success ? int.Parse(m.Groups["om"].Value, CultureInfo.InvariantCulture) : 0, 0);
                offset += m.Groups["sign"].Value == "-" ? -extra : extra;
            }
        }
        else
        {
            var extra = new TimeSpan(int.Parse(m.Groups["oh2"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["om2"].Value, CultureInfo.InvariantCulture), 0);
            offset = m.Groups["sign2"].Value == "-" ? -extra : extra;
        }
        if (offset.Duration() > TimeSpan.FromHours(14)) return false;
        end = at + m.Length;
        return true;
    }

    private static bool TryBuild(string y, string m, string d, out DateTime day)
    {
        day = default;
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yi)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var mi)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var di)) return false;
        if (yi < 1900 || yi > 2199 || mi < 1 || mi > 12 || di < 1 || di > DateTime.DaysInMonth(yi, mi)) return false;
        day = new DateTime(yi, mi, di, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static TimeSpan ParseOffset(string s)
    {
        if (s is "Z" or "z") return TimeSpan.Zero;
        var sign = s[0] == '-' ? -1 : 1;
        var digits = s.TrimStart('+', '-').Replace(":", "", StringComparison.Ordinal);
        var h = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var m = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
        return sign * new TimeSpan(h, m, 0);
    }
}
