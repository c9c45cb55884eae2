using System.IO.Compression;
using System.Text;

namespace Parley.Ingest.Tests;

/// <summary>
/// Hostile and lying inputs: each is read or skipped with one line that names a stable code, the
/// reader never throws, and the inputs after it are still read. Big inputs are generated (sparse
/// files, compressed streams) so the suite stays small on disk and fast.
/// </summary>
public class HostileSuiteTests
{
    private const string Good = "<html><head><title>Ferry service resumes</title></head><body><article>" +
                                "<p>The ferry between Dar es Salaam and Zanzibar resumed on Friday after a two-day halt caused by high winds, the port authority said.</p>" +
                                "</article></body></html>";

    static HostileSuiteTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IngestItem ReadOne(string path, ArticleReaderOptions? options = null)
    {
        var items = new ArticleReader(options).Read([path]).ToList();
        Assert.NotEmpty(items);
        return items[0];
    }

    [Fact]
    public void A_zip_bomb_in_html_gz_stops_at_the_size_limit_with_a_reason()
    {
        using var tmp = new TempFolder();
        var options = new ArticleReaderOptions { MaxFileBytes = 4 * 1024 * 1024 };
        using var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var block = Encoding.ASCII.GetBytes(new string('<', 1 << 20));
            for (var i = 0; i < 64; i++) gz.Write(block); // 64 MB of markup from well under 100 KB
        }
        Assert.True(compressed.Length < 200_000);
        var path = tmp.Write("bomb.html.gz", compressed.ToArray());

        var item = ReadOne(path, options);

