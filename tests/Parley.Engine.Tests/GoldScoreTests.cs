using Parley.Engine.Output;
using Parley.Evaluation.Events;
using Parley.Ingest;
using Parley.Storage;
using Parley.Testing;

namespace Parley.Engine.Tests;

/// <summary>
/// Holds the coder's accuracy on gold data: the seed article (shared, read in place) and our own
/// hand-coded articles (samples/articles + tests/data/gold/own-events.jsonl). Floors sit a little
/// under the measured figures so that a regression fails CI.
/// </summary>
public sealed class GoldScoreTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"parley-gold-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteEventStore.DeleteFiles(_db);
    }

    private EventScore Score(string goldPath, params string[] inputs)
    {
        using var store = SqliteEventStore.Open(_db);
        var summary = new IngestRunner(ParleyPipeline.Default, new ArticleReader()).Run(inputs, store);
        Assert.Empty(summary.Skips);
        var produced = EventJson.ToObjects(store.QueryEvents(new EventQuery { ArticleIds = summary.ArticleIds }));
        return EventScorer.Score(GoldEvent.Load(goldPath), produced);
    }

    [SkippableFact]
    public void Seed_article_holds_every_required_event_once_with_no_duplicates()
    {
        var score = Score(SharedData.Require("gold/seed-events.jsonl"), SharedData.Require("seed"));

        // By the script's first-match rule 7/8: the truce and the soybean pledge are read from one
        // sentence and the truce line, listed first, accepts the pledge's code too. Credited once
        // each (one-to-one), every required event is there.
        Assert.True(score.Recall >= 0.85, EventScoreReport.Summary(score, verbose: true));
        Assert.True(score.OneToOneRecall >= 1.0, EventScoreReport.Summary(score, verbose: true));
        Assert.True(score.Precision >= 0.90, EventScoreReport.Summary(score, verbose: true));
        Assert.Equal(0, score.Duplicates);
    }

    [Fact]
    public void Own_gold_articles_hold_their_floor()
    {
        var root = SharedData.RepositoryRoot;
        var score = Score(Path.Combine(root, "tests/data/gold/own-events.jsonl"), Path.Combine(root, "samples/articles"));

        Assert.True(score.Recall >= OwnGoldFloor.Recall, EventScoreReport.Summary(score, verbose: true));
        Assert.True(score.Precision >= OwnGoldFloor.Precision, EventScoreReport.Summary(score, verbose: true));
        Assert.Equal(0, score.Duplicates);
    }

    /// <summary>
    /// Measured figures minus a small margin; raise them when the coder improves. 66 articles since 2026-11-25: recall
    /// 0.74 = 324/435, precision 0.82 = 382/464 (the first 51: 273/338, 322/375; the fifteen added then were coded
    /// before the coder was run on them and first scored 16/39, 11/31 and 13/28).
    /// </summary>
    private static class OwnGoldFloor
    {
        public const double Recall = 0.72;
        public const double Precision = 0.80;
    }
}
