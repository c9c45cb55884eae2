using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Language.Temporal;

/// <summary>Reads counts, days of the month and years written in digits or words.</summary>
internal static partial class NumberParser
{
    /// <summary>
    /// A count before a unit: "3", "3.5", "three", "a", "a few", "a couple of", "twenty and four",
    /// "two and a half". Null when the phrase is not a count.
    /// </summary>
    public static double? Count(string phrase, TemporalLexicon lex)
    {
        var text = TemporalLexicon.Key(phrase);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var digits)) return digits;
        text = text.Replace(" of", "").Replace("-", " ");
        double total = 0, current = 0;
        var any = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "and" or "a" or "an" && any) continue;
            if (!lex.Numbers.TryGetValue(word, out var n)) return null;
            any = true;
            switch (n.Kind)
            {
                case "scale":
                    current = Math.Max(current, 1) * n.Value;
                    if (n.Value >= 1000) { total += current; current = 0; }
                    break;
                case "fraction":
                    current += n.Value;
                    break;
                case "vague":
                    // "a few" = 3, "a couple" = 2: the article "a" already counted 1, which the vague word replaces.
                    current = n.Value;
                    break;
                default:
                    current += n.Value;
                    break;
            }
        }
        return any ? total + current : null;
    }

    /// <summary>A day of the month (1..31): "30", "30th", "thirtieth", "twenty-first", "twenty one".</summary>
    public static int? DayOfMonth(string phrase, TemporalLexicon lex)
    {
        var text = TemporalLexicon.Key(phrase);
        var m = OrdinalDigits().Match(text);
        double? value = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : Count(text, lex);
        if (value is not { } v || v != Math.Floor(v) || v < 1 || v > 31) return null;
        return (int)v;
    }

    /// <summary>
    /// A year: "2025", "'19" (read as 19xx or 20xx, whichever is nearer the reference), or in words:
    /// "nineteen seventy eight", "two thousand and eighteen", "nineteen zero one".
    /// </summary>
    public static int? Year(string phrase, TemporalLexicon lex, int referenceYear)
    {
        var text = TemporalLexicon.Key(phrase).TrimStart('\'', '’');
        if (text.Length > 0 && char.IsDigit(text[0]))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return null;
            if (text.Length == 2)
            {
                var century = referenceYear / 100 * 100;
                y += century;
                if (y > referenceYear + 20) y -= 100;
            }
            return y;
        }
        var words = text.Replace("-", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "thousand" or "hundred")) return Count(text, lex) is { } c && c == Math.Floor(c) ? (int)c : null;
        // "nineteen seventy eight": a two-digit century followed by a two-digit year.
        var groups = new List<int>();
        foreach (var w in words)
        {
            if (w == "and") continue;
            if (!lex.Numbers.TryGetValue(w, out var n) || n.Kind != "cardinal" || w is "a" or "an") return null;
            var v = (int)n.Value;
            if (groups.Count > 0 && groups[^1] % 10 == 0 && groups[^1] >= 20 && v < 10 && v > 0) groups[^1] += v;
            else groups.Add(v);
        }
        return groups switch
        {
            [var c, var y] when c is >= 10 and <= 20 && y < 100 => c * 100 + y,
            [var c, 0, var y] when c is >= 10 and <= 20 && y < 10 => c * 100 + y,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)?\.?$")]
    private static partial Regex OrdinalDigits();
}