        Assert.StartsWith(IngestCodes.DecompressedTooLarge + ":", item.SkipReason);
        Assert.Contains("4,194,304", item.SkipReason);
    }

    [Theory]
    [InlineData("huge.html")]
    [InlineData("huge.txt")]
    [InlineData("huge.jsonl")]
    [InlineData("huge.csv")]
    [InlineData("huge.warc")]
    public void A_200_MB_file_is_rejected_or_streamed_with_a_reason_and_never_loaded(string name)
    {
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, name);
        using (var file = File.Create(path)) file.SetLength(200L * 1024 * 1024); // sparse: no disk used
        var before = GC.GetTotalAllocatedBytes(precise: false);

        var items = new ArticleReader().Read([path]).Take(5).ToList();

        var skip = Assert.Single(items);
        Assert.Matches(@"^PARLEY-[A-Z]\d{3}: ", skip.SkipReason);
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 120L * 1024 * 1024, "the reader allocated as much as the file");
    }

    [Fact]
    public void Fifty_megabytes_of_nested_divs_are_read_as_text_with_a_warning()
    {
        using var tmp = new TempFolder();
        const int depth = 4_500_000; // 4.5 M x 11 bytes: 49.5 MB, just under the default 50 MB limit
        var html = new StringBuilder(depth * 11 + 300).Append("<html><body>").Insert(12, "<div>", depth)
            .Append("<p>Flood waters rose in Dhaka on Tuesday, officials said.</p>").Append("</div>".Length > 0 ? string.Concat(Enumerable.Repeat("</div>", depth)) : "");
        var path = tmp.Write("deep.html", Encoding.ASCII.GetBytes(html.ToString()));
        Assert.True(new FileInfo(path).Length > 49_000_000);

        var item = ReadOne(path);

        Assert.Contains("Flood waters rose in Dhaka", item.Document!.Text);
        Assert.Contains(item.Warnings, w => w.StartsWith(IngestCodes.NestedTooDeep + ": "));
    }

    [Fact]
    public void Unclosed_tags_everywhere_still_give_the_article()
    {
        using var tmp = new TempFolder();
        var html = "<html><head><title>Ferry service resumes</title><body><article><p>The ferry between Dar es Salaam and Zanzibar resumed on Friday " +
                   "after a two-day halt caused by high winds, the port authority said.<p>Passengers who missed their crossings <b>can use their tickets <i>until the end of the month" +
                   "<div><table><tr><td>Timetable";
        var item = ReadOne(tmp.Write("unclosed.html", html));
        Assert.Contains("resumed on Friday", item.Document!.Text);
    }

    /// <summary>Pages whose declared encoding is not the one their bytes are in.</summary>
    [Theory]
    [InlineData("windows-1252", "utf-8", "Les grévistes de Sète réclament une hausse")]
    [InlineData("gbk", "utf-8", "三国领导人星期四同意共享水坝放水数据")]
    [InlineData("utf-8", "windows-1252", "Les grévistes de Sète réclament une hausse")]
    [InlineData("utf-8", "shift_jis", "東京で大雨のため電車が止まった")]
    public void A_lying_charset_never_crashes_and_a_misread_says_so(string actual, string declared, string sentence)
    {
        using var tmp = new TempFolder();
        var html = $"<html><head><meta charset=\"{declared}\"><title>t</title></head><body><article><p>{sentence}。{sentence}。</p>" +
                   $"<p>{sentence}, {sentence}.</p></article></body></html>";
        var path = tmp.Write("lying.html", Encoding.GetEncoding(actual).GetBytes(html));

        var item = ReadOne(path);

        // Either the text came out right, or the item carries a coded warning or reason that says the bytes did not fit.
        var readRight = item.Document?.Text.Contains(sentence, StringComparison.Ordinal) == true;
        var flagged = item.Warnings.Concat([item.SkipReason ?? ""]).Any(w => w.StartsWith("PARLEY-I", StringComparison.Ordinal)
                                                                           && w[..11] is IngestCodes.InvalidBytes or IngestCodes.DecodedAsWindows1252 or IngestCodes.UnknownEncoding or IngestCodes.Binary);
        Assert.True(readRight || flagged, $"misread silently: {item.Document?.Text[..Math.Min(80, item.Document.Text.Length)]}");
    }

    [Fact]
    public void A_feed_with_lying_dates_keeps_its_entries_and_says_which_dates_were_ignored()
    {
        using var tmp = new TempFolder();
        var clock = new FixedClock(new DateTimeOffset(2025, 6, 20, 12, 0, 0, TimeSpan.Zero));
        string Item(string title, string? date) =>
            $"<item><title>{title}</title><link>https://wire.example/{title.Replace(' ', '-')}</link>{(date is null ? "" : $"<pubDate>{date}</pubDate>")}" +
            $"<description><![CDATA[<p>{title}: the regional council in Mombasa approved the plan on a show of hands, officials said on the record.</p>]]></description></item>";
        var feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>" +
                   Item("Future date", "Fri, 01 Jan 2100 00:00:00 GMT") + Item("Epoch date", "Thu, 01 Jan 1970 00:00:00 GMT") +
                   Item("No date", null) + Item("Good date", "Wed, 18 Jun 2025 09:30:00 GMT") + "</channel></rss>";
        var path = tmp.Write("lying.rss", feed);

        var items = new ArticleReader(new ArticleReaderOptions { Clock = clock }).Read([path]).ToList();

        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.True(i.IsRead));
        Assert.Null(items[0].Document!.Metadata.Published);
        Assert.Contains(items[0].Warnings, w => w.StartsWith(IngestCodes.ImplausibleDate) && w.Contains("future"));
        Assert.Null(items[1].Document!.Metadata.Published);
        Assert.Contains(items[1].Warnings, w => w.StartsWith(IngestCodes.ImplausibleDate) && w.Contains("before 1990"));
        Assert.Contains(items[2].Warnings, w => w.StartsWith(IngestCodes.NoDate));
        Assert.Equal(new DateTimeOffset(2025, 6, 18, 9, 30, 0, TimeSpan.Zero), items[3].Document!.Metadata.Published);
        Assert.DoesNotContain(items[3].Warnings, w => w.StartsWith(IngestCodes.ImplausibleDate));
    }

    [Fact]
    public void A_folder_of_hostile_inputs_gives_one_coded_line_each_and_the_good_page_is_read()
    {
        using var tmp = new TempFolder();
        var junk = new byte[4096];
        new Random(5).NextBytes(junk);
        tmp.Write("a-empty.html", "");
        tmp.Write("b-junk.html", junk);
        tmp.Write("c-no-article.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        tmp.Write("d-truncated.html.gz", new byte[] { 0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3 });
        tmp.Write("e-good.html", Good);

        var items = new ArticleReader().Read([tmp.Path]).ToList();

        Assert.Equal(5, items.Count);
        Assert.True(items[^1].IsRead);
        Assert.All(items.Take(4), i => Assert.Matches(@"^PARLEY-I\d{3}: \S.*$", i.SkipReason));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
