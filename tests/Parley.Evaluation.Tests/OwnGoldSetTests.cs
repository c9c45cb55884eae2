using System.Text.RegularExpressions;
using Parley.Evaluation.Events;
using Parley.Testing;

namespace Parley.Evaluation.Tests;

/// <summary>Keeps tests/data/gold/own-events.jsonl consistent with the sample articles it codes.</summary>
public class OwnGoldSetTests
{
    private static readonly IReadOnlyList<GoldEvent> Gold = GoldEvent.Load(Fixtures.OwnGold);

    private static Dictionary<string, string> Articles() =>
        Directory.GetFiles(Fixtures.Articles, "*.txt").ToDictionary(p => Path.GetFileName(p)[..3], File.ReadAllText);

    [Fact]
    public void Every_gold_event_names_an_article_and_quotes_it()
    {
        var articles = Articles().ToDictionary(kv => kv.Key, kv => PythonText.Norm(kv.Value));
        foreach (var g in Gold)
        {
            Assert.True(articles.TryGetValue(g.Id[..3], out var text), $"{g.Id}: no article samples/articles/{g.Id[..3]}-*.txt");
            foreach (var e in g.EvidenceAny)
                Assert.True(text!.Contains(PythonText.Norm(e), StringComparison.Ordinal), $"{g.Id}: evidence not in its article: {e}");
        }
    }

    [Fact]
    public void Ids_are_unique_and_fields_well_formed()
    {
        Assert.Equal(Gold.Count, Gold.Select(g => g.Id).Distinct().Count());
        foreach (var g in Gold)
        {
            Assert.All(g.Codes, c => Assert.Matches(@"^(0[1-9]|1\d|20)\d{0,2}$", c));
            Assert.All(g.Dates, d => Assert.Matches(@"^\d{4}(-\d\d(-\d\d)?|-W\d\d)?$", d));
            Assert.All(g.Actor1.Concat(g.Actor2), a => Assert.True(a is null || Regex.IsMatch(a, "^[A-Z][A-Z0-9]{1,2}$"), $"{g.Id}: actor {a}"));
            Assert.NotEmpty(g.EvidenceAny);
            Assert.True(g.Status is null or "pledged" or "planned" or "denied", $"{g.Id}: status {g.Status}");
        }
    }

    [Fact]
    public void Every_article_has_required_events()
    {
        var withRequired = Gold.Where(g => g.Required).Select(g => g.Id[..3]).ToHashSet();
        Assert.All(Articles().Keys, a => Assert.Contains(a, withRequired));
    }

    [Fact]
    public void The_set_covers_every_cameo_root_with_required_events_and_pledges_plans_and_denials()
    {
        Assert.True(Articles().Count >= 40, "at least 40 articles");
        var roots = Gold.Where(g => g.Required).Select(g => g.Root).ToHashSet();
        Assert.All(CameoRoots.All, root => Assert.Contains(root, roots));
        Assert.Contains(Gold, g => g.Status == "pledged" && g.Required);
        Assert.Contains(Gold, g => g.Status == "planned" && g.Required);
        Assert.Contains(Gold, g => g.Status == "denied");
    }

    [Fact]
    public void A_coder_reproducing_the_gold_scores_perfectly_so_no_two_gold_events_collide()
    {
        var score = EventScorer.Score(Gold, Fixtures.FromGold(Gold));
        Assert.Equal("PASS: recall 1.00 (" + score.Required + "/" + score.Required + " required), precision 1.00 (" + Gold.Count + "/" + Gold.Count + "), duplicates 0",
            EventScoreReport.SummaryLine(score));
        Assert.Empty(score.StatusMismatches);
    }

    [SkippableFact]
    public void The_seed_gold_loads_and_reproduces_perfectly()
    {
        var seed = GoldEvent.Load(SharedData.Require("gold/seed-events.jsonl"));
        var score = EventScorer.Score(seed, Fixtures.FromGold(seed));
        Assert.Equal((1.0, 1.0, 0), (score.Recall, score.Precision, score.Duplicates));
    }
}
