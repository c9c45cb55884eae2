namespace Parley.Ingest.Tests;

public class FeedTests
{
    [Fact]
    public void Rss_items_become_articles_with_the_items_metadata()
    {
        var items = new ArticleReader().Read([Samples.Path("world.rss")]).ToList();
        Assert.Equal(3, items.Count);
        var a = items[0].Document!;
        Assert.Equal("Leaders agree on water deal at river summit", a.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2025, 6, 12, 7, 15, 0, TimeSpan.Zero), a.Metadata.Published);
        Assert.Equal("Maria Okafor", a.Metadata.Author);
        Assert.Equal("https://ledger.example/world/2025/06/12/river-summit", a.Metadata.PathOrUrl);
        Assert.Equal("en", a.Metadata.Language);
        Assert.Equal(2, a.Paragraphs.Count);
        var b = items[1].Document!;
        Assert.Equal(new DateTimeOffset(2025, 6, 13, 16, 0, 0, TimeSpan.Zero), b.Metadata.Published!.Value.ToUniversalTime());
        Assert.StartsWith("Rail workers in Spain", b.Text);
        Assert.StartsWith(IngestCodes.Empty, items[2].SkipReason);
    }

    [Fact]
    public void Atom_entries_are_read()
    {
        var item = Assert.Single(new ArticleReader().Read([Samples.Path("science.atom")]));
        var doc = item.Document!;
        Assert.Equal("Volcano erupts in Iceland", doc.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2025, 2, 4, 22, 10, 0, TimeSpan.Zero), doc.Metadata.Published);
        Assert.Equal("Jon Einarsson", doc.Metadata.Author);
        Assert.Equal("https://science.example/volcano", doc.Metadata.PathOrUrl);
        Assert.Contains("Reykjanes", doc.Text);
    }

    [Fact]
    public void Malformed_or_hostile_feeds_are_skipped_with_a_reason()
    {
        using var tmp = new TempFolder();
        var broken = tmp.Write("broken.rss", "<rss><channel><item><title>x</title><description>text</description></item><item><title>");
        var bomb = tmp.Write("bomb.xml", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><rss><channel><item><title>&lol2;</title></item></channel></rss>");
        var items = new ArticleReader().Read([broken, bomb]).ToList();
        Assert.Contains(items, i => i.Origin.StartsWith(broken, StringComparison.Ordinal) && i.SkipReason is not null && i.SkipReason.StartsWith(IngestCodes.BadRecord));
        var last = items.Last();
        Assert.StartsWith(IngestCodes.BadRecord, last.SkipReason);
    }
}
