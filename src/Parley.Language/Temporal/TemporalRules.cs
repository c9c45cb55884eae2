using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Language.Temporal;

/// <summary>Kinds of words a sentence holds; a rule runs only on sentences that have the kinds it needs.</summary>
[Flags]
internal enum SentenceFeatures
{
    None = 0,
    Digits = 1,
    Months = 2,
    Weekdays = 4,
    Units = 8,
    Seasons = 16,
    DecadeWords = 32,
    NumberWords = 64,
}

/// <summary>One recognition rule: a pattern, how to resolve what it matched, and the words it cannot match without (any of them).</summary>
/// <param name="Name">The rule's name, recorded on what it resolves.</param>
/// <param name="Pattern">What the rule recognises.</param>
/// <param name="Resolve">Turns a match into a value, or null when it names no time.</param>
/// <param name="Needs">Kinds of temporal words a sentence must hold for the rule to be tried.</param>
/// <param name="Anchor">A pattern every match of the rule contains (its direction or base word), checked first: a cheap
/// search that spares the costly pattern the many sentences without it.</param>
internal sealed record TimeRule(string Name, Regex Pattern, Func<Match, ResolutionContext, ResolvedTime?> Resolve, SentenceFeatures Needs = SentenceFeatures.None,
    Regex? Anchor = null);

/// <summary>
/// The recognition rules. Each pattern is built from the lexicon's vocabulary; each resolver turns a
/// match into a TIMEX3 value against the reference day, reading ambiguous forms as news does: past
/// unless the sentence looks forward (see <see cref="TenseReading"/>).
/// </summary>
internal sealed partial class TemporalRules
{
    private readonly TemporalGrammar _g;
    private readonly TemporalLexicon _lex;

    public TemporalRules(TemporalGrammar grammar)
    {
        _g = grammar;
        _lex = grammar.Lexicon;
        Rules = BuildRules();
    }

    public IReadOnlyList<TimeRule> Rules { get; }

    private const string B = TemporalGrammar.B;

    /// <summary>Between a count and its unit: nothing after digits ("3h", "3-day"), else a space or a hyphen ("three weeks", "two-year"), never nothing after a word ("Ah" is not "a h").</summary>
    private const string UnitSep = "(?:(?<=\\d)\\s*-?\\s*|\\s*-\\s*|\\s+)";
    private const string E = TemporalGrammar.E;

    /// <summary>Modifiers that narrow a period without changing its value ("early 2025", "later this year", "the end of the month").</summary>
    private const string Mods = "(?<mod>(?:the\\s+)?(?:very\\s+)?(?:earlier|later|early|late|mid|middle|end|start|beginning|close|rest)(?:\\s+(?:of|in))?(?:\\s+the)?)";

