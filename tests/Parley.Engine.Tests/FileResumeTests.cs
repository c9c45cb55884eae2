using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine.Tests;

/// <summary>An ingest run passes over the files an earlier run finished, and reads again what changed or failed.</summary>
public sealed class FileResumeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-resume-" + Guid.NewGuid().ToString("N"));
    private readonly string _db;

    public FileResumeTests()
    {
        Directory.CreateDirectory(_folder);
        _db = Path.Combine(_folder, "store.db");
        // Our own short news-style texts, one story per file.
        Write("a.txt", "Ferry service resumes on Lake Victoria", "A passenger ferry between Kisumu and Mwanza sailed on Monday for the first time in four years after repairs to its engines.");
        Write("b.txt", "Bhutan opens mountain road", "Engineers finished the last section of a road linking Trongsa and Gelephu on Friday, cutting the journey to about six hours.");
        Write("c.txt", "Cape Verde fishermen block harbour", "Fishermen in Mindelo blocked the harbour entrance with their boats on Wednesday to protest against a new licence fee.");
    }

    public void Dispose()
    {
        SqliteEventStore.DeleteFiles(_db);
        Directory.Delete(_folder, recursive: true);
    }

    private void Write(string name, string title, string body) =>
        File.WriteAllText(Path.Combine(_folder, name), $"{title}\n\nPublished 12 May 2025\n\n{body}\n");

    private static (IngestRunner Runner, CountingStage Counter) Runner(bool skipFinished = true, string? failOn = null)
    {
        var counter = new CountingStage(failOn);
        return (new IngestRunner(new PipelineBuilder().Add(counter).Build(), new ArticleReader(), parallelism: 2) { SkipFinishedFiles = skipFinished }, counter);
    }

    [Fact]
    public void A_second_run_passes_over_the_finished_files_without_reading_them()
    {
        using var store = SqliteEventStore.Open(_db);
        var first = Runner().Runner.Run([_folder], store);
        var (runner, counter) = Runner();

        var second = runner.Run([_folder], store);

        Assert.Equal(3, first.Stored);
        Assert.Equal(3, second.FilesPassed);
        Assert.Equal((0, 0, 0), (second.Read, second.Duplicates, counter.Count));
        Assert.Contains("3 files finished by an earlier run passed over", second.ToString());
    }

    [Fact]
    public void A_file_changed_since_is_read_again_and_only_its_new_text_is_coded()
    {
        using var store = SqliteEventStore.Open(_db);
        Runner().Runner.Run([_folder], store);
        Write("b.txt", "Bhutan road closed by landslide", "A landslide blocked the new road between Trongsa and Gelephu on Sunday, two days after it opened, and crews expect to clear it by Wednesday.");
        var (runner, counter) = Runner();

        var second = runner.Run([_folder], store);

        Assert.Equal(2, second.FilesPassed);
        Assert.Equal(1, second.Stored);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void A_file_whose_processing_failed_is_read_again_by_the_next_run()
    {
        using var store = SqliteEventStore.Open(_db);
        var failing = Runner(failOn: "Mindelo").Runner.Run([_folder], store);
        var (runner, counter) = Runner();

        var second = runner.Run([_folder], store);

        Assert.StartsWith("PARLEY-E001", Assert.Single(failing.Skips).Reason);
        Assert.Equal(2, second.FilesPassed);
        Assert.Equal(1, second.Stored);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void A_file_skipped_for_a_reason_in_its_content_is_not_read_again()
    {
        File.WriteAllText(Path.Combine(_folder, "empty.txt"), "");
        using var store = SqliteEventStore.Open(_db);
        var first = Runner().Runner.Run([_folder], store);

        var second = Runner().Runner.Run([_folder], store);

        Assert.StartsWith(IngestCodes.Empty, Assert.Single(first.Skips).Reason);
        Assert.Equal(4, second.FilesPassed);
        Assert.Empty(second.Skips);
    }

    [Fact]
    public void An_interrupted_run_records_only_the_files_it_finished()
    {
        using var store = SqliteEventStore.Open(_db);
        var (interrupted, _) = Runner();
        // The process stops right after the second article is saved (as if killed), before the run could close its file.
        var progress = new SynchronousProgress(p => { if (p.Done == 2) throw new OperationCanceledException("stopped"); });
        Assert.ThrowsAny<OperationCanceledException>(() => interrupted.Run([_folder], store, progress));
        var (runner, counter) = Runner();

        var second = runner.Run([_folder], store);

        // a.txt was finished before the cancel; b.txt was stored but its file not yet closed; c.txt was never stored.
        Assert.Equal(1, second.FilesPassed);
        Assert.Equal((1, 1), (second.Duplicates, second.Stored));
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void Rereading_reads_every_file_again_and_stores_nothing_twice()
    {
        using var store = SqliteEventStore.Open(_db);
        Runner().Runner.Run([_folder], store);
        var (runner, counter) = Runner(skipFinished: false);

        var second = runner.Run([_folder], store);

        Assert.Equal((0, 3, 0), (second.FilesPassed, second.Duplicates, second.Stored));
        Assert.Equal(0, counter.Count);
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    private sealed class CountingStage(string? failOn) : IPipelineStage
    {
        private int _count;
        public int Count => _count;
        public string Name => "count";
        public IReadOnlyCollection<string> Requires => [];
        public IReadOnlyCollection<string> Provides => [];
        public void Process(Document document)
        {
            if (failOn is not null && document.Text.Contains(failOn, StringComparison.Ordinal)) throw new InvalidOperationException("boom");
            Interlocked.Increment(ref _count);
        }
    }
}
