using Parley.Engine.Output;
using Parley.Evaluation.Events;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine.Tests;

/// <summary>
/// Scores the default pipeline on the blind held-out set (tests/data/gold/heldout): 16 articles
/// written and hand-coded without looking at the coder, never used for development. The floors sit
/// about 0.04 under the figures measured (recall 0.38 = 55/146, precision 0.54 = 71/131 on 2026-11-24, session-4 tagger); they catch a
/// regression on unseen news, and the gap to the development set's score shows how far the
/// coder's rules generalise. Do not tune the coder on these articles.
/// </summary>
public sealed class HeldOutScoreTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"parley-heldout-{Guid.NewGuid():N}.db");

    public void Dispose() => SqliteEventStore.DeleteFiles(_db);

    [Fact]
    public void Held_out_articles_hold_their_floor_with_no_duplicates()
    {
        EventScore score;
        using (var store = SqliteEventStore.Open(_db))
        {
            var run = new IngestRunner(ParleyPipeline.Default, new ArticleReader()).Run([HeldOutGoldSetTests.ArticlesDir], store);
            Assert.Empty(run.Skips);
            Assert.Equal(16, run.ArticleIds.Count);
            var events = EventJson.ToObjects(store.QueryEvents(new EventQuery { ArticleIds = run.ArticleIds }));
            score = EventScorer.Score(GoldEvent.Load(HeldOutGoldSetTests.GoldPath), events);
        }

        var report = EventScoreReport.Summary(score, verbose: true);
        Assert.True(score.Recall >= Floor.Recall, report);
        Assert.True(score.Precision >= Floor.Precision, report);
        Assert.Equal(0, score.Duplicates);
    }

    /// <summary>Measured figures minus about 0.04; raise them when the coder improves on unseen news.</summary>
    private static class Floor
    {
        public const double Recall = 0.33;
        public const double Precision = 0.50;
    }
}
