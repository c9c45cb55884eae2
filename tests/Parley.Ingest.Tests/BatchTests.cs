using System.IO.Compression;
using System.Text;
using Parley.Testing;

namespace Parley.Ingest.Tests;

public class BatchTests
{
    [Fact]
    public void Markdown_front_matter_gives_title_time_and_url()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("2025-04/statement.md",
            "---\ndate: '2025-04-02'\npublished_time: 2025-04-02 18:30:00-04:00\ntitle: \"Statement on the Ceasefire\\\n  \\ in the Region\"\nsource_url: https://gov.example/statements/ceasefire\n---\n \n" +
            "# Statement on the Ceasefire in the Region\n\nThe government **welcomes** the ceasefire agreed on\nTuesday and calls on all parties to\nrespect it.  \n   \n" +
            "-   Aid convoys will resume on\n    Thursday.\n-   Talks continue in [Doha](https://example.org/doha).\n\n\\###\n");
        var item = new ArticleReader().ReadFile(path);
        var doc = item.Document!;
        Assert.Equal("Statement on the Ceasefire in the Region", doc.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2025, 4, 2, 22, 30, 0, TimeSpan.Zero), doc.Metadata.Published);
        Assert.Equal("front-matter:published_time", doc.Metadata.PublishedSource);
        Assert.Equal("https://gov.example/statements/ceasefire", doc.Metadata.CanonicalUrl);
        Assert.Equal(
            ["The government welcomes the ceasefire agreed on Tuesday and calls on all parties to respect it.",
             "Aid convoys will resume on Thursday.", "Talks continue in Doha."],
            doc.Paragraphs.Select(doc.Slice));
    }

    [Fact]
    public void Csv_rows_become_articles_with_their_columns_as_metadata()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("batch.csv",
            "url,date,title,text\n" +
            "https://news.example/a,2020-02-03,\"Ferry sinks off Bali, all rescued\",\"Monday, February 3, 2020 \n\n\nA ferry sank off Bali on Sunday; all 40 passengers were rescued, \"\"officials\"\" said.\"\n" +
            "https://news.example/b,2020-02-04,Empty row,\"\"\n" +
            "https://news.example/c,not a date,Volcano erupts,The volcano erupted on Tuesday.\n");
        var items = new ArticleReader().Read([path]).ToList();
        Assert.Equal(3, items.Count);
        var a = items[0].Document!;
        Assert.Equal(path + "#2", items[0].Origin);
        Assert.Equal("Ferry sinks off Bali, all rescued", a.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2020, 2, 3, 0, 0, 0, TimeSpan.Zero), a.Metadata.Published);
        Assert.Equal("https://news.example/a", a.Metadata.PathOrUrl);
        Assert.Equal("A ferry sank off Bali on Sunday; all 40 passengers were rescued, \"officials\" said.", a.Text);
        Assert.StartsWith(IngestCodes.Empty, items[1].SkipReason);
        Assert.True(items[2].IsRead);
        Assert.Contains(items[2].Warnings, w => w.StartsWith(IngestCodes.BadRecord));
    }

    [Fact]
    public void Json_lines_batch_reads_html_and_text_and_reports_bad_lines()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("batch.jsonl",
            "{\"url\":\"https://news.example/x\",\"html\":\"<html><head><title>Rail strike ends</title><meta property='article:published_time' content='2025-01-10T08:00:00Z'></head><body><article><p>Rail workers in Spain ended a three-day strike on Friday after the ministry agreed to hire more staff.</p></article></body></html>\",\"fetched_at\":\"2025-01-11T00:00:00Z\"}\n" +
            "this is not json\n\n" +
            "{\"url\":\"https://news.example/y\",\"text\":\"Storm hits coast\\n\\nA storm hit the coast on Monday, cutting power to thousands of homes.\",\"fetched_at\":\"2025-01-12T06:00:00Z\"}\n");
        var items = new ArticleReader().Read([path]).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero), items[0].Document!.Metadata.Published);
        Assert.Equal("https://news.example/x", items[0].Document!.Metadata.PathOrUrl);
        Assert.StartsWith(IngestCodes.BadRecord, items[1].SkipReason);
        Assert.Equal(path + "#2", items[1].Origin);
        var y = items[2].Document!;
        Assert.Equal("Storm hits coast", y.Metadata.Title);
        Assert.Equal("record:fetched_at", y.Metadata.PublishedSource);
        Assert.Contains(items[2].Warnings, w => w.StartsWith(IngestCodes.NoDate));
    }

    [Fact]
    public void Gzipped_html_is_read_and_a_zip_bomb_is_refused()
    {
        using var tmp = new TempFolder();
        var page = File.ReadAllBytes(Samples.Path("summit.html"));
        var ok = tmp.Write("page.html.gz", Gzip(page));
        Assert.Equal("Leaders agree on water deal at river summit", new ArticleReader().ReadFile(ok).Document!.Metadata.Title);

        var bomb = tmp.Write("bomb.html.gz", Gzip(new byte[20_000_000]));
        Assert.True(new FileInfo(bomb).Length < 100_000);
        var item = new ArticleReader(new ArticleReaderOptions { MaxFileBytes = 1_000_000 }).ReadFile(bomb);
        Assert.StartsWith(IngestCodes.DecompressedTooLarge + ": ", item.SkipReason);

        var notGzip = tmp.Write("fake.html.gz", Encoding.ASCII.GetBytes("<html>not compressed</html>"));
        Assert.NotNull(new ArticleReader().ReadFile(notGzip).SkipReason);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize)) gz.Write(data);
        return ms.ToArray();
    }

    [SkippableFact]
    public void Wikinews_csvs_ingest_with_title_and_time_from_their_columns()
    {
        var folder = SharedData.Require("news/wikinews-2019-2020");
        var items = new ArticleReader().Read([folder]).ToList();
        var read = items.Where(i => i.IsRead).ToList();
        Assert.True(read.Count >= 294, $"read {read.Count}");
        Assert.All(read, i => Assert.Equal("record:date", i.Document!.Metadata.PublishedSource));
        Assert.All(read, i => Assert.False(string.IsNullOrEmpty(i.Document!.Metadata.Title)));
        // The only skip is a test page whose text is its dateline alone.
        Assert.All(items.Where(i => !i.IsRead), i => Assert.StartsWith(IngestCodes.NoArticle, i.SkipReason));
    }
}

public class WhiteHouseStatementsTests
{
    [SkippableFact]
    public void A_month_of_white_house_statements_ingests_with_title_and_time_from_front_matter()
    {
        // One month keeps the suite fast; the whole collection (6,458 pages) is measured with the harness.
        var folder = SharedData.Require("news/wh-statements/2021-02");
        var items = new ArticleReader().Read([folder]).ToList();
        Assert.True(items.Count > 50);
        Assert.All(items, i => Assert.True(i.IsRead, i.SkipReason));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.Document!.Metadata.Title)));
        Assert.All(items, i => Assert.StartsWith("front-matter:", i.Document!.Metadata.PublishedSource));
        Assert.All(items, i => Assert.DoesNotContain("###", i.Document!.Text));
    }
}
