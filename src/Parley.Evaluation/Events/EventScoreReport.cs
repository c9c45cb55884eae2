using System.Globalization;
using System.Text;

namespace Parley.Evaluation.Events;

/// <summary>
/// Prints an <see cref="EventScore"/>: the verdict lines and the summary exactly as
/// <c>score_events.py</c> prints them, then (in <see cref="Details"/>) recall and precision per
/// CAMEO root category, the root confusion, the error counts and status agreement.
/// </summary>
public static class EventScoreReport
{
    /// <summary>The script's closing line: "PASS: recall 1.00 (8/8 required), precision 0.90 (9/10), duplicates 0".</summary>
    public static string SummaryLine(EventScore score, double minRecall = 0, double minPrecision = 0) =>
        $"{(score.Passes(minRecall, minPrecision) ? "PASS" : "FAIL")}: recall {PythonText.Fixed(score.Recall, 2)} ({score.Matched}/{score.Required} required), " +
        $"precision {PythonText.Fixed(score.Precision, 2)} ({score.Correct}/{score.Produced}), duplicates {score.Duplicates}";

    /// <summary>What the script prints: with <paramref name="verbose"/> a line per produced event,
    /// then "missing required: ..." when any are missing, then <see cref="SummaryLine"/>.
    /// Lines end with '\n'.</summary>
    public static string Summary(EventScore score, double minRecall = 0, double minPrecision = 0, bool verbose = false)
    {
        var sb = new StringBuilder();
        if (verbose)
            foreach (var v in score.Verdicts) sb.Append(v).Append('\n');
        if (score.Missing.Count > 0) sb.Append("missing required: ").Append(string.Join(", ", score.Missing)).Append('\n');
        sb.Append(SummaryLine(score, minRecall, minPrecision)).Append('\n');
        if (score.OneToOneMatched > score.Matched)
            sb.Append(OneToOneLine(score)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// The order-free recall, printed after the script's lines when it is higher: "one-to-one:
    /// recall 1.00 (8/8 required) when each correct event credits one gold event of its choice
    /// (the script credits the first matching gold line); also matched: soybeans".
    /// </summary>
    public static string OneToOneLine(EventScore score)
    {
        var gained = score.Missing.Where(id => !score.OneToOneMissing.Contains(id));
        return $"one-to-one: recall {PythonText.Fixed(score.OneToOneRecall, 2)} ({score.OneToOneMatched}/{score.Required} required) " +
            $"when each correct event credits one gold event of its choice (the script credits the first matching gold line); also matched: {string.Join(", ", gained)}";
    }

    /// <summary>Where the coder is weak: a table of recall and precision per CAMEO root, the
    /// gold root -> produced root confusion, counts of wrong codes, actors, dates, unmatched
    /// events and duplicates, and status agreement on correct events.</summary>
    public static string Details(EventScore score)
    {
        var sb = new StringBuilder();
        sb.Append("root  category                          recall            precision\n");
        foreach (var r in score.PerRoot)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Root,-4}  {Truncate(r.Label, 32),-32}  ");
            sb.Append($"{Ratio(r.Recall, r.Matched, r.Required),-16}  {Ratio(r.Precision, r.Correct, r.Produced)}\n");
        }
        if (score.Confusion.Count > 0)
        {
            sb.Append("confusion (gold root -> produced root):");
            foreach (var c in score.Confusion)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {c.GoldRoot}->{c.ProducedRoot}");
                if (c.Wrong > 0) sb.Append(CultureInfo.InvariantCulture, $" x{c.Wrong}");
                if (c.Accepted > 0) sb.Append(CultureInfo.InvariantCulture, $" (accepted x{c.Accepted})");
                sb.Append(';');
            }
            sb.Length--;
            sb.Append('\n');
        }
        sb.Append(CultureInfo.InvariantCulture,
            $"errors: wrong code {score.Count(ErrorKind.WrongCode)}, wrong actors {score.Count(ErrorKind.WrongActors)}, " +
            $"wrong date {score.Count(ErrorKind.WrongDate)}, unmatched {score.Count(ErrorKind.Unmatched)}, duplicates {score.Duplicates}\n");
        if (score.StatusChecked > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"status: {score.StatusChecked - score.StatusMismatches.Count}/{score.StatusChecked} correct events agree with gold");
            var groups = score.StatusMismatches.GroupBy(m => (m.Expected, m.Produced)).OrderByDescending(g => g.Count());
            foreach (var g in groups) sb.Append(CultureInfo.InvariantCulture, $"; {g.Key.Expected} coded as {g.Key.Produced} x{g.Count()}");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Ratio(double? value, int numerator, int denominator) =>
        value is { } v ? $"{PythonText.Fixed(v, 2)} ({numerator}/{denominator})" : "-";

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];
}
