using Parley.Ingest;
using Parley.Testing;

namespace Parley.Engine.Tests;

/// <summary>Real statements (read in place from ../shared) that once made the pipeline fail are coded without an error.</summary>
public sealed class RealNewsRegressionTests
{
    // A blocking pattern (words that look like a trigger but report no event) over an actor's name once threw in the coder,
    // because a blocking pattern has no CAMEO root; the ingest skipped these statements with PARLEY-E001.
    [SkippableTheory]
    [InlineData("news/wh-statements/2024-10/2024-10-17-statement-from-president-joe-biden-on-student-debt-cancellation-for-over-1-million-public-service-workers-under-the-biden-harris-administration.md")]
    [InlineData("news/wh-statements/2024-09/2024-09-06-president-biden-announces-key-appointments-to-boards-and-commissions-39.md")]
    [InlineData("news/wh-statements/2021-04/2021-04-27-president-biden-announces-key-administration-nominations-in-national-security-2.md")]
    public void A_statement_that_once_failed_is_processed(string relative)
    {
        var item = new ArticleReader().ReadFile(SharedData.Require(relative));
        Assert.NotNull(item.Document);

        var exception = Record.Exception(() => ParleyPipeline.Default.Process(item.Document!));

        Assert.Null(exception);
        Assert.NotEmpty(item.Document!.Sentences);
    }
}
