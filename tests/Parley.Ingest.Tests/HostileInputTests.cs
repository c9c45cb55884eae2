using System.Text;

namespace Parley.Ingest.Tests;

public class HostileInputTests
{
    [Fact]
    public void A_million_nested_divs_are_read_as_text_with_a_warning()
    {
        using var tmp = new TempFolder();
        const int depth = 1_000_000;
        var sb = new StringBuilder(depth * 11 + 200);
        sb.Append("<html><body>");
        for (var i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append("<p>Flood waters rose in Dhaka on Tuesday, officials said.</p>");
        for (var i = 0; i < depth; i++) sb.Append("</div>");
        var path = tmp.Write("deep.html", sb.ToString());
        var item = new ArticleReader().ReadFile(path);
        Assert.Equal("Flood waters rose in Dhaka on Tuesday, officials said.", item.Document!.Text);
        Assert.Contains(item.Warnings, w => w.StartsWith(IngestCodes.NestedTooDeep + ": "));
    }

    [Fact]
    public void Ordinary_nesting_is_parsed_as_a_tree()
    {
        Assert.True(Html.NestingGuard.MaxDepth(File.ReadAllText(Samples.Path("summit.html"))) < 20);
        Assert.Equal(3, Html.NestingGuard.MaxDepth("<p>a<p>b<li>c<br><img src=x><div><span><b>x</b></span></div>"));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Byte_order_marks_choose_the_encoding(string name)
    {
        using var tmp = new TempFolder();
        const string text = "Grève à Marseille\n\nPublished 4 March 2025\n\nLes dockers de Marseille ont cessé le travail mardi.\n";
        Encoding enc = name switch
        {
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        var path = tmp.Write("a.txt", [.. enc.GetPreamble(), .. enc.GetBytes(text)]);
        var item = new ArticleReader().ReadFile(path);
        Assert.Equal("Grève à Marseille", item.Document!.Metadata.Title);
        Assert.Contains("cessé le travail", item.Document.Text);
        Assert.Empty(item.Warnings);
    }

    [Fact]
    public void Gb2312_page_with_meta_charset_is_transcoded()
    {
        using var tmp = new TempFolder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>峰会达成协议</title></head>" +
                   "<body><article><h1>峰会达成协议</h1><p>三国领导人星期四同意共享水坝放水数据，结束了持续两年的争端。</p></article></body></html>";
        var path = tmp.Write("zh.html", Encoding.GetEncoding("gb2312").GetBytes(html));
        var item = new ArticleReader().ReadFile(path);
        Assert.Equal("峰会达成协议", item.Document!.Metadata.Title);
        Assert.Contains("共享水坝放水数据", item.Document.Text);
        Assert.DoesNotContain(item.Warnings, w => w.StartsWith(IngestCodes.DecodedAsWindows1252));
    }

    [Fact]
    public void Script_only_and_broken_markup_pages_never_throw()
    {
        using var tmp = new TempFolder();
        string[] pages =
        [
            "<html><body><script>document.write('<p>' + 'x'.repeat(100000) + '</p>')</script></body></html>",
            "<<<<>>>><html <body <p>>>",
            "<html><body><table><tr><td><table><tr><td>" + string.Concat(Enumerable.Repeat("<b><i>", 5000)) + "text</body>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><html><body>&a;&a;</body></html>",
            "<html><head><script type=\"application/ld+json\">{\"@type\": [\"NewsArticle\"], \"author\": {\"name\": {\"@value\": 3}}, \"headline\": ]]</script></head><body></body></html>",
        ];
        var paths = pages.Select((p, i) => tmp.Write($"p{i}.html", p)).ToList();
        var items = new ArticleReader().Read(paths).ToList();
        Assert.Equal(pages.Length, items.Count);
        Assert.All(items, i => Assert.True(i.IsRead || i.SkipReason!.StartsWith("PARLEY-I0")));
        Assert.All(items.Where(i => !i.IsRead), i => Assert.DoesNotContain(IngestCodes.Failed, i.SkipReason));
    }
}