    /// <summary>Prepositions that make a bare month or season a date ("in April", "since March").</summary>
    [GeneratedRegex("(?:^|\\W)(?:in|on|since|by|until|till|through|throughout|during|from|of|to|and|or|between|before|after|early|late|mid|last|next|this|that|each|every|until|as\\s+of)\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DatePreposition();

    [GeneratedRegex("^\\s+(?!(?:was|has|is|as|its|this|thus|us|yes|gas|status|plus|less|across|always|perhaps|whereas|news|sales|talks|days|weeks|months|years|decades)\\b)[a-z]+s\\b")]
    private static partial Regex FollowedByPluralNoun();

    [GeneratedRegex("(?:[$€£¥#§]|\\d[.,]?|\\bno\\.?|\\bnumber|\\babout|\\bsome|\\bnearly|\\bthan|\\bover|\\bunder|\\baround|\\balmost)\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PrecededByQuantity();

    private List<TimeRule> BuildRules()
    {
        var g = _g;
        var rules = new List<TimeRule>
        {
            new("iso-date", g.Build($"{B}(?<y>\\d{{4}})(?<s>[-/.])(?<m>\\d{{1,2}})\\k<s>(?<d>\\d{{1,2}})(?!\\d)"), (m, c) => AbsoluteDay(Int(m, "y"), Int(m, "m"), Int(m, "d"))),
            new("year-monthname-day", g.Build($"{B}{TemporalGrammar.Year("y")}\\s*[-/]\\s*{g.Month("m")}\\s*[-/]\\s*{TemporalGrammar.DayDigits("d")}"), (m, c) => AbsoluteDay(Year(m, c), MonthOf(m), DayOf(m, "d"))),
            new("numeric-date", g.Build($"(?<![\\w/.-])(?<a>\\d{{1,2}})(?<s>[/.-])(?<b>\\d{{1,2}})(?:\\k<s>|,\\s*)(?<y>\\d{{4}}|\\d{{2}})(?![\\d])"), NumericDate, SentenceFeatures.Digits),
            new("numeric-month-day", g.Build($"(?<![\\w/.-])(?:(?<=\\b(?:on|in)\\s+)(?<a>\\d{{1,2}})(?<s>[.-])(?<b>\\d{{1,2}})|(?<a>\\d{{1,2}})(?<s>/)(?<b>\\d{{1,2}}))(?![\\d/.-]?\\d)(?![%])"), NumericMonthDay, SentenceFeatures.Digits),
            new("month-day", g.Build($"{B}(?:{g.Weekday("wd")}\\s*,?\\s*)?(?:the\\s+)?{g.Month("m")}(?:\\s*[-/.]\\s*|\\s+(?:the\\s+)?|(?=\\d)|\\s*,\\s*(?=\\d{{1,2}}(?:st|nd|rd|th))){g.Day("d")}(?:\\s*,?\\s*(?:of\\s+)?(?:{TemporalGrammar.Year("y")}|(?<y>{g.NumberPhrase})))?"), MonthDay, SentenceFeatures.Months),
            new("day-month", g.Build($"{B}(?:{g.Weekday("wd")}\\s*,?\\s*)?(?:the\\s+)?(?:{TemporalGrammar.DayDigits("d")}\\.?|(?<d>{g.OrdinalDayWords}))\\s*(?:of\\s+|-\\s*)?{g.Month("m")}(?:\\s*,?\\s*(?:of\\s+)?(?:{TemporalGrammar.Year("y")}|(?<y>{g.NumberPhrase})))?"), MonthDay, SentenceFeatures.Months),
            // "Tuesday, the 2nd"; not "Tuesday, the second day of a visit", which counts days rather than naming one
            new("weekday-the-day", g.Build($"{B}{g.Weekday("wd")}\\s*,?\\s+the\\s+{g.Day("d")}(?![\\s-]+(?:{g.UnitNames})(?![a-z]))"), WeekdayTheDay, SentenceFeatures.Weekdays),
            new("weekday", g.Build($"{B}(?:(?<rel>last|next|this|coming|past|previous)\\s+)?(?:(?<wkrel>next|last|this)\\s+week\\s+(?:on\\s+)?)?{g.Weekday("wd")}(?:\\s*,?\\s+(?:of\\s+)?(?<wkrel2>next|last|this)\\s+week{E})?"), WeekdayRule, SentenceFeatures.Weekdays),
            new("day-word", g.Build($"{B}{g.DayPhrases}{E}"), DayWordRule),
            new("offset", g.Build($"{B}(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames})(?:\\s*,?\\s*(?:and\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames}))*\\s+(?<dir>{g.OffsetNames}){E}"), Offset, SentenceFeatures.Units,
                g.Build(g.OffsetNames)),
            new("duration", g.Build($"{B}(?:(?<q>more\\s+than|less\\s+than|at\\s+least|another|nearly|almost|about|around|some|up\\s+to)\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames})(?:\\s*,?\\s*(?:and\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames}))*{E}(?:\\s+and\\s+a\\s+half{E}|\\s+and\\s+half{E})?(?![\\s-]*old{E})"), Duration, SentenceFeatures.Units),
            new("whole-unit", g.Build($"{B}(?:all|full|whole|entire|the\\s+whole|the\\s+entire|an?\\s+entire|a\\s+full|another)[\\s-]+(?<u>day|week|month|year|business\\s+day|fortnight|hour){E}|{B}an?\\s+(?<u>fortnight){E}"), WholeUnit, SentenceFeatures.Units),
            new("half-unit", g.Build($"{B}(?:a\\s+)?half\\s+(?:an?\\s+)?(?<u>hour|day|week|month|year){E}"), HalfUnit, SentenceFeatures.Units),
            new("month", g.Build($"{B}(?:{Mods}[\\s-]+)?(?:(?<rel>this|last|next|past|previous|coming)\\s+)?{g.Month("m")}(?:\\s*,?\\s*(?:of\\s+)?(?:{TemporalGrammar.Year("y")}|(?<y>{g.NumberPhrase}))|\\s+(?:of\\s+)?(?<yrel>next|last|this)\\s+year)?{E}"), MonthRule, SentenceFeatures.Months),
            new("year-month", g.Build($"{B}{TemporalGrammar.Year("y")}\\s*,?\\s*{g.Month("m")}{E}"), MonthRule, SentenceFeatures.Months),
            new("numeric-year-month", g.Build($"{B}(?:(?<y>\\d{{4}})\\s*(?<s>[-/.])\\s*(?<mo>\\d{{1,2}})(?!\\s*[-/.]?\\s*\\d)|(?<mo>\\d{{1,2}})\\s*[-/]\\s*(?<y>\\d{{4}}))(?!\\d)"), NumericYearMonth, SentenceFeatures.Digits),
            new("year", g.Build($"{B}(?:{Mods}[\\s-]+)?{TemporalGrammar.Year("y")}(?!\\s*(?:%|percent|per\\s*cent|-\\w))"), YearRule, SentenceFeatures.Digits),
            new("year-words", g.Build($"{B}(?:(?<yr>year)\\s+(?<y>\\d{{1,4}}|{g.NumberPhrase})|(?<=\\b(?:in|of|since)\\s+)(?<y>{g.NumberPhrase})){E}"), YearWords, SentenceFeatures.Units | SentenceFeatures.NumberWords),
            new("year-range", g.Build($"{B}(?:(?<pre>from|between|in)\\s+)?{TemporalGrammar.Year("y")}\\s*(?:-|–|—|to|until|till|through|and)\\s*(?:{TemporalGrammar.Year("y2")}|(?<y2s>\\d{{2}})(?!\\d)){E}"), YearRange, SentenceFeatures.Digits),
            new("relative-unit", g.Build($"{B}(?:{Mods}\\s+)?(?<rel>{g.RelativeNames}|the|that|the\\s+same|same)\\s+(?<u>week|weekend|month|year|quarter|decade|century){E}(?:\\s+after\\s+(?:the\\s+)?(?<next2>next){E})?"), RelativeUnit, SentenceFeatures.Units),
            new("season", g.Build($"{B}(?:(?<rel>this|last|next|past|coming|the|that)\\s+)?(?:(?<mod>early|late|mid|the\\s+end\\s+of|end\\s+of)[\\s-]+(?:the\\s+)?)?(?<s>{g.SeasonNames})(?:\\s+(?:of\\s+)?(?:{TemporalGrammar.Year("y")}|(?<y>{g.NumberPhrase})))?{E}"), SeasonRule, SentenceFeatures.Seasons),
            new("quarter", g.Build($"{B}(?:(?<y>\\d{{4}})\\s*,?\\s*(?:the\\s+)?)?(?:the\\s+)?(?<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\\s-]+quarter(?:\\s+(?:of\\s+)?(?:(?<y>\\d{{4}})|(?<y>{g.NumberPhrase})|(?<yrel>this|next|last)\\s+year))?{E}"), QuarterRule, SentenceFeatures.Units),
            new("quarter-code", g.Build($"{B}(?:(?<y>\\d{{4}})\\s*)?(?<h>[QH])(?<q>[1-4])(?:\\s*(?<y>\\d{{4}})|\\s+(?<yrel>this|next|last)\\s+year)?{E}"), QuarterRule, SentenceFeatures.Digits),
            new("decade", g.Build($"{B}(?:the\\s+)?(?:(?<c>1\\d|20)(?<d>\\d)0|['’](?<d>\\d)0|(?<d>\\d)0)['’]?s{E}"), Decade, SentenceFeatures.Digits),
            new("century", g.Build($"{B}(?:the\\s+)?(?<o>\\d{{1,2}}(?:st|nd|rd|th)|{g.OrdinalDayWords})[\\s-]+century{E}"), Century, SentenceFeatures.Units),
            new("time", g.Build($"{B}(?<h>[01]?\\d|2[0-3])[:.](?<mi>[0-5]\\d)(?:\\s*(?<ap>[ap]\\.?m\\.?|[ap]m))?(?:\\s*\\(?(?<z>{g.ZoneNames})\\)?)?(?![\\w])|{B}(?<h>1[0-2]|0?[1-9])\\s*(?<ap>[ap]\\.m\\.|[ap]m(?!\\w))(?:\\s*(?<z>{g.ZoneNames})(?!\\w))?"), TimeOfDay, SentenceFeatures.Digits),
            new("ordinal-weekday", g.Build($"{B}(?:the\\s+)?(?<o>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\\s+{g.Weekday("wd")}(?:\\s+(?:of|in)\\s+(?:{g.Month("m")}(?:\\s*,?\\s*{TemporalGrammar.Year("y")})?|(?:the\\s+)?(?<mrel>this|next|last|previous|current|following|coming)\\s+month))?{E}"), OrdinalWeekday, SentenceFeatures.Weekdays),
            new("day-of-relative-month", g.Build($"{B}(?:the\\s+)?{g.OrdinalDay("d")}\\s+(?:of\\s+)?(?:the\\s+)?(?<mrel>this|next|last|previous|following|coming)\\s+month{E}"), DayOfRelativeMonth, SentenceFeatures.Units),
            new("offset-from", g.Build($"{B}(?:(?<q>more\\s+than|less\\s+than|within|at\\s+least)\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames})(?:\\s*,?\\s*(?:and\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames}))*\\s+(?<dir>from|after|before)\\s+(?<base>today|tomorrow|tmrw|yesterday|now){E}"), OffsetFrom, SentenceFeatures.Units,
                g.Build("(?:today|tomorrow|tmrw|yesterday|now)")),
            new("within", g.Build($"{B}within\\s+(?:the\\s+)?(?:(?<rel>next|upcoming|coming|following|past|last|previous)\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames})(?:\\s*,?\\s*(?:and\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames}))*{E}"), Within, SentenceFeatures.Units, g.Build("within")),
            new("in-count", g.Build($"{B}in\\s+(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames})(?:\\s*,?\\s*(?:and\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames}))*{E}"), InCount, SentenceFeatures.Units),
            new("counted-period", g.Build($"{B}(?:the\\s+)?(?<rel>next|past|last|previous|coming|upcoming|following)\\s+(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames})(?:\\s*,?\\s*(?:and\\s+)?(?<c>{g.Count}){UnitSep}(?<u>{g.UnitNames}))*{E}"), CountedPeriod, SentenceFeatures.Units),
            new("week-of", g.Build($"{B}(?:the\\s+)?(?<o>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\\s+week\\s+(?:of\\s+|in\\s+)?(?:(?<y>\\d{{4}})|(?<yrel>this|next|last)\\s+year|(?<mrel>this|next|last)\\s+month|{g.Month("m")}(?:\\s*,?\\s*{TemporalGrammar.Year("y")})?|(?<y>{g.NumberPhrase})){E}"), WeekOf, SentenceFeatures.Units),
            new("week-number", g.Build($"{B}(?:the\\s+)?week\\s+(?<n>5[0-3]|[1-4]\\d|0?[1-9])(?:\\s+(?:of\\s+)?{TemporalGrammar.Year("y")})?(?![\\w:.]\\d?)"), WeekNumber, SentenceFeatures.Units),
            new("weekend", g.Build($"{B}(?:(?<the>the|that)\\s+)?weekend{E}"), Weekend, SentenceFeatures.Units),
            new("decade-words", g.Build($"{B}(?:the\\s+)?(?:(?<cent>{g.CenturyNames})[\\s-]+)?(?<dec>{g.DecadeNames}){E}"), DecadeWords, SentenceFeatures.DecadeWords),
            new("day-to-month-day", g.Build($"{B}(?:from|between)\\s+(?:the\\s+)?{TemporalGrammar.DayDigits("d")}\\s*(?:-|–|to|till|until|through|and)\\s*{g.Month("m")}\\s*{TemporalGrammar.DayDigits("d2")}(?:\\s*,?\\s*{TemporalGrammar.Year("y")})?"), DayRange, SentenceFeatures.Months),
            new("year-range-words", g.Build($"{B}(?<pre>from|between)\\s+(?<y>{g.NumberPhrase})\\s+(?:to|until|till|through|and)\\s+(?<y2>{g.NumberPhrase}){E}"), YearRange, SentenceFeatures.NumberWords),
            new("day-of-month", g.Build($"{B}(?:(?<=\\bon\\s+)(?:the\\s+)?|the\\s+)(?<d>(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)){E}"), DayOfMonthOnly, SentenceFeatures.Digits),
            new("day-range", g.Build($"{B}(?:(?<pre>from|between)\\s+)?(?:the\\s+)?{TemporalGrammar.DayDigits("d")}\\s*(?:-|–|to|till|until|through|and)\\s*(?:the\\s+)?{TemporalGrammar.DayDigits("d2")}\\s+(?:of\\s+)?(?:{g.Month("m")}(?:\\s*,?\\s*(?:{TemporalGrammar.Year("y")}|(?<y>{g.NumberPhrase})))?|(?:in\\s+)?(?<rel>this|next|last)\\s+month){E}"), DayRange, SentenceFeatures.Digits),
            new("month-day-range", g.Build($"{B}(?:(?:from|between)\\s+)?(?:the\\s+)?{g.Month("m")}\\s+(?:between\\s+)?(?:the\\s+)?{TemporalGrammar.DayDigits("d")}\\s*(?:-|–|to|till|until|through|and)\\s*(?:the\\s+)?{TemporalGrammar.DayDigits("d2")}(?:\\s*,?\\s*(?:{TemporalGrammar.Year("y")}|(?<y>{g.NumberPhrase})))?"), DayRange, SentenceFeatures.Months),
        };
        return rules;
    }

    // ---------- helpers ----------

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private int MonthOf(Match m, string group = "m") => _lex.Months[m.Groups[group].Value.TrimEnd('.')];

    private int DayOf(Match m, string group) => NumberParser.DayOfMonth(m.Groups[group].Value, _lex) ?? 0;

    private int Year(Match m, ResolutionContext c, string group = "y") =>
        m.Groups[group].Success ? NumberParser.Year(m.Groups[group].Value, _lex, c.Reference.Year) ?? 0 : 0;

    /// <summary>"may", "march", "sun" are only names when capitalised (in mixed-case text).</summary>
    private bool NameShapeOk(Match m, ResolutionContext c, string group)
    {
        var gr = m.Groups[group];
        if (!gr.Success) return true;
        var word = gr.Value.TrimEnd('.');
        if (!_lex.CommonWords.Contains(word)) return true;
        return c.LowerCaseText || char.IsUpper(word[0]);
    }

    private static ResolvedTime Day(DateOnly d, string anchor, bool isExplicit) => new()
    {
        Value = TimexValue.Day(d), Granularity = TimeGranularity.Day, Anchor = anchor, Day = d, Year = d.Year, Explicit = isExplicit,
    };

    private static ResolvedTime? AbsoluteDay(int y, int mo, int d) =>
        CalendarMath.Date(y, mo, d) is { } date ? Day(date, "absolute", true) : null;

    private static ResolvedTime MonthValue(int year, int month, string anchor) => new()
    {
        Value = TimexValue.Month(year, month), Granularity = TimeGranularity.Month, Anchor = anchor, Year = year,
    };

    private static ResolvedTime YearValue(int year, string anchor) => new()
    {
        Value = TimexValue.Year(year), Granularity = TimeGranularity.Year, Anchor = anchor, Year = year,
    };

    private static string AnchorOf((DateOnly Day, int Sentence)? narrative) => narrative is { } n ? $"event:{n.Sentence}" : "publication";

    private static string AnchorOf((int Year, int Sentence)? narrative) => narrative is { } n ? $"event:{n.Sentence}" : "publication";

    // ---------- resolvers ----------

    private ResolvedTime? NumericDate(Match m, ResolutionContext c)
    {
        int a = Int(m, "a"), b = Int(m, "b");
        var yText = m.Groups["y"].Value;
        var y = NumberParser.Year(yText, _lex, c.Reference.Year) ?? 0;
        // Month first (as in US news) unless the first number cannot be a month.
        var (mo, d) = a > 12 ? (b, a) : (a, b);
        return AbsoluteDay(y, mo, d);
    }

    private ResolvedTime? NumericMonthDay(Match m, ResolutionContext c)
    {
        int a = Int(m, "a"), b = Int(m, "b");
        var (mo, d) = a > 12 ? (b, a) : (a, b);
        if (mo is < 1 or > 12 || d is < 1 or > 31) return null;
        var forward = c.Forward;
        return CalendarMath.MonthDay(c.Reference, mo, d, forward) is { } date ? Day(date, "publication", true) : null;
    }

    private ResolvedTime? MonthDay(Match m, ResolutionContext c)
    {
        if (!NameShapeOk(m, c, "m") || !NameShapeOk(m, c, "wd")) return null;
        var mo = MonthOf(m);
        var d = DayOf(m, "d");
        if (d == 0) return null;
        if (m.Groups["y"].Success)
        {
            var y = Year(m, c);
            return y > 0 ? AbsoluteDay(y, mo, d) : null;
        }
        if (m.Groups["wd"].Success)
        {
            // "Friday, January 13" without a year: the year near the reference in which that day is that weekday.
            var wd = _lex.Weekdays[m.Groups["wd"].Value.TrimEnd('.')];
            var fits = Enumerable.Range(c.Reference.Year - 6, 13)
                .Select(y => CalendarMath.Date(y, mo, d))
                .Where(x => x is { } date && CalendarMath.IsoDay(date) == wd)
                .Select(x => x!.Value)
                .OrderBy(x => Math.Abs(x.DayNumber - c.Reference.DayNumber)).ToList();
            if (fits.Count > 0) return Day(fits[0], "publication", true);
        }
        // "may one day", "March 2 miles": a common-word month with a number in words is not a date.
        if (_lex.CommonWords.Contains(m.Groups["m"].Value.TrimEnd('.')) && !char.IsDigit(m.Groups["d"].Value[0]) && !c.LowerCaseText) return null;
        return CalendarMath.MonthDay(c.Reference, mo, d, c.Forward) is { } date ? Day(date, "publication", true) : null;
    }

    private ResolvedTime? WeekdayTheDay(Match m, ResolutionContext c)
    {
        var wd = _lex.Weekdays[m.Groups["wd"].Value.TrimEnd('.')];
        var d = DayOf(m, "d");
        if (d == 0) return null;
        // The month nearest the reference in which that day of the month falls on that weekday.
        DateOnly? best = null;
        foreach (var k in new[] { 0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6 })
        {
            var first = new DateOnly(c.Reference.Year, c.Reference.Month, 1).AddMonths(k);
            if (CalendarMath.Date(first.Year, first.Month, d) is { } date && CalendarMath.IsoDay(date) == wd) { best = date; break; }
        }
        return best is { } b ? Day(b, "publication", true) : null;
    }

    private ResolvedTime? WeekdayRule(Match m, ResolutionContext c)
    {
        var word = m.Groups["wd"].Value.TrimEnd('.');
        var wd = _lex.Weekdays[word];
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var wkrel = (m.Groups["wkrel"].Success ? m.Groups["wkrel"].Value : m.Groups["wkrel2"].Value).ToLowerInvariant();
        if (_lex.CommonWords.Contains(word))
        {
            // "sun", "sat", "wed": only as a capitalised name after "on" or a relative word.
            if (!NameShapeOk(m, c, "wd") || (rel.Length == 0 && wkrel.Length == 0 && !c.Before.TrimEnd().EndsWith("on", StringComparison.OrdinalIgnoreCase))) return null;
        }
        DateOnly date;
        if (wkrel.Length > 0) date = CalendarMath.WeekdayInWeek(c.Reference, wd, wkrel switch { "next" => 1, "last" => -1, _ => 0 });
        else if (rel is "next") date = CalendarMath.WeekdayInWeek(c.Reference, wd, 1);
        else if (rel is "this") date = CalendarMath.WeekdayInWeek(c.Reference, wd, 0);
        else if (rel is "coming") date = CalendarMath.Weekday(c.Reference.AddDays(1), wd, forward: true);
        else if (rel is "last" or "past" or "previous") date = CalendarMath.Weekday(c.Reference.AddDays(-1), wd, forward: false);
        else date = CalendarMath.Weekday(c.Reference, wd, c.Forward);
        return Day(date, "publication", false);
    }

    private ResolvedTime? DayWordRule(Match m, ResolutionContext c)
    {
        var word = _lex.DayWords[TemporalLexicon.Key(m.Value)];
        if (word.Narrative)
        {
            var n = c.NarrativeDay() ?? c.AnaphoricDay();
            var anchor = n?.Day ?? c.Reference;
            return Day(anchor.AddDays(word.Offset), AnchorOf(n), false);
        }
        return Day(c.Reference.AddDays(word.Offset), "publication", false);
    }

    private IEnumerable<(double Count, string Unit)> Components(Match m)
    {
        var counts = m.Groups["c"].Captures;
        var units = m.Groups["u"].Captures;
        for (var i = 0; i < counts.Count && i < units.Count; i++)
        {
            var count = NumberParser.Count(counts[i].Value, _lex);
            if (count is null) yield break;
            yield return (count.Value, _lex.Units[TemporalLexicon.Key(units[i].Value)].Unit);
        }
    }

    private static TimeGranularity GranularityOf(string unit) => unit switch
    {
        "day" or "businessday" => TimeGranularity.Day,
        "week" or "fortnight" => TimeGranularity.Week,
        "month" => TimeGranularity.Month,
        "quarter" => TimeGranularity.Quarter,
        "year" => TimeGranularity.Year,
        "decade" or "century" => TimeGranularity.Decade,
        _ => TimeGranularity.DateTime,
    };

    private ResolvedTime? Offset(Match m, ResolutionContext c)
    {
        var dir = _lex.OffsetDirections[TemporalLexicon.Key(m.Groups["dir"].Value)];
        if (dir.Standalone && !Regex.IsMatch(c.After, "^\\s*(?:[,.;:!?)—–-]|$|that\\b|then\\b)")) return null;
        var parts = Components(m).ToList();
        if (parts.Count == 0 || parts.Count != m.Groups["c"].Captures.Count) return null;
        if (dir.Period)
        {
            // "two days hence", "four weeks in the future": the span from the day after the reference.
            var from = c.Reference.AddDays(1);
            if (AddParts(from, parts, 1) is not { } to) return null;
            return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Day(from), EndValue = TimexValue.Day(to), Granularity = TimeGranularity.Day, Anchor = "publication", Day = from, Year = from.Year };
        }
        (DateOnly Day, int Sentence)? narrative = dir.Narrative ? c.NarrativeDay() : null;
        // "approved it last month, and signed it two days later": with only a month to count days from, the
        // month is the answer (counting from the publication day would put a past act in the future)
        if (dir.Narrative && narrative is null && parts.All(p => GranularityOf(p.Unit) is TimeGranularity.Day or TimeGranularity.Week)
            && c.NarrativeMonth() is { } month)
            return MonthValue(month.Month.Year, month.Month.Month, $"event:{month.Sentence}");
        var day = narrative?.Day ?? c.Reference;
        var sign = dir.Future ? 1 : -1;
        foreach (var (count, unit) in parts)
        {
            if (GranularityOf(unit) == TimeGranularity.DateTime) return null;
            if (CalendarMath.Add(day, unit, sign * count) is not { } next) return null;
            day = next;
        }
        var finest = parts.Select(p => GranularityOf(p.Unit)).Min();
        SnapRequest? snap = null;
        if (parts.Count == 1 && _lex.SnapTolerances.TryGetValue(parts[0].Unit, out var tol))
            snap = new SnapRequest(day, (int)Math.Min(tol.CapDays, Math.Round(parts[0].Count * tol.DaysPerCount)));
        return new ResolvedTime
        {
            Value = TimexValue.Day(day), Granularity = finest, Anchor = AnchorOf(narrative), Day = day, Year = day.Year, Snap = snap,
        };
    }

    private static string DurationValue(IEnumerable<(double Count, string Unit)> parts)
    {
        var date = new List<(int Order, string Text)>();
        var time = new List<(int Order, string Text)>();
        foreach (var (count, unit) in parts)
        {
            var (n, letter, order, isTime) = unit switch
            {
                "year" => (count, "Y", 0, false),
                "decade" => (count * 10, "Y", 0, false),
                "century" => (count * 100, "Y", 0, false),
                "quarter" => (count * 3, "M", 1, false),
                "month" => (count, "M", 1, false),
                "week" => (count, "W", 2, false),
                "fortnight" => (count * 2, "W", 2, false),
                "day" => (count, "D", 3, false),
                "businessday" => (count, "BD", 3, false),
                "hour" => (count, "H", 4, true),
                "minute" => (count, "M", 5, true),
                _ => (count, "S", 6, true),
            };
            (isTime ? time : date).Add((order, n.ToString(CultureInfo.InvariantCulture) + letter));
        }
        var value = "P" + string.Concat(date.OrderBy(p => p.Order).Select(p => p.Text));
        if (time.Count > 0) value += "T" + string.Concat(time.OrderBy(p => p.Order).Select(p => p.Text));
        return value;
    }

    private ResolvedTime? Duration(Match m, ResolutionContext c)
    {
        var parts = Components(m).ToList();
        if (parts.Count == 0 || parts.Count != m.Groups["c"].Captures.Count) return null;
        var countText = TemporalLexicon.Key(m.Groups["c"].Captures[0].Value);
        // "a second time", "one day": a lone article or "one" before "day"/"second" is rarely a length of time.
        if (parts.Count == 1 && countText is "a" or "an" or "one" && parts[0].Unit is "second" or "day" && !c.After.TrimStart().StartsWith("and", StringComparison.Ordinal)
            && !Regex.IsMatch(c.Before, "(?:for|within|in|over|after|than|about|of|lasting|another)\\s*$", RegexOptions.IgnoreCase)) return null;
        if (m.Value.EndsWith("half", StringComparison.OrdinalIgnoreCase) && parts.Count == 1) parts[0] = (parts[0].Count + 0.5, parts[0].Unit);
        return new ResolvedTime { Kind = TimeKind.Duration, Value = DurationValue(parts), Granularity = GranularityOf(parts[^1].Unit), Anchor = "absolute" };
    }

    private ResolvedTime? WholeUnit(Match m, ResolutionContext c)
    {
        var unit = _lex.Units[TemporalLexicon.Key(m.Groups["u"].Value)].Unit;
        return new ResolvedTime { Kind = TimeKind.Duration, Value = DurationValue([(1, unit)]), Granularity = GranularityOf(unit), Anchor = "absolute" };
    }

    private ResolvedTime? HalfUnit(Match m, ResolutionContext c)
    {
        var unit = _lex.Units[TemporalLexicon.Key(m.Groups["u"].Value)].Unit;
        return new ResolvedTime { Kind = TimeKind.Duration, Value = DurationValue([(0.5, unit)]), Granularity = GranularityOf(unit), Anchor = "absolute" };
    }

    private ResolvedTime? MonthRule(Match m, ResolutionContext c)
    {
        if (!NameShapeOk(m, c, "m")) return null;
        var word = m.Groups["m"].Value.TrimEnd('.');
        var mo = _lex.Months[word];
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var hasYear = m.Groups["y"].Success || m.Groups["yrel"].Success;
        // A bare month that is also a common word ("may", "march") needs a date preposition or a modifier.
        if (!hasYear && rel.Length == 0 && !m.Groups["mod"].Success && _lex.CommonWords.Contains(word) && !DatePreposition().IsMatch(c.Before)) return null;
        // Abbreviations alone ("Jan", "Dec") are too weak without a year or a preposition.
        if (!hasYear && rel.Length == 0 && word.Length <= 4 && !DatePreposition().IsMatch(c.Before)) return null;
        if (m.Groups["y"].Success)
        {
            var y = Year(m, c);
            return y > 0 ? MonthValue(y, mo, "absolute") : null;
        }
        if (m.Groups["yrel"].Success)
        {
            var off = m.Groups["yrel"].Value.ToLowerInvariant() switch { "next" => 1, "last" => -1, _ => 0 };
            return MonthValue(c.Reference.Year + off, mo, "publication");
        }
        int year = rel switch
        {
            "this" => c.Reference.Year,
            "next" or "coming" => mo > c.Reference.Month ? c.Reference.Year : c.Reference.Year + 1,
            "last" or "past" or "previous" => mo < c.Reference.Month ? c.Reference.Year : c.Reference.Year - 1,
            _ => CalendarMath.MonthYear(c.Reference, mo, c.Forward),
        };
        return MonthValue(year, mo, "publication");
    }

    private ResolvedTime? NumericYearMonth(Match m, ResolutionContext c)
    {
        var y = Int(m, "y");
        var mo = Int(m, "mo");
        if (mo is < 1 or > 12 || y is < 1000 or > 2100) return null;
        return MonthValue(y, mo, "absolute");
    }

    private ResolvedTime? YearRule(Match m, ResolutionContext c)
    {
        var text = m.Groups["y"].Value;
        if (!char.IsDigit(text[0]) && !m.Groups["mod"].Success && !DatePreposition().IsMatch(c.Before)) return null;
        var y = Year(m, c);
        if (y is < 1000 or > 2100) return null;
        if (!m.Groups["mod"].Success && !DatePreposition().IsMatch(c.Before))
        {
            // "2000 troops", "about 1500 people": a number, not a year.
            if (PrecededByQuantity().IsMatch(c.Before) || FollowedByPluralNoun().IsMatch(c.After)) return null;
        }
        return YearValue(y, "absolute");
    }

    private ResolvedTime? YearWords(Match m, ResolutionContext c)
    {
        var y = NumberParser.Year(m.Groups["y"].Value, _lex, c.Reference.Year);
        if (y is null && m.Groups["yr"].Success && int.TryParse(m.Groups["y"].Value, out var digits)) y = digits;
        if (y is not { } year || year < 1 || year > 2100) return null;
        // Without the word "year", only a reading as a year with two parts or "thousand" counts ("in nineteen ninety").
        if (!m.Groups["yr"].Success && year < 1000) return null;
        return YearValue(year, "absolute");
    }

    private ResolvedTime? YearRange(Match m, ResolutionContext c)
    {
        var y1 = Year(m, c);
        var y2 = m.Groups["y2"].Success ? Year(m, c, "y2") : y1 / 100 * 100 + Int(m, "y2s");
        if (y1 < 1000 || y2 <= y1 || y2 > 2100) return null;
        // "between 2014 and 2018" needs "between"; a bare "2014 and 2018" is two years.
        var joiner = m.Value[(m.Groups["y"].Index - m.Index + m.Groups["y"].Length)..].TrimStart();
        if (joiner.StartsWith("and", StringComparison.OrdinalIgnoreCase) && !m.Groups["pre"].Value.Equals("between", StringComparison.OrdinalIgnoreCase)) return null;
        return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Year(y1), EndValue = TimexValue.Year(y2), Granularity = TimeGranularity.Year, Anchor = "absolute", Year = y1 };
    }

    private ResolvedTime? RelativeUnit(Match m, ResolutionContext c)
    {
        var relText = TemporalLexicon.Key(m.Groups["rel"].Value);
        var unit = m.Groups["u"].Value.ToLowerInvariant();
        var hasMod = m.Groups["mod"].Success;
        int offset;
        var anaphoric = relText is "the" or "that" or "the same" or "same";
        if (anaphoric)
        {
            // "the year" alone is vague; "later in the year", "the end of the month", "that week", "the year after next" are dates.
            if (!hasMod && !m.Groups["next2"].Success && relText == "the") return null;
            offset = m.Groups["next2"].Success ? 2 : 0;
        }
        else
        {
            if (!_lex.RelativeWords.TryGetValue(relText, out offset)) return null;
            if (m.Groups["next2"].Success) offset += 1;
            // "over the past year", "in the last month": the span up to the reference, not the calendar unit before.
            if (relText is "the past" or "the last" && !hasMod && unit is "week" or "month" or "year" or "decade" or "quarter")
            {
                var from = CalendarMath.Add(c.Reference, unit, -1);
                if (from is null) return null;
                return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Day(from.Value), EndValue = TimexValue.Day(c.Reference), Granularity = TimeGranularity.Day, Anchor = "publication", Day = from, Year = from.Value.Year };
            }
        }
        // Anaphoric units take the narrative's time when one is in scope ("later in the year" after "in April" 2026).
        var reference = c.Reference;
        var anchor = "publication";
        // "the following week", "the preceding month": counted from the narrative's day, like the anaphoric units
        var narrativeWord = !anaphoric && _lex.NarrativeRelativeWords.Contains(relText) && !hasMod;
        if (narrativeWord && unit is not ("year" or "decade" or "century") && c.NarrativeDay() is { } fd)
        {
            reference = fd.Day;
            anchor = $"event:{fd.Sentence}";
        }
        else if (anaphoric && !m.Groups["next2"].Success)
        {
            if (unit is "year" or "decade" or "century")
            {
                if (c.NarrativeYear() is { } ny)
                {
                    reference = new DateOnly(ny.Year, 1, 1);
                    anchor = $"event:{ny.Sentence}";
                }
            }
            else if (c.NarrativeDay() is { } nd)
            {
                reference = nd.Day;
                anchor = $"event:{nd.Sentence}";
            }
        }
        if (hasMod && m.Groups["mod"].Value.TrimStart().StartsWith("rest", StringComparison.OrdinalIgnoreCase)
            || hasMod && m.Groups["mod"].Value.StartsWith("the rest", StringComparison.OrdinalIgnoreCase))
        {
            // "the rest of the week": from the reference day to the period's last day.
            DateOnly last;
            switch (unit)
            {
                case "week": last = TimexValue.WeekStart(reference.AddDays(7 * offset)).AddDays(6); break;
                case "month": last = new DateOnly(reference.Year, reference.Month, 1).AddMonths(offset + 1).AddDays(-1); break;
                case "year": last = new DateOnly(reference.Year + offset, 12, 31); break;
                default: return null;
            }
            return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Day(reference), EndValue = TimexValue.Day(last), Granularity = TimeGranularity.Day, Anchor = anchor, Day = reference, Year = reference.Year };
        }
        // Only "last week", "next month"... may snap to the one date stated inside them; "this month",
        // "earlier in the month" name the reference's own period, whose stated dates are other events.
        var periodSnap = !anaphoric && offset != 0 && !hasMod;
        ResolvedTime result;
        switch (unit)
        {
            case "week":
            case "weekend":
            {
                var d = reference.AddDays(7 * offset);
                var value = TimexValue.Week(d) + (unit == "weekend" ? "-WE" : "");
                var start = TimexValue.WeekStart(d);
                result = new ResolvedTime { Value = value, Granularity = TimeGranularity.Week, Anchor = anchor, Year = d.Year, Snap = periodSnap ? new SnapRequest(start, 0, start, start.AddDays(7)) : null };
                break;
            }
            case "month":
            {
                var d = new DateOnly(reference.Year, reference.Month, 1).AddMonths(offset);
                result = MonthValue(d.Year, d.Month, anchor);
                result = new ResolvedTime { Value = result.Value, Granularity = result.Granularity, Anchor = anchor, Year = d.Year, Snap = periodSnap ? new SnapRequest(d, 0, d, d.AddMonths(1)) : null };
                break;
            }
            case "quarter":
            {
                var q0 = (reference.Month - 1) / 3 + offset;
                var y = reference.Year + (int)Math.Floor(q0 / 4.0);
                var q = ((q0 % 4) + 4) % 4 + 1;
                result = new ResolvedTime { Value = $"{TimexValue.Year(y)}-Q{q}", Granularity = TimeGranularity.Quarter, Anchor = anchor, Year = y };
                break;
            }
            case "year":
                result = YearValue(reference.Year + offset, anchor);
                break;
            case "decade":
            {
                var start = (reference.Year / 10 + offset) * 10;
                result = new ResolvedTime { Value = (start / 10).ToString("000", CultureInfo.InvariantCulture), Granularity = TimeGranularity.Decade, Anchor = anchor };
                break;
            }
            default:
            {
                var cent = (reference.Year / 100) + offset;
                result = new ResolvedTime { Value = cent.ToString("00", CultureInfo.InvariantCulture), Granularity = TimeGranularity.Decade, Anchor = anchor };
                break;
            }
        }
        return result;
    }

