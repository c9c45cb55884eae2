using System.Globalization;
using System.Text.Json;
using Parley.Core.Model;
using Parley.Language.Temporal;
using Parley.Testing;

namespace Parley.Language.Tests.Temporal;

/// <summary>One spec result compared with Parley's reading.</summary>
internal sealed record SpecOutcome(string Input, string Reference, string Expression, string Expected, string? Got, bool Correct, string Why);

/// <summary>Counts for one spec file.</summary>
internal sealed record SpecScore(string File, int Measured, int Correct, int Ambiguous, int AmbiguousAgree, int Unanchored, int DialogueOnly, int Disagreements, IReadOnlyList<SpecOutcome> Outcomes)
{
    public double Accuracy => Measured == 0 ? 0 : (double)Correct / Measured;

    public override string ToString() =>
        $"{File}: value accuracy {Correct}/{Measured} = {Accuracy:0.000} (not shared: {Ambiguous} ambiguous past/future, of which {AmbiguousAgree} read as one of the spec's two readings; {Unanchored} unanchored or invalid in the spec, {DialogueOnly} assistant/dialogue-only forms (news value '-' in spec-disagreements.tsv); {Disagreements} scored against the news value from spec-disagreements.tsv)";
}

/// <summary>
/// Runs the English date specs of Microsoft.Recognizers.Text (../shared/gold/temporal-recognizers-en,
/// read in place) through <see cref="TemporalStage"/>, as news: each case's input is one sentence
/// published at its reference time.
/// <para>Parser files: value accuracy on every result that a news reading shares with the spec, that
/// is, whose past and future resolutions agree and whose value is anchored (no "XXXX", not an invalid
/// date). Where the spec's single value is future-biased (or dialogue-specific) and the news reading
/// differs, Temporal/Data/spec-disagreements.tsv gives the news value, which is scored instead.</para>
/// <para>Extractor files: the share of expected spans Parley finds exactly (recall), and the share of
/// its spans that are expected (precision).</para>
/// </summary>
internal static class SpecHarness
{
    private static readonly TemporalStage Stage = new();

    public static string SpecPath(string file) => SharedData.Require(Path.Combine("gold", "temporal-recognizers-en", file + ".json"));

