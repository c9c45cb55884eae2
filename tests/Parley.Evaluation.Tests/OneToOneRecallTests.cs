using System.Text.Json.Nodes;
using Parley.Evaluation.Events;

namespace Parley.Evaluation.Tests;

/// <summary>
/// The script credits a produced event to the first gold line it matches, so when one sentence
/// reads two gold events whose codes overlap, both produced events go to the first line and the
/// second is reported missing. The one-to-one figure credits each correct event once, to the gold
/// event that leaves most required events matched.
/// </summary>
public class OneToOneRecallTests
{
    private const string Sentence = "In Geneva, Oslo and Rome signed a fisheries accord that included Norway's pledge to open its waters to Italian boats.";

    // Two gold events read from one sentence; the accord accepts the pledge's code 031 too.
    private static readonly IReadOnlyList<GoldEvent> Gold = GoldEvent.Parse(
    [
        """{"id": "accord", "required": true, "actor1": ["NOR", "ITA"], "actor2": ["NOR", "ITA"], "symmetric": true, "codes": ["057", "031"], "dates": ["2026-03-02"], "evidence_any": ["signed a fisheries accord"]}""",
        """{"id": "waters", "required": true, "actor1": ["NOR"], "actor2": ["ITA"], "symmetric": false, "codes": ["031"], "dates": ["2026-03-02"], "evidence_any": ["open its waters"]}""",
    ]);

    private static JsonObject Event(string a1, string a2, string cameo) => new()
    {
        ["date"] = "2026-03-02",
        ["actor1"] = new JsonObject { ["country"] = a1 },
        ["actor2"] = new JsonObject { ["country"] = a2 },
        ["cameo"] = cameo,
        ["evidence"] = new JsonObject { ["text"] = Sentence },
    };

    [Fact]
    public void Two_events_of_one_sentence_are_both_credited_one_to_one_though_the_script_gives_both_to_the_first_line()
    {
        var score = EventScorer.Score(Gold, [Event("NOR", "ITA", "057"), Event("NOR", "ITA", "031")]);

        Assert.Equal(["ok accord", "ok accord"], score.Verdicts.Select(v => v.Label)); // the script's verdicts, unchanged
        Assert.Equal(["waters"], score.Missing);
        Assert.Equal(2, score.OneToOneMatched);
        Assert.Empty(score.OneToOneMissing);
        Assert.Contains("one-to-one: recall 1.00 (2/2 required)", EventScoreReport.Summary(score));
        Assert.Contains("also matched: waters", EventScoreReport.Summary(score));
    }

    [Fact]
    public void One_event_cannot_be_credited_twice()
    {
        var score = EventScorer.Score(Gold, [Event("NOR", "ITA", "031")]);

        Assert.Equal(1, score.OneToOneMatched);
        Assert.Equal(0.5, score.OneToOneRecall);
        Assert.DoesNotContain("one-to-one", EventScoreReport.Summary(score)); // no better than the script: not printed
    }

    [Fact]
    public void Wrong_and_duplicate_events_credit_nothing()
    {
        var score = EventScorer.Score(Gold, [Event("NOR", "ITA", "057"), Event("NOR", "ITA", "057"), Event("ITA", "NOR", "031")]);

        Assert.Equal(["ok accord", "DUPLICATE of accord", "ok accord"], score.Verdicts.Select(v => v.Label));
        Assert.Equal(1, score.OneToOneMatched); // ITA->NOR 031 is not the pledge (wrong direction): only the accord
    }
}