    private ResolvedTime? SeasonRule(Match m, ResolutionContext c)
    {
        var word = m.Groups["s"].Value.ToLowerInvariant();
        var season = _lex.Seasons[word];
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        // "fall" is a verb more often than a season: only with a year or a determiner.
        if (word == "fall" && !m.Groups["y"].Success && rel.Length == 0) return null;
        if (rel.Length == 0 && !m.Groups["y"].Success && !m.Groups["mod"].Success && !DatePreposition().IsMatch(c.Before)
            && !Regex.IsMatch(c.Before, "(?:^|\\s)(?:the|this|that|next|last)?\\s*$", RegexOptions.IgnoreCase)) return null;
        int year;
        var anchor = "publication";
        if (m.Groups["y"].Success)
        {
            year = Year(m, c);
            if (year <= 0) return null;
            anchor = "absolute";
        }
        else
        {
            // The season's year is the year it starts in; "this summer" is the reference year's.
            var startThisYear = new DateOnly(c.Reference.Year, season.StartMonth, 1);
            var current = c.Reference >= startThisYear ? c.Reference.Year : c.Reference.Year - 1;
            year = rel switch
            {
                "this" => season.Code == "WI" && c.Reference.Month < 3 ? c.Reference.Year - 1 : c.Reference.Year,
                "next" or "coming" => c.Reference < startThisYear ? c.Reference.Year : c.Reference.Year + 1,
                "last" or "past" => current - (c.Reference < startThisYear.AddMonths(3) && c.Reference >= startThisYear ? 1 : 0),
                _ => c.Forward ? (c.Reference < startThisYear.AddMonths(3) ? c.Reference.Year : c.Reference.Year + 1) : current,
            };
        }
        return new ResolvedTime { Value = $"{TimexValue.Year(year)}-{season.Code}", Granularity = TimeGranularity.Season, Anchor = anchor, Year = year };
    }

