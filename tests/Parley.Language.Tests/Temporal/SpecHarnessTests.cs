using Xunit.Abstractions;

namespace Parley.Language.Tests.Temporal;

/// <summary>
/// Accuracy floors on the Recognizers-Text English date specs (see <see cref="SpecHarness"/>); the
/// floors sit just under the measured figures, which the test output prints.
/// Run: dotnet test tests/Parley.Language.Tests --filter SpecHarnessTests --logger "console;verbosity=detailed"
/// </summary>
public sealed class SpecHarnessTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("DateParser", 0.95)]
    [InlineData("DatePeriodParser", 0.95)]
    [InlineData("DurationParser", 0.98)]
    public void Parser_value_accuracy_holds(string file, double floor)
    {
        var score = SpecHarness.MeasureParser(file);
        output.WriteLine(score.ToString());
        foreach (var o in score.Outcomes.Where(o => !o.Correct))
            output.WriteLine($"  MISS {o.Reference[..Math.Min(10, o.Reference.Length)]} [{o.Expression}] want {o.Expected} got {o.Got ?? "-"} | {o.Input}");
        Assert.True(score.Accuracy >= floor, score.ToString());
    }

    [SkippableTheory]
    [InlineData("DateExtractor", 0.79, 0.82)]
    [InlineData("DatePeriodExtractor", 0.93, 0.88)]
    public void Extractor_span_recall_and_precision_hold(string file, double recallFloor, double precisionFloor)
    {
        var (expected, found, produced, producedExpected, misses) = SpecHarness.MeasureExtractor(file);
        var recall = expected == 0 ? 0 : (double)found / expected;
        var precision = produced == 0 ? 0 : (double)producedExpected / produced;
        output.WriteLine($"{file}: exact-span recall {found}/{expected} = {recall:0.000}, precision {producedExpected}/{produced} = {precision:0.000}");
        foreach (var m in misses) output.WriteLine("  MISS " + m);
        Assert.True(recall >= recallFloor && precision >= precisionFloor);
    }
}
