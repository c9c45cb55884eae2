namespace Parley.Ingest.Tests;

public class PlainTextTests
{
    [Fact]
    public void Text_article_is_split_into_title_dateline_captions_and_body()
    {
        var item = new ArticleReader().ReadFile(Samples.Path("harbour-strike.txt"));
        var doc = item.Document!;
        Assert.Equal("Dock workers in Rotterdam walk out over automation plans", doc.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.FromHours(1)), doc.Metadata.Published);
        Assert.Contains(doc.Metadata.Captions, c => c.Contains("main gate"));
        Assert.Equal(3, doc.Paragraphs.Count);
        Assert.StartsWith("Hundreds of dock workers", doc.Text);
        Assert.DoesNotContain("Share", doc.Text);
        Assert.DoesNotContain("Advertisement", doc.Text);
        Assert.DoesNotContain("newsletter", doc.Text);
        Assert.Contains(doc.Metadata.Removed, r => r.Contains("Advertisement"));
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("wrapped.txt",
            "Ministers meet in Geneva\n\nPublished 2 May 2025\n\n" +
            "The foreign ministers of both countries met in Geneva on Friday for the\n" +
            "first time in three years and agreed to reopen their embassies before\n" +
            "the end of the summer.\n\n" +
            "A joint statement said talks would continue in June.\n");
        var doc = new ArticleReader().ReadFile(path).Document!;
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Contains("for the first time in three years and agreed to reopen their embassies before the end", doc.Text);
    }

    [Fact]
    public void A_dateline_directly_above_a_short_body_is_not_joined_to_it()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("short.txt",
            "Kenya and Tanzania agree to reopen border\n\nPublished March 14th, 2024 - 10:30 GMT\nThe two sides signed the agreement on Monday.\n");
        var doc = new ArticleReader().ReadFile(path).Document!;
        Assert.Equal(new DateTimeOffset(2024, 3, 14, 10, 30, 0, TimeSpan.Zero), doc.Metadata.Published);
        Assert.Equal("The two sides signed the agreement on Monday.", doc.Text);
    }

    [Fact]
    public void A_dateline_without_time_gives_midnight_utc_of_that_day()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("a.txt", "Ministers meet in Geneva\n\nPublished 2 May 2025\n\nThe ministers met on Friday.\n");
        var doc = new ArticleReader().ReadFile(path).Document!;
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 0, 0, 0, TimeSpan.Zero), doc.Metadata.Published);
    }

    [Fact]
    public void Without_a_dateline_the_callers_default_is_used_and_marked()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("a.txt", "Ministers meet in Geneva\n\nThe ministers met on Friday.\n");
        var fallback = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var item = new ArticleReader(new ArticleReaderOptions { DefaultPublished = fallback }).ReadFile(path);
        Assert.Equal(fallback, item.Document!.Metadata.Published);
        Assert.Equal("caller", item.Document.Metadata.PublishedSource);
        Assert.Contains(item.Warnings, w => w.StartsWith(IngestCodes.NoDate));
    }

    [Fact]
    public void He_told_AFP_is_body_text_not_a_caption()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("a.txt", "Ministers meet in Geneva\n\nPublished 2 May 2025\n\nThe talks went well, a diplomat told AFP.\n\nMore talks are planned. Reuters\n");
        var doc = new ArticleReader().ReadFile(path).Document!;
        Assert.Contains("told AFP", doc.Text);
        Assert.Single(doc.Metadata.Captions);
    }
}
