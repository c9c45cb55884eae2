using Parley.Evaluation.Annotations;
using Parley.Testing;

namespace Parley.Engine.Tests;

/// <summary>
/// Holds the language layers' accuracy on our own annotated articles (tests/data/gold/own-annotations.jsonl
/// over samples/articles). Floors sit a little under the measured F1 so that a regression fails CI.
/// </summary>
public class AnnotationScoreTests
{
    private static readonly Lazy<AnnotationScore> Score = new(() => AnnotationEvaluation.Run(
        Path.Combine(SharedData.RepositoryRoot, "tests/data/gold/own-annotations.jsonl"),
        [Path.Combine(SharedData.RepositoryRoot, "samples/articles")]));

    [Theory]
    [InlineData("time", 0.90)]
    [InlineData("actor", 0.90)]
    [InlineData("place", 0.85)]
    [InlineData("quote", 0.76)]
    public void Each_layer_holds_its_F1_floor(string layer, double floor)
    {
        var scores = Score.Value;
        var score = scores[layer];
        Assert.NotNull(score);
        Assert.True(score.F1 >= floor, $"{layer} F1 {score.F1:0.000} < {floor}\n{AnnotationScoreReport.Table(scores)}");
    }
}