    private ResolvedTime? QuarterRule(Match m, ResolutionContext c)
    {
        var qText = m.Groups["q"].Value.ToLowerInvariant();
        var half = m.Groups["h"].Success && m.Groups["h"].Value.Equals("H", StringComparison.OrdinalIgnoreCase);
        var q = qText switch
        {
            "first" or "1st" or "1" => 1,
            "second" or "2nd" or "2" => 2,
            "third" or "3rd" or "3" => 3,
            "fourth" or "4th" or "final" or "4" => 4,
            _ => 0,
        };
        if (q == 0 || (half && q > 2)) return null;
        int year;
        var anchor = "absolute";
        if (m.Groups["y"].Success)
        {
            var ys = m.Groups["y"].Captures[^1].Value;
            year = NumberParser.Year(ys, _lex, c.Reference.Year) ?? 0;
            if (year <= 0) return null;
        }
        else if (m.Groups["yrel"].Success)
        {
            year = c.Reference.Year + m.Groups["yrel"].Value.ToLowerInvariant() switch { "next" => 1, "last" => -1, _ => 0 };
            anchor = "publication";
        }
        else
        {
            // Without a year: the most recent such quarter that has begun, or the next one when the sentence looks forward.
            var startMonth = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
            var started = c.Reference.Month >= startMonth;
            year = c.Forward ? (started && c.Reference.Month < startMonth + (half ? 6 : 3) ? c.Reference.Year : (started ? c.Reference.Year + 1 : c.Reference.Year))
                             : (started ? c.Reference.Year : c.Reference.Year - 1);
            anchor = "publication";
        }
        return new ResolvedTime
        {
            Value = $"{TimexValue.Year(year)}-{(half ? "H" : "Q")}{q}", Granularity = half ? TimeGranularity.Unknown : TimeGranularity.Quarter, Anchor = anchor, Year = year,
        };
    }

