using System.Text.RegularExpressions;

namespace Parley.Language.Temporal;

/// <summary>
/// Regular-expression fragments for temporal expressions, built once from the lexicon's words
/// (months, weekdays, numbers, units...). The rules in <see cref="TemporalRules"/> combine them.
/// </summary>
internal sealed class TemporalGrammar
{
    public TemporalGrammar(TemporalLexicon lex)
    {
        Lexicon = lex;
        MonthNames = TemporalLexicon.Alternation(lex.Months.Keys);
        WeekdayNames = TemporalLexicon.Alternation(lex.Weekdays.Keys);
        var small = lex.Numbers.Where(n => n.Value.Kind is "cardinal" or "ordinal" && n.Value.Value is >= 1 and < 20 && n.Key is not ("a" or "an")).Select(n => n.Key);
        var tens = lex.Numbers.Where(n => n.Value.Kind is "cardinal" && n.Value.Value is 20 or 30).Select(n => n.Key);
        var tensOrd = lex.Numbers.Where(n => n.Value.Kind is "ordinal" && n.Value.Value is 20 or 30).Select(n => n.Key);
        var units1To9 = lex.Numbers.Where(n => n.Value.Kind is "cardinal" or "ordinal" && n.Value.Value is >= 1 and < 10 && n.Key is not ("a" or "an")).Select(n => n.Key);
        DayWords = $"(?:{TemporalLexicon.Alternation(tens)}(?:[\\s-]+{TemporalLexicon.Alternation(units1To9)})?|{TemporalLexicon.Alternation(tensOrd)}|{TemporalLexicon.Alternation(small)})(?!\\w)";
        var ordinals = lex.Numbers.Where(n => n.Value.Kind == "ordinal").Select(n => n.Key);
        var ordUnits = lex.Numbers.Where(n => n.Value.Kind == "ordinal" && n.Value.Value < 10).Select(n => n.Key);
        OrdinalDayWords = $"(?:{TemporalLexicon.Alternation(tens)}[\\s-]+{TemporalLexicon.Alternation(ordUnits)}|{TemporalLexicon.Alternation(ordinals)})(?!\\w)";
        var numberWords = TemporalLexicon.Alternation(lex.Numbers.Where(n => n.Value.Kind is "cardinal" or "ordinal" or "scale" && n.Key is not ("a" or "an")).Select(n => n.Key));
        NumberPhrase = $"(?:{numberWords}(?!\\w)(?:(?:[\\s-]+|\\s+and\\s+){numberWords}(?!\\w))*)";
        Count = $"(?:\\d+(?:\\.\\d+)?|(?:a\\s+)?(?:few|couple(?:\\s+of)?)|several|{NumberPhrase}(?:\\s+and\\s+a\\s+half)?|an?)";
        UnitNames = TemporalLexicon.Alternation(lex.Units.Keys);
        SeasonNames = TemporalLexicon.Alternation(lex.Seasons.Keys);
        RelativeNames = TemporalLexicon.Alternation(lex.RelativeWords.Keys);
        OffsetNames = TemporalLexicon.Alternation(lex.OffsetDirections.Keys);
        ZoneNames = TemporalLexicon.Alternation(lex.TimeZones.Keys);
        DayPhrases = TemporalLexicon.Alternation(lex.DayWords.Keys);
        DecadeNames = TemporalLexicon.Alternation(lex.DecadeWords.Keys);
        CenturyNames = TemporalLexicon.Alternation(lex.CenturyWords.Keys);
        const RegexOptions o = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        _featureTests =
        [
            (SentenceFeatures.Months, new Regex($"(?<![a-z]){MonthNames}(?![a-z])", o)),
            (SentenceFeatures.Weekdays, new Regex($"(?<![a-z]){WeekdayNames}(?![a-z])", o)),
            (SentenceFeatures.Units, new Regex($"(?<![a-z]){UnitNames}(?![a-z])|\\d(?:h|hrs?|min|sec|days?|years?)(?![a-z])|(?<![a-z])(?:week|weekend)", o)),
            (SentenceFeatures.Seasons, new Regex($"(?<![a-z]){SeasonNames}(?![a-z])", o)),
            (SentenceFeatures.DecadeWords, new Regex($"(?<![a-z]){DecadeNames}(?![a-z])", o)),
            (SentenceFeatures.NumberWords, new Regex($"(?<![a-z]){numberWords}(?![a-z])", o)),
        ];
    }

    private readonly (SentenceFeatures Feature, Regex Test)[] _featureTests;

    /// <summary>The kinds of temporal words <paramref name="text"/> holds, so that rules needing others can be skipped.</summary>
    public SentenceFeatures Features(string text)
    {
        var f = SentenceFeatures.None;
        foreach (var ch in text)
        {
            if (char.IsDigit(ch)) { f |= SentenceFeatures.Digits; break; }
        }
        foreach (var (feature, test) in _featureTests)
        {
            if (test.IsMatch(text)) f |= feature;
        }
        return f;
    }

    public string DecadeNames { get; }
    public string CenturyNames { get; }

    public TemporalLexicon Lexicon { get; }

    public string MonthNames { get; }
    public string WeekdayNames { get; }
    public string DayWords { get; }
    public string OrdinalDayWords { get; }
    public string NumberPhrase { get; }
    public string Count { get; }
    public string UnitNames { get; }
    public string SeasonNames { get; }
    public string RelativeNames { get; }
    public string OffsetNames { get; }
    public string ZoneNames { get; }
    public string DayPhrases { get; }

    /// <summary>Left word boundary.</summary>
    public const string B = "(?<![\\w'’])(?<!\\d[.,])";

    /// <summary>Right word boundary.</summary>
    public const string E = "(?![\\w])";

    public string Month(string g) => $"(?<{g}>{MonthNames})(?![a-z])\\.?";
    public string Weekday(string g) => $"(?<{g}>{WeekdayNames})(?!\\w)\\.?";

    /// <summary>A day of the month in digits ("30", "30th", "03").</summary>
    public static string DayDigits(string g) => $"(?<{g}>(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?)(?!\\d)(?!(?<=\\d)[b-z])";

    /// <summary>A day in digits or words.</summary>
    public string Day(string g) => $"(?:{DayDigits(g)}|(?<{g}>{DayWords}))";

    /// <summary>A day in digits or ordinal words ("30", "twenty-first"): after "the" or before "of".</summary>
    public string OrdinalDay(string g) => $"(?:{DayDigits(g)}|(?<{g}>{OrdinalDayWords}))";

    /// <summary>A four-digit year 1000..2099 or an abbreviated one ("'19").</summary>
    public static string Year(string g) => $"(?<{g}>(?:1\\d|20)\\d{{2}}(?!\\d)|['’]\\d{{2}}(?!\\d))";

    /// <summary>A year in digits or in words ("nineteen seventy eight", "two thousand and eighteen").</summary>
    public string AnyYear(string g) => $"(?:{Year(g)}|(?<{g}>{NumberPhrase}))";

    public Regex Build(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);
}
