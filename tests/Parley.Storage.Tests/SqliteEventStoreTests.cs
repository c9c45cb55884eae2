using Parley.Core.Model;

namespace Parley.Storage.Tests;

public sealed class SqliteEventStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parley-store-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteEventStore.DeleteFiles(_path);
    }

    private static Document Article(string body, params CodedEvent[] events)
    {
        var document = Document.FromParagraphs([body], new ArticleMetadata
        {
            Title = "Test article", Published = new DateTimeOffset(2025, 11, 24, 7, 5, 0, TimeSpan.Zero), PathOrUrl = "test.txt",
        });
        document.Events.AddRange(events);
        return document;
    }

    private static CodedEvent Call(string date = "2025-11-24")
    {
        var e = new CodedEvent
        {
            Cameo = "041", Label = "Discuss by telephone", Goldstein = 1.0, QuadClass = 1,
            Plover = new PloverType("CONSULT", "phone"), Date = date, DatePrecision = TimeGranularity.Day,
            Status = EventStatus.Occurred,
        };
        e.Actor1.Add(new EventActor { Country = "USA", Sector = "GOV", Name = "Donald Trump", Span = new TextSpan(0, 5) });
        e.Actor2.Add(new EventActor { Country = "CHN", Sector = "GOV", Name = "Xi Jinping", Span = new TextSpan(21, 23) });
        e.Evidence.Add(new EventEvidence { SentenceIndex = 0, Sentence = new TextSpan(0, 24), Trigger = new TextSpan(6, 20) });
        e.ReportedBy.Add("Xinhua");
        return e;
    }

    [Fact]
    public void The_same_article_saved_twice_is_stored_once()
    {
        using var store = SqliteEventStore.Open(_path);
        var first = store.Save(Article("Trump held a call with Xi.", Call()), "a.txt");
        var second = store.Save(Article("Trump  held a call\nwith Xi.", Call()), "copy-of-a.txt");

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.ArticleId, second.ArticleId);
        Assert.Equal(1, store.ArticleCount);
        Assert.Equal(1, store.EventCount);
    }

    [Fact]
    public void An_event_reads_back_with_actors_evidence_text_and_offsets()
    {
        using (var store = SqliteEventStore.Open(_path))
            store.Save(Article("Trump held a call with Xi.", Call()), "a.txt");

        using var reopened = SqliteEventStore.Open(_path);
        var stored = Assert.Single(reopened.QueryEvents());

        Assert.Equal("041", stored.Event.Cameo);
        Assert.Equal("USAGOV", stored.Event.Actor1[0].Code);
        Assert.Equal("CHN", stored.Event.Actor2[0].Country);
        Assert.Equal("Trump held a call with X", stored.EvidenceText[0]);
        Assert.Equal(new TextSpan(6, 20), stored.Event.Evidence[0].Trigger);
        Assert.Equal(["Xinhua"], stored.Event.ReportedBy);
        Assert.Equal(new PloverType("CONSULT", "phone"), stored.Event.Plover);
        Assert.Equal("2025-11-24T07:05:00+00:00", stored.ArticlePublished);
    }

    [Fact]
    public void Queries_filter_by_actor_and_date()
    {
        using var store = SqliteEventStore.Open(_path);
        store.Save(Article("First article.", Call("2025-10-30")), "a.txt");
        store.Save(Article("Second article.", Call("2026-04")), "b.txt");

        Assert.Equal(2, store.QueryEvents(new EventQuery { Actor = "chn" }).Count);
        Assert.Empty(store.QueryEvents(new EventQuery { Actor = "RUS" }));
        Assert.Equal("2026-04", Assert.Single(store.QueryEvents(new EventQuery { Since = "2025-11-01" })).Event.Date);
    }

    [Fact]
    public void A_near_duplicate_is_stored_with_its_link_and_without_events()
    {
        using var store = SqliteEventStore.Open(_path);
        var first = store.Save(Article("Trump held a call with Xi.", Call()), "a.txt", simHash: 42, fingerprint: [1, 2, 3, 4]);
        var old = store.Save(Article("Macron met Scholz in Berlin.", Call()), "c.txt", simHash: 7); // as stored before schema 4
        var copy = store.Save(Article("Trump held a phone call with Xi.", Call()), "b.txt", simHash: 43, nearDuplicateOf: (first.ArticleId, 1));

        Assert.Equal(first.ArticleId, copy.NearDuplicateOf);
        Assert.Equal(0, copy.EventCount);
        Assert.Equal(3, store.ArticleCount);
        Assert.Equal(2, store.EventCount);
        var fingerprints = store.LoadFingerprints().ToList();
        Assert.Equal([first.ArticleId, old.ArticleId], fingerprints.Select(f => f.Id));
        Assert.Equal([1, 2, 3, 4], fingerprints[0].Fingerprint);
        Assert.Null(fingerprints[0].Body);
        Assert.Null(fingerprints[1].Fingerprint);
        Assert.Contains("Macron", fingerprints[1].Body); // computed again by the caller
    }

    [Fact]
    public void A_file_that_is_not_a_database_gets_a_clear_error()
    {
        File.WriteAllText(_path, "this is not sqlite, just some text that is long enough to be a header............");
        var error = Assert.Throws<StoreException>(() => SqliteEventStore.Open(_path));
        Assert.Equal("PARLEY-S002", error.Code);
    }

    [Fact]
    public void A_new_store_is_at_the_newest_schema_version()
    {
        using var store = SqliteEventStore.Open(_path);
        Assert.True(store.SchemaVersion >= 1);
    }
}

