using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine.Tests;

/// <summary>Copies are recognised from their extracted text before the pipeline runs; a re-run codes nothing again.</summary>
public sealed class IngestRunnerDuplicateTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "parley-dup-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose() => SqliteEventStore.DeleteFiles(_db);

    // Our own text: a story, a syndicated copy with another headline line and one changed phrase, and an unrelated story.
    private static readonly string[] Story =
    [
        "Fishermen in the port of Mindelo blocked the harbour entrance with their boats on Wednesday to protest against a new licence fee that the government of Cape Verde introduced this month.",
        "The fishermen's association said the fee, charged for every trip beyond twelve nautical miles, would double the cost of a week at sea for small crews who sell their catch in local markets.",
        "The fisheries minister said the fee would pay for patrol boats to stop foreign trawlers from fishing illegally in the country's waters, and that the government was ready to meet the association next week.",
        "Ferries to the neighbouring island of Santo Antao were delayed by several hours, and port officials said two cargo ships waited outside the harbour until the boats moved in the evening.",
        "Similar protests took place last year in the port of Praia, where fishermen ended a three-day strike after the government agreed to delay an increase in fuel prices for the fishing fleet.",
    ];

    private static readonly string[] Other =
    [
        "Engineers in Bhutan finished the last section of a mountain road linking the towns of Trongsa and Gelephu on Friday, cutting the journey between them from twelve hours to about six.",
        "The road, built over five years with a loan from the Asian Development Bank, crosses three passes above three thousand metres and includes more than forty bridges over rivers and gullies.",
    ];

    private static IngestItem Item(string origin, IEnumerable<string> paragraphs, DateTimeOffset published) =>
        IngestItem.Read(origin, Document.FromParagraphs(paragraphs, new ArticleMetadata { Title = origin, Published = published }));

    private static readonly DateTimeOffset Day = new(2025, 5, 14, 9, 0, 0, TimeSpan.Zero);

    private static IngestItem[] Inputs() =>
    [
        Item("original", Story, Day),
        Item("syndicated", ["Cape Verde fishermen block Mindelo harbour", .. Story.Select(p => p.Replace("on Wednesday", "on Wednesday morning", StringComparison.Ordinal))], Day.AddHours(5)),
        Item("exact", Story, Day.AddHours(6)),
        Item("other", Other, Day),
    ];

    [Fact]
    public void Near_and_exact_copies_skip_the_pipeline_and_are_linked_to_the_first_copy()
    {
        var counter = new CountingStage();
        var runner = new IngestRunner(new PipelineBuilder().Add(counter).Build(), new ArticleReader(), parallelism: 2);
        using var store = SqliteEventStore.Open(_db);

        var summary = runner.Run(Inputs(), store);

        Assert.Equal(2, counter.Count); // the original and the unrelated story only
        Assert.Equal(2, summary.Stored);
        Assert.Equal(1, summary.NearDuplicates);
        Assert.Equal(1, summary.Duplicates);
        var copy = Assert.Single(summary.NearCopies);
        Assert.Equal("syndicated", copy.Origin);
        Assert.Equal(summary.ArticleIds[0], copy.CopyOf);
    }

    [Fact]
    public void A_second_run_over_the_same_inputs_processes_nothing_and_says_everything_was_already_stored()
    {
        var counter = new CountingStage();
        var runner = new IngestRunner(new PipelineBuilder().Add(counter).Build(), new ArticleReader(), parallelism: 2);
        using var store = SqliteEventStore.Open(_db);
        runner.Run(Inputs().Take(2), store); // an interrupted run: only the first two inputs got in
        var before = counter.Count;

        var second = runner.Run(Inputs(), store);

        Assert.Equal(1, counter.Count - before); // only the unrelated story is new
        Assert.Equal(3, second.Duplicates);      // original, syndicated copy (stored by the first run) and the exact copy
        Assert.Equal(1, second.Stored);
        Assert.Equal(0, second.NearDuplicates);
    }

    [Fact]
    public void Copies_of_an_input_whose_processing_failed_are_skipped_with_a_reason_not_stored_uncoded()
    {
        var runner = new IngestRunner(new PipelineBuilder().Add(new FailingStage("Mindelo")).Build(), new ArticleReader(), parallelism: 2);
        using var store = SqliteEventStore.Open(_db);

        var summary = runner.Run(Inputs(), store);

        Assert.Equal(1, summary.Stored);
        Assert.Equal(3, summary.Skipped);
        Assert.StartsWith("PARLEY-E001", summary.Skips[0].Reason);
        Assert.All(summary.Skips.Skip(1), s => Assert.StartsWith("PARLEY-E002", s.Reason));
    }

    private sealed class CountingStage : IPipelineStage
    {
        private int _count;
        public int Count => _count;
        public string Name => "count";
        public IReadOnlyCollection<string> Requires => [];
        public IReadOnlyCollection<string> Provides => [];
        public void Process(Document document) => Interlocked.Increment(ref _count);
    }

    private sealed class FailingStage(string word) : IPipelineStage
    {
        public string Name => "fail";
        public IReadOnlyCollection<string> Requires => [];
        public IReadOnlyCollection<string> Provides => [];
        public void Process(Document document)
        {
            if (document.Text.Contains(word, StringComparison.Ordinal)) throw new InvalidOperationException("boom");
        }
    }
}