    private ResolvedTime? Decade(Match m, ResolutionContext c)
    {
        var d = Int(m, "d");
        int decadeStart;
        var anchor = "absolute";
        if (m.Groups["c"].Success) decadeStart = Int(m, "c") * 100 + d * 10;
        else
        {
            // "the '90s": the most recent such decade that has begun by the reference (news looks back).
            decadeStart = c.Reference.Year / 100 * 100 + d * 10;
            if (decadeStart > c.Reference.Year) decadeStart -= 100;
            anchor = "publication";
        }
        return new ResolvedTime { Value = (decadeStart / 10).ToString("000", CultureInfo.InvariantCulture), Granularity = TimeGranularity.Decade, Anchor = anchor };
    }

    private ResolvedTime? Century(Match m, ResolutionContext c)
    {
        var n = NumberParser.DayOfMonth(m.Groups["o"].Value, _lex);
        if (n is null or > 21) return null;
        return new ResolvedTime { Value = (n.Value - 1).ToString("00", CultureInfo.InvariantCulture), Granularity = TimeGranularity.Decade, Anchor = "absolute" };
    }

    private ResolvedTime? TimeOfDay(Match m, ResolutionContext c)
    {
        var h = Int(m, "h");
        var mi = m.Groups["mi"].Success ? Int(m, "mi") : 0;
        var ap = m.Groups["ap"].Value.ToLowerInvariant().Replace(".", "");
        // "3.5" or "1.20" without a clock cue is a number, not a time.
        if (m.Groups["mi"].Success && m.Value.Contains('.') && ap.Length == 0 && !m.Groups["z"].Success) return null;
        if (ap == "pm" && h < 12) h += 12;
        if (ap == "am" && h == 12) h = 0;
        // The day is the one just before in the sentence ("November 24th, 2025 - 07:05 GMT"), else the reference.
        var day = c.Reference;
        var anchor = "publication";
        if (c.Earlier.Count > 0 && c.Earlier[^1] is { SentenceIndex: var si, Day: { } d, Granularity: TimeGranularity.Day } prev && si == c.SentenceIndex)
        {
            day = d;
            anchor = prev.Anchor;
        }
        var zone = m.Groups["z"].Success ? _lex.TimeZones[m.Groups["z"].Value] : "";
        return new ResolvedTime
        {
            Value = $"{TimexValue.Day(day)}T{h:00}:{mi:00}{zone}", Granularity = TimeGranularity.DateTime, Anchor = anchor, Day = day, Year = day.Year,
        };
    }