    private static Dictionary<(string File, string Input, string Expression), (string Spec, string News)> Disagreements()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Parley.Language.Tests", "Temporal", "Data", "spec-disagreements.tsv");
        var result = new Dictionary<(string, string, string), (string, string)>();
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split('\t');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            string Cell(string name) => cells[Array.IndexOf(header, name)];
            result[(Cell("file"), Cell("input"), Cell("expression"))] = (Cell("spec_value"), Cell("news_value"));
        }
        return result;
    }

    private static Document Read(string input, string? reference)
    {
        var published = reference is { Length: > 0 }
            ? new DateTimeOffset(DateTime.Parse(reference, CultureInfo.InvariantCulture), TimeSpan.Zero)
            : new DateTimeOffset(2016, 11, 7, 0, 0, 0, TimeSpan.Zero);
        var doc = TestDocuments.Sentence(input, published);
        Stage.Process(doc);
        return doc;
    }

    public static SpecScore MeasureParser(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SpecPath(file))); // File.ReadAllText drops the BOM
        var disagreements = Disagreements();
        var outcomes = new List<SpecOutcome>();
        int ambiguous = 0, ambiguousAgree = 0, unanchored = 0, disagreed = 0, dialogueOnly = 0;
        foreach (var c in json.RootElement.EnumerateArray())
        {
            var input = c.GetProperty("Input").GetString()!;
            var reference = c.TryGetProperty("Context", out var ctx) && ctx.TryGetProperty("ReferenceDateTime", out var rd) ? rd.GetString() : null;
            if (!c.TryGetProperty("Results", out var results) || results.GetArrayLength() == 0) continue;
            Document? doc = null;
            foreach (var r in results.EnumerateArray())
            {
                var text = r.GetProperty("Text").GetString()!;
                var value = r.GetProperty("Value");
                var timex = value.GetProperty("Timex").GetString()!;
                var future = value.TryGetProperty("FutureResolution", out var f) ? f.ToString() : "";
                var past = value.TryGetProperty("PastResolution", out var p) ? p.ToString() : "";
                string expected;
                if (disagreements.TryGetValue((file, input, text), out var d))
                {
                    if (d.News == "-") { dialogueOnly++; continue; }
                    expected = d.News;
                    disagreed++;
                }
                else if (future != past)
                {
                    // Not shared: the spec itself has two readings. Recorded apart: does the news reading pick one of them?
                    ambiguous++;
                    doc ??= Read(input, reference);
                    var st = r.TryGetProperty("Start", out var s0) ? s0.GetInt32() : input.IndexOf(text, StringComparison.Ordinal);
                    var sp = new TextSpan(st, st + text.Length);
                    var mine = doc.Times.Where(t => t.Span.Overlaps(sp)).OrderByDescending(t => Math.Min(t.Span.End, sp.End) - Math.Max(t.Span.Start, sp.Start)).FirstOrDefault();
                    if (mine is not null && (Agrees(mine, AsExpected(f), f) || Agrees(mine, AsExpected(p), p))) ambiguousAgree++;
                    continue;
                }
                else if (timex.Contains('X') || !HasYear(timex) || future.Contains("0001-01-01")) { unanchored++; continue; }
                else expected = timex;
                doc ??= Read(input, reference);
                var start = r.TryGetProperty("Start", out var s) ? s.GetInt32() : input.IndexOf(text, StringComparison.Ordinal);
                var span = new TextSpan(start, start + text.Length);
                var got = doc.Times.Where(t => t.Span.Overlaps(span))
                    .OrderByDescending(t => Math.Min(t.Span.End, span.End) - Math.Max(t.Span.Start, span.Start)).FirstOrDefault();
                var ok = got is not null && Agrees(got, expected, f);
                outcomes.Add(new SpecOutcome(input, reference ?? "", text, expected, got is null ? null : got.Value + (got.EndValue is null ? "" : ".." + got.EndValue), ok, got is null ? "not found" : ""));
            }
        }
        return new SpecScore(file, outcomes.Count, outcomes.Count(o => o.Correct), ambiguous, ambiguousAgree, unanchored, dialogueOnly, disagreed, outcomes);
    }

    /// <summary>A spec resolution as an expected value: its date, or "(start,end)" for a period.</summary>
    private static string AsExpected(JsonElement resolution)
    {
        if (resolution.ValueKind != JsonValueKind.Object) return "";
        if (resolution.TryGetProperty("date", out var d)) return d.GetString() ?? "";
        if (resolution.TryGetProperty("startDate", out var a) && resolution.TryGetProperty("endDate", out var b)) return $"({a.GetString()},{b.GetString()})";
        return "";
    }

    private static bool HasYear(string timex) => timex.Length > 0 && (char.IsDigit(timex[0]) || timex[0] == 'P' || (timex[0] == '(' && char.IsDigit(timex[1])));

    /// <summary>Same value: identical TIMEX, same range ends, or the same calendar interval written another way ("2016-Q3" = "(2016-07-01,2016-10-01,P3M)").</summary>
    private static bool Agrees(TimeMention got, string expected, JsonElement resolution)
    {
        if (got.Value is null) return false;
        if (got.Kind == TimeKind.Duration || expected.StartsWith('P')) return NormaliseDuration(got.Value) == NormaliseDuration(expected);
        if (got.Value == expected && got.EndValue is null) return true;
        if (expected.StartsWith('('))
        {
            var parts = expected.Trim('(', ')').Split(',');
            if (got.EndValue is not null)
            {
                return TimexValue.TryGetInterval(got.Value, out var a, out _) && TimexValue.TryGetInterval(got.EndValue, out var b, out _)
                    && TimexValue.Day(a) == parts[0] && TimexValue.Day(b) == parts[1];
            }
            return TimexValue.TryGetInterval(got.Value, out var s, out var e) && TimexValue.Day(s) == parts[0] && TimexValue.Day(e) == parts[1];
        }
        // A single date in the spec: the same day.
        if (got.EndValue is null && resolution.ValueKind == JsonValueKind.Object && resolution.TryGetProperty("date", out var date))
            return got.Value.StartsWith(date.GetString()!, StringComparison.Ordinal) && got.Value.Length >= 10;
        return false;
    }

    private static string NormaliseDuration(string v) => v.Replace(".0", "");

    public static (int Expected, int Found, int Produced, int ProducedExpected, List<string> Misses) MeasureExtractor(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SpecPath(file)));
        int expected = 0, found = 0, produced = 0, producedExpected = 0;
        var misses = new List<string>();
        foreach (var c in json.RootElement.EnumerateArray())
        {
            var input = c.GetProperty("Input").GetString()!;
            var doc = Read(input, null);
            var gold = c.TryGetProperty("Results", out var rs) ? rs.EnumerateArray().Select(r => r.GetProperty("Text").GetString()!).ToList() : [];
            var mine = doc.Times.Select(t => t.Text).ToList();
            expected += gold.Count;
            produced += mine.Count;
            foreach (var g in gold)
            {
                if (mine.Any(m => m.Equals(g, StringComparison.OrdinalIgnoreCase))) found++;
                else misses.Add($"{input} | want [{g}] got [{string.Join("] [", mine)}]");
            }
            producedExpected += mine.Count(m => gold.Any(g => g.Equals(m, StringComparison.OrdinalIgnoreCase)));
        }
        return (expected, found, produced, producedExpected, misses);
    }
}
