namespace Parley.Ingest.Tests;

public class HtmlTests
{
    [Fact]
    public void Html_article_body_is_extracted_without_furniture()
    {
        var item = new ArticleReader().ReadFile(Samples.Path("summit.html"));
        var doc = item.Document!;
        Assert.Equal(4, doc.Paragraphs.Count);
        Assert.StartsWith("The leaders of three countries", doc.Text);
        Assert.EndsWith("planned for October in Phnom Penh.", doc.Text);
        Assert.DoesNotContain("cookies", doc.Text);
        Assert.DoesNotContain("newsletter", doc.Text);
        Assert.DoesNotContain("Share", doc.Text);
        Assert.DoesNotContain("Drought", doc.Text);
        Assert.DoesNotContain("Copyright", doc.Text);
        Assert.DoesNotContain("Vientiane", doc.Text);
    }

    [Fact]
    public void Html_metadata_comes_from_json_ld_and_meta_tags()
    {
        var meta = new ArticleReader().ReadFile(Samples.Path("summit.html")).Document!.Metadata;
        Assert.Equal("Leaders agree on water deal at river summit", meta.Title);
        Assert.Equal(new DateTimeOffset(2025, 6, 12, 7, 15, 0, TimeSpan.Zero), meta.Published);
        Assert.Equal("json-ld:datePublished", meta.PublishedSource);
        Assert.Equal("Maria Okafor", meta.Author);
        Assert.Equal("The Daily Ledger", meta.Site);
        Assert.Equal("en", meta.Language);
        Assert.Equal("https://ledger.example/world/2025/06/12/river-summit", meta.CanonicalUrl);
        Assert.Contains(meta.Captions, c => c.Contains("Vientiane"));
    }

    [Fact]
    public void Title_site_suffix_is_stripped_when_only_the_title_element_is_there()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("p.html", "<html><head><title>Floods close schools in Dhaka - Metro Times</title></head><body>" +
            "<p>Schools across Dhaka were closed on Tuesday after two days of monsoon rain flooded streets, officials said.</p>" +
            "<p>The education ministry said classes would resume once water levels fell.</p></body></html>");
        var doc = new ArticleReader().ReadFile(path).Document!;
        Assert.Equal("Floods close schools in Dhaka", doc.Metadata.Title);
        Assert.Equal(2, doc.Paragraphs.Count);
    }

    [Fact]
    public void Unclosed_tags_do_not_lose_the_text()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("p.html", "<html><body><div><p>Police in Nairobi arrested twelve protesters on Sunday, a spokesman said.<p>The protesters had blocked a main road for three hours.<div><b>unclosed");
        var doc = new ArticleReader().ReadFile(path).Document!;
        Assert.Contains("arrested twelve protesters", doc.Text);
        Assert.Contains("blocked a main road", doc.Text);
    }
}
