using System.Diagnostics;
using Parley.Evaluation.Events;
using Parley.Testing;

namespace Parley.Evaluation.Tests;

/// <summary>Runs ../shared/gold/score_events.py on the fixtures and checks that the C# port
/// prints exactly the same lines and exit status. Skipped without python3 or ../shared.</summary>
public class ScoreEventsParityTests
{
    public static TheoryData<string> ProducedFixtures => new(Directory.GetFiles(Fixtures.DataDir, "produced-*.jsonl").Select(Path.GetFileName).Order()!);

    [SkippableTheory]
    [MemberData(nameof(ProducedFixtures))]
    public void Port_prints_what_the_script_prints(string produced)
    {
        var gold = Fixtures.Path_("fixture-gold.jsonl");
        var path = Fixtures.Path_(produced);
        var (exit, stdout) = RunScript(gold, path, "0.5", "0.5");
        var score = EventScorer.Score(GoldEvent.Load(gold), ProducedEvents.Load(path));
        Assert.Equal(stdout, EventScoreReport.Summary(score, 0.5, 0.5, verbose: true));
        Assert.Equal(exit, score.Passes(0.5, 0.5) ? 0 : 1);
    }

    [SkippableFact]
    public void Port_agrees_with_the_script_on_the_own_gold_set_and_a_perturbed_output()
    {
        var gold = GoldEvent.Load(Fixtures.OwnGold);
        var produced = Fixtures.FromGold(gold);
        // Perturb: shift every third code, drop every fifth event, repeat every seventh.
        var perturbed = new List<System.Text.Json.Nodes.JsonObject>();
        for (var i = 0; i < produced.Count; i++)
        {
            if (i % 5 == 4) continue;
            var e = produced[i];
            if (i % 3 == 2) e["cameo"] = "010";
            perturbed.Add(e);
            if (i % 7 == 6) perturbed.Add((System.Text.Json.Nodes.JsonObject)e.DeepClone());
        }
        var file = Path.Combine(Path.GetTempPath(), $"parley-parity-{Environment.ProcessId}.jsonl");
        File.WriteAllLines(file, perturbed.Select(e => e.ToJsonString()));
        try
        {
            var (exit, stdout) = RunScript(Fixtures.OwnGold, file, "0.6", "0.7");
            var score = EventScorer.Score(gold, ProducedEvents.Load(file));
            Assert.Equal(stdout, EventScoreReport.Summary(score, 0.6, 0.7, verbose: true));
            Assert.Equal(exit, score.Passes(0.6, 0.7) ? 0 : 1);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Exit, string Stdout) RunScript(string gold, string produced, string minRecall, string minPrecision)
    {
        var script = SharedData.Require("gold/score_events.py");
        var python = FindOnPath("python3");
        Skip.If(python is null, "python3 is not on PATH: the parity check with score_events.py is skipped.");
        var start = new ProcessStartInfo(python!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, gold, produced, "--min-recall", minRecall, "--min-precision", minPrecision, "-v" }) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.StandardOutputEncoding = System.Text.Encoding.UTF8;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode is 0 or 1, "score_events.py failed: " + stderr);
        return (process.ExitCode, stdout.Replace("\r\n", "\n"));
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
