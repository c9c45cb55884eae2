using Parley.Core.Model;
using Parley.Engine.Bench;

namespace Parley.Engine.Tests.Bench;

/// <summary>The benchmark runs on real articles as well as on the generated corpus, and times stages in thread CPU time.</summary>
public sealed class PipelineBenchmarkTests
{
    // Our own two-paragraph story, built fresh for every pass as the benchmark requires.
    private static IEnumerable<Document> Articles(int count) => Enumerable.Range(0, count).Select(i => Document.FromParagraphs(
        [
            $"Kenya and Tanzania signed an agreement in Nairobi on Tuesday to reopen border crossing number {i}, officials said.",
            "Kenyan President William Ruto said the deal would help traders on both sides of the border.",
        ],
        new ArticleMetadata { Title = $"Border crossing {i} to reopen", Published = new DateTimeOffset(2024, 3, 14, 10, 30, 0, TimeSpan.Zero) }));

    [Fact]
    public void Real_articles_go_through_every_stage_and_are_counted()
    {
        var report = PipelineBenchmark.Run(ParleyPipeline.WithoutSyntax, () => Articles(6), () => Articles(3), threads: 2);

        Assert.Equal(6, report.Articles);
        Assert.Equal(12, report.Sentences);
        Assert.True(report.Events >= 6, $"{report.Events} events");
        Assert.Equal(ParleyPipeline.WithoutSyntax.Stages.Select(s => s.Name), report.StageSeconds.Select(s => s.Stage));
        Assert.Equal(ParleyPipeline.WithoutSyntax.Stages.Select(s => s.Name), report.StageAloneSeconds.Select(s => s.Stage)); // each stage alone too
        Assert.Equal(6, report.StageSentences);
    }

    [SkippableFact]
    public void A_sleeping_thread_uses_almost_no_cpu_time_but_a_busy_one_does()
    {
        Skip.IfNot(ThreadCpuClock.IsCpuTime, "thread CPU time is read on Linux only");
        var start = ThreadCpuClock.Now();
        Thread.Sleep(300);
        var slept = ThreadCpuClock.Now() - start;
        start = ThreadCpuClock.Now();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        var x = 0L;
        while (spin.ElapsedMilliseconds < 300) x++;
        var busy = ThreadCpuClock.Now() - start;

        Assert.True(slept < 0.1, $"{slept:0.000} s of CPU while sleeping");
        Assert.True(busy > slept, $"busy {busy:0.000} s, asleep {slept:0.000} s ({x} spins)");
    }
}