    private ResolvedTime? DayRange(Match m, ResolutionContext c)
    {
        int d1 = DayOf(m, "d"), d2 = DayOf(m, "d2");
        if (d1 == 0 || d2 == 0 || d2 <= d1) return null;
        int year, month;
        var anchor = "absolute";
        if (m.Groups["m"].Success)
        {
            if (!NameShapeOk(m, c, "m")) return null;
            month = MonthOf(m);
            if (m.Groups["y"].Success) year = Year(m, c);
            else
            {
                year = CalendarMath.MonthDay(c.Reference, month, d1, c.Forward)?.Year ?? c.Reference.Year;
                anchor = "publication";
            }
        }
        else
        {
            var first = new DateOnly(c.Reference.Year, c.Reference.Month, 1).AddMonths(m.Groups["rel"].Value.ToLowerInvariant() switch { "next" => 1, "last" => -1, _ => 0 });
            (year, month) = (first.Year, first.Month);
            anchor = "publication";
        }
        if (CalendarMath.Date(year, month, d1) is not { } start || CalendarMath.Date(year, month, d2) is not { } end) return null;
        return new ResolvedTime
        {
            Kind = TimeKind.Range, Value = TimexValue.Day(start), EndValue = TimexValue.Day(end), Granularity = TimeGranularity.Day, Anchor = anchor, Day = start, Year = year, Explicit = false,
        };
    }

