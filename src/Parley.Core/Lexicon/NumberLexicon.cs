using System.Globalization;
using Parley.Core.Data;

namespace Parley.Core.Lexicon;

/// <summary>
/// The English number words and time units that several layers read (the temporal recognizer's counts and
/// years, the event coder's intervals such as "a day after"), from Lexicon/Data/numbers.tsv and units.tsv
/// of this assembly. Loaded once (<see cref="Default"/>); immutable and thread-safe.
/// </summary>
public sealed class NumberLexicon
{
    private static readonly Lazy<NumberLexicon> Shared = new(() => new NumberLexicon());

    /// <summary>The lexicon read from the embedded data files.</summary>
    public static NumberLexicon Default => Shared.Value;

    private const string NumbersFile = "Lexicon/Data/numbers.tsv";
    private const string UnitsFile = "Lexicon/Data/units.tsv";

    private NumberLexicon()
    {
        var asm = typeof(NumberLexicon).Assembly;
        var words = new Dictionary<string, NumberWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataFile.ReadTsv(asm, NumbersFile))
            words[row["word"]] = new NumberWord(double.Parse(row["value"], CultureInfo.InvariantCulture), row["kind"]);
        var units = new Dictionary<string, TimeUnit>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataFile.ReadTsv(asm, UnitsFile))
            units[row["name"]] = new TimeUnit(row["unit"], row["seconds"] is { Length: > 0 } s ? long.Parse(s, CultureInfo.InvariantCulture) : null);
        Words = words;
        Units = units;
    }

    /// <summary>Number word (lower case, any case matches) -> value and kind, in the order of the data file.</summary>
    public IReadOnlyDictionary<string, NumberWord> Words { get; }

    /// <summary>Unit word ("weeks", "hrs", "business days") -> canonical unit and length, in the order of the data file.</summary>
    public IReadOnlyDictionary<string, TimeUnit> Units { get; }

    /// <summary>
    /// The whole number a single word writes: digits ("24"), a cardinal word ("two", "a", "twenty") or a
    /// hyphenated tens-and-units word ("twenty-one"); null for anything else (ordinals, "hundred", "few", "2.5").
    /// </summary>
    public int? WholeNumber(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var digits)) return digits;
        if (Cardinal(word) is { } whole) return whole;
        var hyphen = word.IndexOf('-');
        if (hyphen <= 0) return null;
        return Cardinal(word[..hyphen]) is { } tens && tens is >= 20 and < 100 && tens % 10 == 0
            && Cardinal(word[(hyphen + 1)..]) is { } units && units is >= 1 and <= 9
            ? tens + units
            : null;
    }

    private int? Cardinal(string word) =>
        Words.TryGetValue(word, out var n) && n.Kind == NumberWord.CardinalKind && n.Value == Math.Floor(n.Value) ? (int)n.Value : null;
}

/// <summary>A number word's value and kind (see Lexicon/Data/numbers.tsv).</summary>
/// <param name="Value">Its number ("half" is 0.5).</param>
/// <param name="Kind">cardinal, ordinal, scale ("hundred"), fraction ("half") or vague ("few").</param>
public sealed record NumberWord(double Value, string Kind)
{
    /// <summary>The kind of "one", "twenty", "a".</summary>
    public const string CardinalKind = "cardinal";
}

/// <summary>A unit word's canonical unit and, when fixed, its length (see Lexicon/Data/units.tsv).</summary>
/// <param name="Unit">day, week, fortnight, month, year, decade, century, quarter, hour, minute, second or businessday.</param>
/// <param name="Seconds">Its length in seconds; null for units whose length varies (month, year, business day).</param>
public sealed record TimeUnit(string Unit, long? Seconds)
{
    private const long SecondsPerDay = 86_400;

    /// <summary>True for a unit of fixed length shorter than a day (hour, minute, second).</summary>
    public bool ShorterThanADay => Seconds is < SecondsPerDay;

    /// <summary>
    /// The whole days in <paramref name="count"/> of this unit, rounded down ("24 hours" = 1, "36 hours" = 1,
    /// "a fortnight" = 14), or null for a unit whose length varies.
    /// </summary>
    public int? WholeDays(int count) => Seconds is { } s ? (int)(count * s / SecondsPerDay) : null;
}
