using Parley.Testing;

namespace Parley.Ingest.Tests;

/// <summary>The shared seed article, read in place.</summary>
public class SeedArticleTests
{
    private static IngestItem ReadSeed()
    {
        var folder = SharedData.Require("seed");
        var items = new ArticleReader().Read([folder]).ToList();
        Assert.Single(items);
        Assert.True(items[0].IsRead, items[0].SkipReason);
        return items[0];
    }

    [SkippableFact]
    public void Seed_has_title_and_publication_time_from_its_dateline()
    {
        var doc = ReadSeed().Document!;
        Assert.StartsWith("Trump touts", doc.Metadata.Title);
        Assert.EndsWith("after Busan summit", doc.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 7, 5, 0, TimeSpan.Zero), doc.Metadata.Published);
        Assert.Equal("dateline", doc.Metadata.PublishedSource);
    }

    [SkippableFact]
    public void Seed_caption_is_kept_apart_from_the_body()
    {
        var doc = ReadSeed().Document!;
        var caption = Assert.Single(doc.Metadata.Captions);
        Assert.Contains("Gimhae Air Base", caption);
        Assert.DoesNotContain("Gimhae", doc.Text);
    }

    [SkippableFact]
    public void Seed_furniture_is_removed_and_the_highlight_is_read_once()
    {
        var doc = ReadSeed().Document!;
        Assert.DoesNotContain("Subscribe", doc.Text);
        Assert.DoesNotContain("newsletter", doc.Text);
        Assert.DoesNotContain("Highlights", doc.Text);
        Assert.DoesNotContain("Published", doc.Text);
        var truce = "reached a trade truce";
        Assert.Equal(doc.Text.IndexOf(truce, StringComparison.Ordinal), doc.Text.LastIndexOf(truce, StringComparison.Ordinal));
        // The body copy is the one kept: it follows the paragraph about the APEC talks.
        Assert.True(doc.Text.IndexOf("APEC summit", StringComparison.Ordinal) < doc.Text.IndexOf(truce, StringComparison.Ordinal));
        Assert.StartsWith("ALBAWABA- U.S. President Donald Trump said", doc.Text);
        Assert.Equal(doc.Paragraphs.Count, doc.Text.Split("\n\n").Length);
        Assert.Empty(doc.CheckSpans());
    }
}
