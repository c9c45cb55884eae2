using System.IO.Compression;
using System.Text;

namespace Parley.Ingest.Tests;

public class WarcTests
{
    internal static byte[] Record(string type, string uri, byte[] block, string contentType = "application/http; msgtype=response", string? id = null)
    {
        var head = $"WARC/1.0\r\nWARC-Type: {type}\r\n{(id is null ? "" : $"WARC-Record-ID: <{id}>\r\n")}WARC-Target-URI: {uri}\r\nWARC-Date: 2025-06-12T10:00:00Z\r\n" +
                   $"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. block, .. "\r\n\r\n"u8.ToArray()];
    }

    internal static byte[] Http(string status, string contentType, byte[] body, string extraHeaders = "") =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n"), .. body];

    internal static byte[] GzipMember(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(data);
        return ms.ToArray();
    }

    [Fact]
    public void Warc_gz_html_responses_become_articles_and_other_records_are_passed_over()
    {
        using var tmp = new TempFolder();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var page = File.ReadAllBytes(Samples.Path("summit.html"));
        var chinese = Encoding.GetEncoding("gb2312").GetBytes(
            "<html><head><title>峰会</title></head><body><article><p>三国领导人星期四同意共享水坝放水数据，结束了持续两年的争端。</p></article></body></html>");
        var records = new[]
        {
            Record("warcinfo", "", "software: test\r\n"u8.ToArray(), "application/warc-fields"),
            Record("request", "https://ledger.example/a", "GET /a HTTP/1.1\r\n\r\n"u8.ToArray(), "application/http; msgtype=request"),
            Record("response", "https://ledger.example/a", Http("200 OK", "text/html; charset=utf-8", GzipMember(page), "Content-Encoding: gzip\r\n")),
            Record("response", "https://ledger.example/logo.png", Http("200 OK", "image/png", [1, 2, 3])),
            Record("response", "https://ledger.example/old", Http("301 Moved Permanently", "text/html", "moved"u8.ToArray())),
            Record("response", "https://news.example/zh", Http("200 OK", "text/html; charset=gb2312", chinese)),
        };
        var path = tmp.Write("crawl.warc.gz", records.SelectMany(GzipMember).ToArray());
        var items = new ArticleReader().Read([path]).ToList();
        Assert.Equal(2, items.Count);
        var a = items[0].Document!;
        Assert.Equal("Leaders agree on water deal at river summit", a.Metadata.Title);
        Assert.Equal(path + "#3", items[0].Origin); // no WARC-Record-ID in these records: their number in the file
        Assert.Equal(items[0].Origin, a.Metadata.PathOrUrl);
        var zh = items[1].Document!;
        Assert.Contains("共享水坝放水数据", zh.Text);
        Assert.Equal("record:fetched_at", zh.Metadata.PublishedSource);
    }

    [Fact]
    public void A_file_that_is_not_warc_is_reported_not_thrown()
    {
        using var tmp = new TempFolder();
        var path = tmp.Write("junk.warc", "this is not a warc file\n");
        var item = Assert.Single(new ArticleReader().Read([path]));
        Assert.StartsWith(IngestCodes.Failed, item.SkipReason);
        Assert.Contains("WARC", item.SkipReason);
    }

    [Fact]
    public void An_oversized_record_is_skipped_and_the_next_one_is_read()
    {
        using var tmp = new TempFolder();
        var big = Record("response", "https://x.example/big", Http("200 OK", "text/html", new byte[5000]));
        var small = Record("response", "https://x.example/ok", Http("200 OK", "text/html",
            "<html><body><p>Police in Nairobi arrested twelve protesters on Sunday, a spokesman said.</p></body></html>"u8.ToArray()));
        var path = tmp.Write("two.warc", [.. big, .. small]);
        var items = new ArticleReader(new ArticleReaderOptions { MaxFileBytes = 2000 }).Read([path]).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith(IngestCodes.TooLarge, items[0].SkipReason);
        Assert.True(items[1].IsRead);
    }
}