    private static int MonthOffset(string rel) => rel.ToLowerInvariant() switch
    {
        "next" or "following" or "coming" => 1,
        "last" or "previous" => -1,
        _ => 0,
    };

    private ResolvedTime? OrdinalWeekday(Match m, ResolutionContext c)
    {
        var o = m.Groups["o"].Value.ToLowerInvariant();
        var hasMonth = m.Groups["m"].Success || m.Groups["mrel"].Success;
        // "last Friday" is the weekday rule's; "last Friday of March" is this one's.
        if (o == "last" && !hasMonth) return null;
        var wd = _lex.Weekdays[m.Groups["wd"].Value.TrimEnd('.')];
        int year, month;
        var anchor = "publication";
        if (m.Groups["m"].Success)
        {
            month = MonthOf(m);
            if (m.Groups["y"].Success) { year = Year(m, c); anchor = "absolute"; }
            else year = CalendarMath.MonthYear(c.Reference, month, c.Forward);
        }
        else
        {
            var first = new DateOnly(c.Reference.Year, c.Reference.Month, 1).AddMonths(MonthOffset(m.Groups["mrel"].Value));
            (year, month) = (first.Year, first.Month);
        }
        if (year <= 0) return null;
        DateOnly date;
        if (o == "last")
        {
            date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            while (CalendarMath.IsoDay(date) != wd) date = date.AddDays(-1);
        }
        else
        {
            var n = o switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, "fourth" or "4th" => 4, _ => 5 };
            date = new DateOnly(year, month, 1);
            while (CalendarMath.IsoDay(date) != wd) date = date.AddDays(1);
            date = date.AddDays(7 * (n - 1));
            if (date.Month != month) return null;
        }
        return Day(date, anchor, false);
    }

    private ResolvedTime? DayOfRelativeMonth(Match m, ResolutionContext c)
    {
        var first = new DateOnly(c.Reference.Year, c.Reference.Month, 1).AddMonths(MonthOffset(m.Groups["mrel"].Value));
        return CalendarMath.Date(first.Year, first.Month, DayOf(m, "d")) is { } d ? Day(d, "publication", true) : null;
    }

    /// <summary>Adds counted units to a day; business days skip Saturdays and Sundays.</summary>
    private static DateOnly? AddParts(DateOnly day, IEnumerable<(double Count, string Unit)> parts, int sign)
    {
        foreach (var (count, unit) in parts)
        {
            if (GranularityOf(unit) == TimeGranularity.DateTime) return null;
            if (unit == "businessday")
            {
                var left = (int)count;
                while (left > 0)
                {
                    day = day.AddDays(sign);
                    if (CalendarMath.IsoDay(day) <= 5) left--;
                }
                continue;
            }
            if (CalendarMath.Add(day, unit, sign * count) is not { } next) return null;
            day = next;
        }
        return day;
    }

    private ResolvedTime? OffsetFrom(Match m, ResolutionContext c)
    {
        var parts = Components(m).ToList();
        if (parts.Count == 0 || parts.Count != m.Groups["c"].Captures.Count) return null;
        var baseDay = c.Reference.AddDays(m.Groups["base"].Value.ToLowerInvariant() switch { "tomorrow" or "tmrw" => 1, "yesterday" => -1, _ => 0 });
        var sign = m.Groups["dir"].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        if (AddParts(baseDay, parts, sign) is not { } point) return null;
        var q = TemporalLexicon.Key(m.Groups["q"].Value);
        var finest = parts.Select(p => GranularityOf(p.Unit)).Min();
        if (q is "less than" or "within")
        {
            var (from, to) = sign > 0 ? (baseDay, point) : (point, baseDay);
            return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Day(from), EndValue = TimexValue.Day(to), Granularity = TimeGranularity.Day, Anchor = "publication", Day = from, Year = from.Year };
        }
        return new ResolvedTime { Value = TimexValue.Day(point), Granularity = finest, Anchor = "publication", Day = point, Year = point.Year };
    }

    private ResolvedTime? Within(Match m, ResolutionContext c)
    {
        var parts = Components(m).ToList();
        if (parts.Count == 0 || parts.Count != m.Groups["c"].Captures.Count) return null;
        var rel = m.Groups["rel"].Value.ToLowerInvariant();
        var past = rel is "past" or "last" or "previous";
        // "within three days" in a past sentence is a length of time ("it collapsed within three days").
        if (!past && rel.Length == 0 && !c.Forward) return null;
        if (AddParts(c.Reference, parts, past ? -1 : 1) is not { } point) return null;
        var (from, to) = past ? (point, c.Reference) : (c.Reference, point);
        return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Day(from), EndValue = TimexValue.Day(to), Granularity = TimeGranularity.Day, Anchor = "publication", Day = from, Year = from.Year };
    }

    private ResolvedTime? InCount(Match m, ResolutionContext c)
    {
        // "will meet in three weeks" is a date; "the largest protest in three weeks" is a length of time (the duration rule's).
        if (!c.Forward) return null;
        var parts = Components(m).ToList();
        if (parts.Count == 0 || parts.Count != m.Groups["c"].Captures.Count) return null;
        if (AddParts(c.Reference, parts, 1) is not { } point) return null;
        return new ResolvedTime { Value = TimexValue.Day(point), Granularity = parts.Select(p => GranularityOf(p.Unit)).Min(), Anchor = "publication", Day = point, Year = point.Year };
    }

    private ResolvedTime? CountedPeriod(Match m, ResolutionContext c)
    {
        var parts = Components(m).ToList();
        if (parts.Count == 0 || parts.Count != m.Groups["c"].Captures.Count) return null;
        // "the last one", "next two": a lone article is not a count here.
        if (TemporalLexicon.Key(m.Groups["c"].Captures[0].Value) is "a" or "an") return null;
        var future = m.Groups["rel"].Value.ToLowerInvariant() is "next" or "coming" or "upcoming" or "following";
        DateOnly from, to;
        if (parts.Count == 1 && parts[0].Unit is "decade" or "century")
        {
            // Decades and centuries are counted in calendar units: "the past two decades" in 2016 = 1990-2010.
            var size = parts[0].Unit == "decade" ? 10 : 100;
            var current = c.Reference.Year / size * size;
            var n = (int)parts[0].Count;
            (from, to) = future ? (new DateOnly(current + size, 1, 1), new DateOnly(current + size * (n + 1), 1, 1))
                                : (new DateOnly(current - size * n, 1, 1), new DateOnly(current, 1, 1));
        }
        else if (future)
        {
            from = c.Reference.AddDays(1);
            if (AddParts(from, parts, 1) is not { } end) return null;
            to = end;
        }
        else
        {
            if (AddParts(c.Reference, parts, -1) is not { } start) return null;
            (from, to) = (start, c.Reference);
        }
        return new ResolvedTime { Kind = TimeKind.Range, Value = TimexValue.Day(from), EndValue = TimexValue.Day(to), Granularity = TimeGranularity.Day, Anchor = "publication", Day = from, Year = from.Year };
    }

    private ResolvedTime? WeekOf(Match m, ResolutionContext c)
    {
        var o = m.Groups["o"].Value.ToLowerInvariant();
        var last = o is "last" or "final";
        var n = o switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, "fourth" or "4th" => 4, "fifth" or "5th" => 5, _ => 0 };
        if (m.Groups["m"].Success || m.Groups["mrel"].Success)
        {
            int year, month;
            if (m.Groups["m"].Success)
            {
                month = MonthOf(m);
                year = m.Groups["y"].Success ? Year(m, c) : CalendarMath.MonthYear(c.Reference, month, c.Forward);
            }
            else
            {
                var first = new DateOnly(c.Reference.Year, c.Reference.Month, 1).AddMonths(MonthOffset(m.Groups["mrel"].Value));
                (year, month) = (first.Year, first.Month);
            }
            if (year <= 0) return null;
            var weeks = (DateTime.DaysInMonth(year, month) + 6) / 7;
            return new ResolvedTime { Value = $"{TimexValue.Month(year, month)}-W{(last ? weeks : n):00}", Granularity = TimeGranularity.Week, Anchor = "publication", Year = year };
        }
        int y;
        var anchor = "absolute";
        if (m.Groups["yrel"].Success) { y = c.Reference.Year + MonthOffset(m.Groups["yrel"].Value); anchor = "publication"; }
        else y = Year(m, c);
        if (y < 1000) return null;
        var week = last ? System.Globalization.ISOWeek.GetWeeksInYear(y) : n;
        return new ResolvedTime { Value = $"{TimexValue.Year(y)}-W{week:00}", Granularity = TimeGranularity.Week, Anchor = anchor, Year = y };
    }

    private ResolvedTime? WeekNumber(Match m, ResolutionContext c)
    {
        var n = Int(m, "n");
        var y = m.Groups["y"].Success ? Year(m, c) : c.Reference.Year;
        if (n > System.Globalization.ISOWeek.GetWeeksInYear(y)) return null;
        return new ResolvedTime { Value = $"{TimexValue.Year(y)}-W{n:00}", Granularity = TimeGranularity.Week, Anchor = m.Groups["y"].Success ? "absolute" : "publication", Year = y };
    }

    private ResolvedTime? Weekend(Match m, ResolutionContext c)
    {
        var the = m.Groups["the"].Value.ToLowerInvariant();
        if (the == "that") return null; // anaphoric without a day to go by: left to the relative-unit rule
        if (the.Length == 0 && !Regex.IsMatch(c.Before, "\\b(?:on|over|at|during|by|until)\\s*$", RegexOptions.IgnoreCase)) return null;
        // News: "over the weekend" is the one just past (this one when it has begun); forward, the coming one.
        var started = CalendarMath.IsoDay(c.Reference) >= 6;
        var weekDay = c.Forward || started ? c.Reference : c.Reference.AddDays(-7);
        var start = TimexValue.WeekStart(weekDay).AddDays(5);
        return new ResolvedTime { Value = TimexValue.Week(weekDay) + "-WE", Granularity = TimeGranularity.Week, Anchor = "publication", Year = weekDay.Year, Snap = new SnapRequest(start, 0, start, start.AddDays(2)) };
    }

    private ResolvedTime? DecadeWords(Match m, ResolutionContext c)
    {
        var dec = _lex.DecadeWords[m.Groups["dec"].Value];
        var decWord = m.Groups["dec"].Value.ToLowerInvariant();
        int start;
        var anchor = "absolute";
        if (m.Groups["cent"].Success)
        {
            var cent = _lex.CenturyWords[TemporalLexicon.Key(m.Groups["cent"].Value)];
            // "two" only prefixes "thousands"; "twenty" only "tens"/"teens" style decades.
            if (TemporalLexicon.Key(m.Groups["cent"].Value) == "two" && decWord != "thousands") return null;
            start = cent * 100 + dec * 10;
        }
        else
        {
            if (decWord is "thousands" or "tens") return null; // "thousands of people", "tens of thousands"
            if (!m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase) && decWord != "noughties") return null;
            start = decWord == "noughties" ? 2000 : c.Reference.Year / 100 * 100 + dec * 10;
            if (start > c.Reference.Year) start -= 100;
            anchor = decWord == "noughties" ? "absolute" : "publication";
        }
        return new ResolvedTime { Value = (start / 10).ToString("000", CultureInfo.InvariantCulture), Granularity = TimeGranularity.Decade, Anchor = anchor };
    }

    private ResolvedTime? DayOfMonthOnly(Match m, ResolutionContext c)
    {
        // "on the 27th": this month's or the previous one's (past), this month's or the next one's (forward).
        var d = DayOf(m, "d");
        if (d == 0) return null;
        var forward = c.Forward;
        var first = new DateOnly(c.Reference.Year, c.Reference.Month, 1);
        for (var k = 0; k < 3; k++)
        {
            var month = first.AddMonths(forward ? k : -k);
            if (CalendarMath.Date(month.Year, month.Month, d) is { } date && (forward ? date >= c.Reference : date <= c.Reference))
                return Day(date, "publication", true);
        }
        return null;
    }
}
