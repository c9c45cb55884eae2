using System.Text;

namespace Parley.Ingest.Tests;

public class BadInputTests
{
    private static void AssertOneLine(string? reason, string code)
    {
        Assert.NotNull(reason);
        Assert.StartsWith(code + ": ", reason);
        Assert.DoesNotContain('\n', reason);
    }

    [Fact]
    public void Empty_file_is_skipped_with_a_reason()
    {
        using var tmp = new TempFolder();
        var item = new ArticleReader().ReadFile(tmp.Write("empty.txt", []));
        AssertOneLine(item.SkipReason, IngestCodes.Empty);
        Assert.Null(item.Document);
    }

    [Fact]
    public void White_space_only_file_is_empty()
    {
        using var tmp = new TempFolder();
        AssertOneLine(new ArticleReader().ReadFile(tmp.Write("blank.html", " \n\t\n")).SkipReason, IngestCodes.Empty);
    }

    [Fact]
    public void Binary_file_with_an_html_name_is_skipped()
    {
        using var tmp = new TempFolder();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var item = new ArticleReader().ReadFile(tmp.Write("junk.html", bytes));
        AssertOneLine(item.SkipReason, IngestCodes.Binary);
    }

    [Fact]
    public void Control_characters_without_nul_are_binary_too()
    {
        using var tmp = new TempFolder();
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();
        AssertOneLine(new ArticleReader().ReadFile(tmp.Write("junk.txt", bytes)).SkipReason, IngestCodes.Binary);
    }

    [Fact]
    public void Html_with_no_article_is_skipped()
    {
        var item = new ArticleReader().ReadFile(Samples.Path("no-article.html"));
        AssertOneLine(item.SkipReason, IngestCodes.NoArticle);
    }

    [Fact]
    public void Non_utf8_file_is_read_as_windows_1252_with_a_warning()
    {
        var item = new ArticleReader().ReadFile(Samples.Path("cp1252.txt"));
        Assert.True(item.IsRead, item.SkipReason);
        Assert.Contains("cafés in Lyon", item.Document!.Text);
        Assert.Contains("\u201cruin\u201d", item.Document.Text);
        Assert.Equal("Café owners protest new tax in Lyon", item.Document.Metadata.Title);
        var warning = Assert.Single(item.Warnings);
        AssertOneLine(warning, IngestCodes.DecodedAsWindows1252);
    }

    [Fact]
    public void Declared_meta_charset_is_honoured()
    {
        using var tmp = new TempFolder();
        var html = "<html><head><meta charset=\"iso-8859-15\"><title>Grève à Marseille</title></head><body><p>Les dockers de Marseille ont cessé le travail mardi pour protester contre la réforme, a indiqué le syndicat.</p></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = tmp.Write("fr.html", Encoding.GetEncoding("iso-8859-15").GetBytes(html));
        var item = new ArticleReader().ReadFile(path);
        Assert.Contains("cessé le travail", item.Document!.Text);
        Assert.DoesNotContain(item.Warnings, w => w.StartsWith(IngestCodes.DecodedAsWindows1252));
    }

    [Fact]
    public void Too_large_file_is_skipped_without_reading_it()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("big.txt", new string('a', 5000));
        var item = new ArticleReader(new ArticleReaderOptions { MaxFileBytes = 1000 }).ReadFile(path);
        AssertOneLine(item.SkipReason, IngestCodes.TooLarge);
    }

    [Fact]
    public void Missing_path_and_unknown_type_are_skipped_and_reading_goes_on()
    {
        using var tmp = new TempFolder();
        var odd = tmp.Write("data.bin", "hello");
        var good = Samples.Path("harbour-strike.txt");
        var items = new ArticleReader().Read([Path.Combine(tmp.Path, "missing.txt"), odd, good]).ToList();
        AssertOneLine(items[0].SkipReason, IngestCodes.NotFound);
        AssertOneLine(items[1].SkipReason, IngestCodes.Unsupported);
        Assert.True(items[2].IsRead);
    }

    [Fact]
    public void A_folder_of_mixed_bad_and_good_files_is_read_in_name_order_without_throwing()
    {
        using var tmp = new TempFolder();
        tmp.Write("b/empty.txt", []);
        tmp.Write("a/good.txt", File.ReadAllBytes(Samples.Path("harbour-strike.txt")));
        tmp.Write("c/junk.htm", [0, 1, 2, 3, 0, 0]);
        tmp.Write("c/readme.bin", "ignored: unknown extension in a folder walk");
        var items = new ArticleReader().Read([tmp.Path]).ToList();
        Assert.Equal(3, items.Count);
        Assert.True(items[0].IsRead);
        AssertOneLine(items[1].SkipReason, IngestCodes.Empty);
        AssertOneLine(items[2].SkipReason, IngestCodes.Binary);
    }
}
