using Parley.Evaluation.Annotations;
using Parley.Evaluation.Events;
using Parley.Testing;

namespace Parley.Evaluation.Tests;

/// <summary>Keeps tests/data/gold/own-annotations.jsonl consistent with the sample articles.</summary>
public class OwnAnnotationSetTests
{
    private static readonly string Path_ = Path.Combine(SharedData.RepositoryRoot, "tests", "data", "gold", "own-annotations.jsonl");
    private static readonly IReadOnlyList<Annotation> Gold = Annotation.Load(Path_);

    [Fact]
    public void Every_annotation_points_at_its_text_in_its_article()
    {
        var articles = Directory.GetFiles(Fixtures.Articles, "*.txt").ToDictionary(p => Path.GetFileName(p)[..3], File.ReadAllText);
        foreach (var a in Gold)
        {
            Assert.True(articles.TryGetValue(a.Article, out var text), $"no article {a.Article}");
            Assert.NotNull(a.Start);
            Assert.Equal(a.Text, text!.Substring(a.Start!.Value, a.Text.Length));
        }
    }

    [Fact]
    public void The_set_is_large_and_covers_every_layer_with_values()
    {
        Assert.True(Gold.Select(a => a.Article).Distinct().Count() >= 30);
        Assert.True(Gold.Count >= 300);
        foreach (var layer in new[] { "time", "actor", "place", "quote" })
            Assert.Contains(Gold, a => a.Layer == layer);
        Assert.All(Gold.Where(a => a.Layer == "actor"), a => Assert.NotNull(a.Countries));
        Assert.All(Gold.Where(a => a.Layer == "quote"), a => Assert.NotNull(a.Speaker));
        Assert.All(Gold.Where(a => a.Layer == "time" && a.Value is not null),
            a => Assert.Matches(@"^(\d{4}(-\d\d(-\d\d(T\d\d:\d\d)?)?|-W\d\d(-WE)?)?|P(T?\d+[YMWDH]))$", a.Value!));
    }

    [Fact]
    public void The_gold_scores_perfectly_against_itself_and_loses_recall_when_thinned()
    {
        Assert.All(AnnotationScorer.Score(Gold, Gold).Layers, l => Assert.Equal(1.0, l.F1));
        var half = Gold.Where((_, i) => i % 2 == 0).ToList();
        var time = AnnotationScorer.Score(Gold, half)["time"]!;
        Assert.Equal(1.0, time.Precision);
        Assert.InRange(time.Recall, 0.4, 0.6);
    }
}
