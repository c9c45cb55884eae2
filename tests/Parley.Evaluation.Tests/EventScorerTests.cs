using System.Text.Json.Nodes;
using Parley.Evaluation.Events;

namespace Parley.Evaluation.Tests;

public class EventScorerTests
{
    private static EventScore Score(string produced) => EventScorer.Score(Fixtures.Gold, Fixtures.Produced(produced));

    // Expected lines are what ../shared/gold/score_events.py prints for the same files with
    // --min-recall 0.5 --min-precision 0.5 (ScoreEventsParityTests re-checks them against the script).
    [Theory]
    [InlineData("produced-perfect.jsonl", "PASS: recall 1.00 (6/6 required), precision 1.00 (6/6), duplicates 0")]
    [InlineData("produced-duplicates.jsonl", "PASS: recall 0.50 (3/6 required), precision 0.75 (6/8), duplicates 2")]
    [InlineData("produced-symmetric.jsonl", "PASS: recall 0.50 (3/6 required), precision 0.57 (4/7), duplicates 2")]
    [InlineData("produced-lists.jsonl", "FAIL: recall 0.17 (1/6 required), precision 0.57 (4/7), duplicates 0")]
    [InlineData("produced-partial-dates.jsonl", "PASS: recall 0.50 (3/6 required), precision 0.56 (5/9), duplicates 0")]
    [InlineData("produced-edge.jsonl", "FAIL: recall 0.33 (2/6 required), precision 0.38 (3/8), duplicates 0")]
    [InlineData("produced-eighth.jsonl", "FAIL: recall 0.17 (1/6 required), precision 0.12 (1/8), duplicates 0")]
    public void Summary_line_is_the_scripts(string produced, string expected)
    {
        Assert.Equal(expected, EventScoreReport.SummaryLine(Score(produced), 0.5, 0.5));
    }

    [Fact]
    public void A_symmetric_event_repeated_in_reverse_order_is_a_duplicate_but_another_code_is_not()
    {
        var score = Score("produced-duplicates.jsonl");
        Assert.Equal(
            ["ok meet", "DUPLICATE of meet", "ok meet", "ok sanction", "ok sanction", "ok sanction", "DUPLICATE of sanction", "ok arrest"],
            score.Verdicts.Select(v => v.Label));
        Assert.Equal(2, score.Duplicates);
        Assert.Equal(["summit", "visit", "pledge"], score.Missing);
    }

    [Fact]
    public void Reversed_actors_match_only_symmetric_events()
    {
        var score = Score("produced-symmetric.jsonl");
        Assert.Equal(VerdictKind.Correct, score.Verdicts[0].Kind); // DEU->FRA for FRA-DEU meeting
        Assert.Equal(VerdictKind.Wrong, score.Verdicts[1].Kind);   // LBY->ITA for ITA->LBY visit
        Assert.Equal(ErrorKind.WrongActors, score.Verdicts[1].Error);
        Assert.Equal(VerdictKind.Correct, score.Verdicts[2].Kind);
    }

    [Fact]
    public void List_valued_actors_match_through_any_member_and_strings_and_codes_count()
    {
        var score = Score("produced-lists.jsonl");
        Assert.Equal(
            [VerdictKind.Wrong, VerdictKind.Correct, VerdictKind.Correct, VerdictKind.Correct, VerdictKind.Correct, VerdictKind.Wrong, VerdictKind.Wrong],
            score.Verdicts.Select(v => v.Kind));
        Assert.Equal(("ITA", "DEU"), (score.Verdicts[1].Actor1, score.Verdicts[1].Actor2));
        Assert.Equal(("BLR", null), (score.Verdicts[3].Actor1, score.Verdicts[3].Actor2)); // "BLRGOV" string, empty list
        Assert.Equal("BLR", score.Verdicts[4].Actor1); // empty country falls back to the lower-case code
    }

    [Fact]
    public void Partial_dates_match_by_prefix_in_one_direction_only()
    {
        var v = Score("produced-partial-dates.jsonl").Verdicts;
        Assert.Equal("ok sanction", v[0].Label);  // 2021-06 for gold 2021-06
        Assert.Equal("WRONG", v[1].Label);        // 2021 is coarser than gold 2021-06
        Assert.Equal(ErrorKind.WrongDate, v[1].Error);
        Assert.Equal("ok visit", v[2].Label);     // 2021-07-02 within gold 2021-07
        Assert.Equal("ok hanoi", v[5].Label);     // a number 2019 prints as Python's str(): "2019"
        Assert.Equal("None", v[6].Date);          // null and missing dates never match
        Assert.Equal("None", v[7].Date);
        Assert.Equal("ok arrest", v[8].Label);    // a timestamp starts with the gold day
    }

    [Fact]
    public void Evidence_is_compared_after_normalising_quotes_spaces_and_case_and_mentions_count()
    {
        var v = Score("produced-edge.jsonl").Verdicts;
        Assert.Equal("ok deny", v[0].Label);
        Assert.Equal("minsk spoke of a \"forced\" landing that never happened.", v[0].Text);
        Assert.Equal(["40", "41.0", "None"], v.Skip(1).Take(3).Select(x => x.Cameo));
        Assert.Equal("ok meet", v[4].Label);   // matched through its mentions alone
        Assert.Equal("WRONG", v[5].Label);     // no evidence at all
    }