public sealed class EventClusterTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parley-cluster-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteEventStore.DeleteFiles(_path);
    }

    private static Document Report(string body, string path, string cameo, string date, string a1, string a2)
    {
        var document = Document.FromParagraphs([body], new ArticleMetadata { Title = path, PathOrUrl = path });
        var e = new CodedEvent { Cameo = cameo, Date = date };
        e.Actor1.Add(new EventActor { Country = a1, Sector = "GOV", Name = a1 });
        e.Actor2.Add(new EventActor { Country = a2, Sector = "GOV", Name = a2 });
        e.Evidence.Add(new EventEvidence { SentenceIndex = 0, Sentence = new TextSpan(0, body.Length), Trigger = new TextSpan(0, 1) });
        document.Events.Add(e);
        return document;
    }

    [Fact]
    public void Two_articles_reporting_the_same_call_make_one_event_with_two_sources()
    {
        using var store = SqliteEventStore.Open(_path);
        store.Save(Report("Trump spoke with Xi by phone on Monday.", "a.txt", "041", "2025-11-24", "USA", "CHN"), "a.txt");
        store.Save(Report("Xi and Trump held a phone call.", "b.txt", "040", "2025-11-24", "CHN", "USA"), "b.txt");
        store.Save(Report("Trump met Putin.", "c.txt", "040", "2025-11-24", "USA", "RUS"), "c.txt");

        var merged = store.QueryEvents(new EventQuery { FirstOfCluster = true });

        Assert.Equal(2, merged.Count);
        Assert.Equal(["b.txt"], merged[0].OtherReports);
        Assert.Empty(merged[1].OtherReports);
        Assert.Equal(3, store.QueryEvents().Count);
    }

    [Fact]
    public void Different_dates_are_different_events()
    {
        using var store = SqliteEventStore.Open(_path);
        store.Save(Report("Trump spoke with Xi.", "a.txt", "041", "2025-11-24", "USA", "CHN"), "a.txt");
        store.Save(Report("Trump spoke with Xi again.", "b.txt", "041", "2025-12-01", "USA", "CHN"), "b.txt");

        Assert.Equal(2, store.QueryEvents(new EventQuery { FirstOfCluster = true }).Count);
    }
}
