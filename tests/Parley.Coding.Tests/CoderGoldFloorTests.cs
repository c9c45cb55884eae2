using System.Text.Json.Nodes;
using Parley.Coding.Events;
using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Evaluation.Events;
using Parley.Ingest;
using Parley.Language.Actors;
using Parley.Language.Places;
using Parley.Language.Temporal;
using Parley.Language.Text;
using Parley.Syntax;
using Parley.Testing;

namespace Parley.Coding.Tests;

/// <summary>
/// Holds the coder's accuracy end to end (reader, language stages, coder; no store) on the seed article
/// and on our own gold articles, scored like score_events.py. Floors sit a little under the measured
/// figures: raise them when the coder improves, never lower them to pass.
/// </summary>
public sealed class CoderGoldFloorTests
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => new PipelineBuilder()
        .Add(new SentenceStage()).Add(new TokenizerStage()).Add(new TemporalStage()).Add(new ActorStage()).Add(new PlaceStage())
        .Add(new EventCoderStage()).Build());

    // the same with the tagger and parser, whose heads and relations the coder reads first
    private static readonly Lazy<DocumentPipeline> ParsedPipeline = new(() => new PipelineBuilder()
        .Add(new SentenceStage()).Add(new TokenizerStage()).Add(new TaggerStage()).Add(new ParserStage())
        .Add(new TemporalStage()).Add(new ActorStage()).Add(new PlaceStage())
        .Add(new EventCoderStage()).Build());

    [SkippableFact]
    public void Seed_article_keeps_recall_precision_and_no_duplicates()
    {
        var score = Score(SharedData.Require("gold/seed-events.jsonl"), SharedData.Require("seed"));
        // 7 of 8: the seed gold's "soybeans" event shares its sentence, codes, actors and date with
        // "truce", which comes first in the gold file, so the scorer credits "truce" for it.
        Assert.True(score.Recall >= 0.85, EventScoreReport.Summary(score, verbose: true));
        Assert.True(score.Precision >= 0.92, EventScoreReport.Summary(score, verbose: true));
        Assert.Equal(0, score.Duplicates);
    }

    [Fact]
    public void Own_gold_articles_hold_the_coder_floor()
    {
        var root = SharedData.RepositoryRoot;
        var score = Score(Path.Combine(root, "tests/data/gold/own-events.jsonl"), Path.Combine(root, "samples/articles"));
        // measured word order alone: recall 0.80 (269/338), precision 0.83 (322/389) on 2026-11-24 (51 articles);
        // 0.73 (319/435), 0.79 (381/481) on 2026-11-25 with the fifteen fresh articles 052-066
        Assert.True(score.Recall >= 0.71, EventScoreReport.Summary(score, verbose: true));
        Assert.True(score.Precision >= 0.77, EventScoreReport.Summary(score, verbose: true));
        Assert.Equal(0, score.Duplicates);
    }

    [Fact]
    public void Reading_the_parse_codes_own_gold_at_least_as_well_as_word_order_alone()
    {
        var root = SharedData.RepositoryRoot;
        var gold = Path.Combine(root, "tests/data/gold/own-events.jsonl");
        var articles = Path.Combine(root, "samples/articles");
        var plain = Score(gold, articles);
        var parsed = Score(gold, articles, ParsedPipeline.Value);
        var report = "without parse: " + EventScoreReport.Summary(plain, verbose: false) + "\nwith parse: " + EventScoreReport.Summary(parsed, verbose: true);
        // The parse is there to find more of the events (recall); it may trade a fraction of a point of
        // precision for several more events found, so precision is judged through the balanced F1.
        Assert.True(parsed.Recall >= plain.Recall, report);
        Assert.True(F1(parsed) >= F1(plain), report);
        Assert.Equal(0, parsed.Duplicates);
    }

    private static double F1(EventScore s) => s.Precision + s.Recall == 0 ? 0 : 2 * s.Precision * s.Recall / (s.Precision + s.Recall);

    private static EventScore Score(string goldPath, string input, DocumentPipeline? pipeline = null)
    {
        var produced = new List<JsonObject>();
        foreach (var item in new ArticleReader().Read([input]))
        {
            Assert.NotNull(item.Document);
            (pipeline ?? Pipeline.Value).Process(item.Document!);
            produced.AddRange(item.Document!.Events.Select(e => ToJson(item.Document, e)));
        }
        return EventScorer.Score(GoldEvent.Load(goldPath), produced);
    }

    /// <summary>The fields of the jsonl contract the scorer reads.</summary>
    private static JsonObject ToJson(Document document, CodedEvent e)
    {
        JsonNode? Side(List<EventActor> actors) => actors.Count == 0
            ? null
            : new JsonArray(actors.Select(a => (JsonNode)new JsonObject { ["country"] = a.Country, ["code"] = a.Code }).ToArray());
        var texts = e.Evidence.Select(ev => (JsonNode)new JsonObject { ["text"] = document.Slice(ev.Sentence) }).ToArray();
        return new JsonObject
        {
            ["date"] = e.Date,
            ["cameo"] = e.Cameo,
            ["actor1"] = Side(e.Actor1),
            ["actor2"] = Side(e.Actor2),
            ["evidence"] = texts[0]?.DeepClone(),
            ["mentions"] = new JsonArray(texts),
        };
    }
}
