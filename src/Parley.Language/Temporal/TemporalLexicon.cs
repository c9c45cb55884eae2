using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Data;
using Parley.Core.Lexicon;

namespace Parley.Language.Temporal;

/// <summary>
/// The vocabulary of the temporal recognizer, read once from the data files in Temporal/Data:
/// month and weekday names, number words and units (from Parley.Core's shared lexicon), seasons, relative words, tense cues, time zones.
/// </summary>
internal sealed class TemporalLexicon
{
    private static readonly Lazy<TemporalLexicon> Shared = new(() => new TemporalLexicon());

    /// <summary>The lexicon built from the embedded data files.</summary>
    public static TemporalLexicon Default => Shared.Value;

    private TemporalLexicon()
    {
        var asm = typeof(TemporalLexicon).Assembly;
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/months.tsv"))
        {
            Months[row["name"]] = int.Parse(row["month"], CultureInfo.InvariantCulture);
            if (row["common_word"] == "yes") CommonWords.Add(row["name"]);
        }
        // Weekday names are shared with the event coder's dating (Parley.Core Lexicon/Data/weekdays.tsv).
        foreach (var (name, day) in WeekdayNames.Days) Weekdays[name] = day;
        CommonWords.UnionWith(WeekdayNames.CommonWords);
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/seasons.tsv"))
            Seasons[row["name"]] = new SeasonWord(row["code"], int.Parse(row["start_month"], CultureInfo.InvariantCulture));
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/relative-words.tsv"))
        {
            RelativeWords[row["word"]] = int.Parse(row["offset"], CultureInfo.InvariantCulture);
            if (row["anchor"] == "narrative") NarrativeRelativeWords.Add(row["word"]);
        }
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/offset-directions.tsv"))
            OffsetDirections[row["word"]] = new OffsetDirection(row["direction"] == "future", row["anchor"] == "narrative", row["standalone"] == "yes", row["reading"] == "period");
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/day-words.tsv"))
            DayWords[row["phrase"]] = new DayWord(int.Parse(row["offset"], CultureInfo.InvariantCulture), row["anchor"] == "narrative");
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/tense-cues.tsv"))
            TenseCues.Add(new TenseCue(row["cue"], row["direction"] == "future"));
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/snap-tolerance.tsv"))
            SnapTolerances[row["unit"]] = new SnapTolerance(
                double.Parse(row["days_per_count"], CultureInfo.InvariantCulture),
                int.Parse(row["cap_days"], CultureInfo.InvariantCulture));
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/decade-words.tsv"))
            (row["kind"] == "decade" ? DecadeWords : CenturyWords)[row["word"]] = int.Parse(row["value"], CultureInfo.InvariantCulture);
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/non-dates.tsv"))
            NonDates.Add(row["text"]);
        foreach (var row in DataFile.ReadTsv(asm, "Temporal/Data/time-zones.tsv"))
            TimeZones[row["zone"]] = row["offset"];
    }

    /// <summary>Month name -> 1..12.</summary>
    public Dictionary<string, int> Months { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Weekday name -> ISO day of week 1..7.</summary>
    public Dictionary<string, int> Weekdays { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Month and weekday forms that are also everyday words ("may", "sun").</summary>
    public HashSet<string> CommonWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Number words (shared with the event coder: Parley.Core Lexicon/Data/numbers.tsv).</summary>
    public IReadOnlyDictionary<string, NumberWord> Numbers => NumberLexicon.Default.Words;

    /// <summary>Unit word -> canonical unit and length (shared with the event coder: Parley.Core Lexicon/Data/units.tsv).</summary>
    public IReadOnlyDictionary<string, TimeUnit> Units => NumberLexicon.Default.Units;

    /// <summary>Season word -> TIMEX code and starting month.</summary>
    public Dictionary<string, SeasonWord> Seasons { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Relative word ("last", "next") -> unit offset.</summary>
    public Dictionary<string, int> RelativeWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Relative words that move from the story's stated day rather than the publication ("the following week").</summary>
    public HashSet<string> NarrativeRelativeWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Offset direction word ("ago", "earlier") -> direction and anchor.</summary>
    public Dictionary<string, OffsetDirection> OffsetDirections { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Day words ("yesterday") -> offset and anchor.</summary>
    public Dictionary<string, DayWord> DayWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tense and modality cues.</summary>
    public List<TenseCue> TenseCues { get; } = [];

    /// <summary>Unit -> narrative snapping tolerance.</summary>
    public Dictionary<string, SnapTolerance> SnapTolerances { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Decade word ("seventies") -> decade digit.</summary>
    public Dictionary<string, int> DecadeWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Century prefix word ("nineteen", "two thousand") -> first two digits.</summary>
    public Dictionary<string, int> CenturyWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Forms that look like dates but are idioms or names ("24/7", "9/11").</summary>
    public HashSet<string> NonDates { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time-zone abbreviation -> UTC offset.</summary>
    public Dictionary<string, string> TimeZones { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A regex alternation of <paramref name="words"/>, longest first, spaces matching any white space.</summary>
    public static string Alternation(IEnumerable<string> words) =>
        "(?:" + string.Join("|", words.Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length)
            .Select(w => Regex.Escape(w).Replace("\\ ", "\\s+"))) + ")";

    /// <summary>Normalises white space and case so a matched phrase can be looked up.</summary>
    public static string Key(string text) =>
        Regex.Replace(text.Trim().ToLowerInvariant(), "\\s+", " ");
}

/// <summary>A season's TIMEX code and starting month.</summary>
internal sealed record SeasonWord(string Code, int StartMonth);

/// <summary>Direction and anchor of an offset word.</summary>
internal sealed record OffsetDirection(bool Future, bool Narrative, bool Standalone, bool Period);

/// <summary>A day word's offset and anchor.</summary>
internal sealed record DayWord(int Offset, bool Narrative);

/// <summary>A tense or modality cue.</summary>
internal sealed record TenseCue(string Cue, bool Future);

/// <summary>Snapping tolerance for one unit.</summary>
internal sealed record SnapTolerance(double DaysPerCount, int CapDays);