    [Fact]
    public void Rounding_is_half_to_even_on_the_exact_value_like_python()
    {
        var score = Score("produced-eighth.jsonl");
        Assert.Equal(0.125, score.Precision);
        Assert.Contains("precision 0.12 (1/8)", EventScoreReport.SummaryLine(score));
    }

    [Fact]
    public void Wrong_events_are_diagnosed_against_the_gold_event_sharing_their_evidence()
    {
        var v = Score("produced-eighth.jsonl").Verdicts;
        Assert.Equal(
            [ErrorKind.None, ErrorKind.WrongCode, ErrorKind.WrongDate, ErrorKind.WrongActors, ErrorKind.WrongActors, ErrorKind.WrongCode, ErrorKind.WrongCode, ErrorKind.Unmatched],
            v.Select(x => x.Error));
        Assert.Equal("meet", v[1].NearestGoldId);
        Assert.Null(v[7].NearestGoldId);
    }

    [Fact]
    public void Confusion_counts_gold_root_to_produced_root()
    {
        var score = Score("produced-eighth.jsonl");
        Assert.Contains(new RootConfusion("04", "01", 1, 0), score.Confusion);
        Assert.Contains(new RootConfusion("16", "11", 1, 0), score.Confusion);
        Assert.Contains(new RootConfusion("03", "19", 1, 0), score.Confusion);
        var details = EventScoreReport.Details(score);
        Assert.Contains("errors: wrong code 3, wrong actors 2, wrong date 1, unmatched 1, duplicates 0", details);
        Assert.Contains("04->01 x1", details);
    }

    [Fact]
    public void Correct_events_coded_in_another_root_are_shown_as_accepted_confusion()
    {
        // Gold "pledge" has main code 0332 (root 03) and accepts 072 (root 07).
        var produced = new List<JsonObject>
        {
            new() { ["date"] = "2021-06-14", ["actor1"] = "DEU", ["actor2"] = "UKR", ["cameo"] = "072", ["evidence"] = "Germany pledged to send air defence systems." },
        };
        var score = EventScorer.Score(Fixtures.Gold, produced);
        Assert.Equal([new RootConfusion("03", "07", 0, 1)], score.Confusion);
    }

    [Fact]
    public void Per_root_recall_uses_the_gold_main_code_and_precision_the_produced_code()
    {
        var score = Score("produced-eighth.jsonl");
        var consult = Assert.Single(score.PerRoot, r => r.Root == "04");
        Assert.Equal(("consult", 3, 1, 4, 1), (consult.Label, consult.Required, consult.Matched, consult.Produced, consult.Correct));
        var intent = Assert.Single(score.PerRoot, r => r.Root == "03");
        Assert.Equal((1, 0, 0), (intent.Required, intent.Matched, intent.Produced));
        Assert.Null(intent.Precision);
        Assert.Contains(score.PerRoot, r => r.Root == "19" && r.Produced == 1 && r.Correct == 0);
    }

    [Fact]
    public void Status_is_compared_on_correct_events_without_changing_the_scripts_figures()
    {
        var perfect = Score("produced-perfect.jsonl");
        Assert.Equal((4, 0), (perfect.StatusChecked, perfect.StatusMismatches.Count));
        var edge = Score("produced-edge.jsonl");
        Assert.Equal(
            [new StatusMismatch("deny", "occurred", "denied"), new StatusMismatch("pledge", "pledged", "occurred")],
            edge.StatusMismatches);
        Assert.Contains("status: 0/2 correct events agree with gold", EventScoreReport.Details(edge));
    }

    [Fact]
    public void Nothing_produced_scores_zero_precision_and_full_recall_only_without_required_events()
    {
        var none = EventScorer.Score(Fixtures.Gold, []);
        Assert.Equal((0.0, 0.0), (none.Recall, none.Precision));
        var optionalOnly = EventScorer.Score(Fixtures.Gold.Where(g => !g.Required).ToList(), []);
        Assert.Equal(1.0, optionalOnly.Recall);
    }

    [Fact]
    public void Evaluation_run_prints_the_report_and_returns_the_scripts_exit_status()
    {
        var output = new StringWriter();
        var status = EventEvaluation.Run(Fixtures.Path_("fixture-gold.jsonl"), Fixtures.Produced("produced-duplicates.jsonl"), output, 0.75, 0.75);
        Assert.Equal(1, status);
        var text = output.ToString();
        Assert.StartsWith("missing required: summit, visit, pledge\nFAIL: recall 0.50", text);
        Assert.Contains("root  category", text);
    }

    [Fact]
    public void Malformed_gold_lines_name_the_file_line_and_format()
    {
        var e = Assert.Throws<FormatException>(() => GoldEvent.Parse(["", "{\"id\": \"x\", \"required\": true, \"actor1\": \"USA\"}"], "g.jsonl"));
        Assert.StartsWith("PARLEY-EVAL001: g.jsonl:2: \"actor1\" must be a list", e.Message);
        var p = Assert.Throws<FormatException>(() => ProducedEvents.Parse(["[1, 2]"], "out.jsonl"));
        Assert.StartsWith("PARLEY-EVAL002: out.jsonl:1", p.Message);
    }
}
