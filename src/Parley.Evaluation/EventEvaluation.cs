using Parley.Evaluation.Events;

namespace Parley.Evaluation;

/// <summary>
/// The whole of <c>parley eval</c> (and of <c>score_events.py</c>) in one call, so the CLI only
/// parses its options: reads the gold file, scores the produced events, writes the report and
/// returns the script's exit status.
/// </summary>
public static class EventEvaluation
{
    /// <summary>Scores <paramref name="produced"/> against the gold file at <paramref name="goldPath"/>
    /// and writes the script's output to <paramref name="output"/>, followed by the per-root
    /// breakdown when <paramref name="details"/> is set.</summary>
    /// <returns>0 when both minimums hold, 1 when not (the script's exit status).</returns>
    /// <exception cref="FormatException">The gold file is malformed (PARLEY-EVAL001).</exception>
    public static int Run(
        string goldPath,
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> produced,
        TextWriter output,
        double minRecall = 0,
        double minPrecision = 0,
        bool verbose = false,
        bool details = true)
    {
        var score = EventScorer.Score(GoldEvent.Load(goldPath), produced);
        output.Write(EventScoreReport.Summary(score, minRecall, minPrecision, verbose));
        if (details) output.Write(EventScoreReport.Details(score));
        return score.Passes(minRecall, minPrecision) ? 0 : 1;
    }
}
