using System.Text;
using static Parley.Ingest.Tests.WarcTests;

namespace Parley.Ingest.Tests;

/// <summary>Damage inside a WARC file costs the damaged record, never the rest of the file.</summary>
public class WarcDamageTests
{
    private static readonly string[] Towns = ["Arusha", "Mwanza", "Dodoma", "Tanga", "Moshi", "Iringa", "Mbeya", "Tabora", "Kigoma", "Songea"];

    /// <summary>A small news page of our own, different for each number.</summary>
    private static byte[] Page(int n) => Encoding.UTF8.GetBytes(
        $"<html><head><title>Council in {Towns[n % Towns.Length]} votes on market plan {n}</title></head><body><article>" +
        $"<p>The town council of {Towns[n % Towns.Length]} voted on Tuesday to rebuild its central market, record {n} of the crawl, after traders complained for years about flooding.</p>" +
        $"<p>Councillors said the work would start in {1 + n % 12} months and cost about {n * 3 + 2} million shillings, paid partly by a regional development fund.</p>" +
        "</article></body></html>");

    private static byte[] Response(int n) =>
        Record("response", $"https://news.example/{n}", Http("200 OK", "text/html; charset=utf-8", Page(n)), id: $"urn:uuid:00000000-0000-0000-0000-{n:D12}");

    [Fact]
    public void A_corrupt_gzip_member_is_skipped_with_its_offset_and_the_following_records_are_read()
    {
        using var tmp = new TempFolder();
        var members = Enumerable.Range(1, 6).Select(n => GzipMember(Response(n))).ToArray();
        var corruptAt = members.Take(2).Sum(m => m.Length); // the third member
        var bytes = members.SelectMany(m => m).ToArray();
        for (var i = corruptAt + 12; i < corruptAt + 40; i++) bytes[i] ^= 0x5a; // damage its deflate data, keep its header
        var path = tmp.Write("crawl.warc.gz", bytes);

        var items = new ArticleReader().Read([path]).ToList();

        Assert.Equal(5, items.Count(i => i.IsRead));
        var skip = Assert.Single(items, i => !i.IsRead);
        Assert.StartsWith(IngestCodes.BadRecord, skip.SkipReason);
        Assert.Contains($"byte {corruptAt:N0}", skip.SkipReason);
        Assert.Equal($"{path}#urn:uuid:00000000-0000-0000-0000-000000000004", items[3].Origin);
        Assert.Equal(items[3].Origin, items[3].Document!.Metadata.PathOrUrl);
        Assert.Equal("https://news.example/4", items[3].Document!.Metadata.CanonicalUrl);
    }

    [Fact]
    public void A_gz_file_cut_short_keeps_every_whole_record_and_names_the_cut()
    {
        using var tmp = new TempFolder();
        var bytes = Enumerable.Range(1, 4).SelectMany(n => GzipMember(Response(n))).ToArray();
        var path = tmp.Write("cut.warc.gz", bytes[..(bytes.Length - 60)]);

        var items = new ArticleReader().Read([path]).ToList();

        Assert.Equal(3, items.Count(i => i.IsRead));
        Assert.StartsWith(IngestCodes.BadRecord, items[^1].SkipReason);
    }

    [Fact]
    public void A_truncated_record_in_a_plain_warc_is_reported_and_the_next_record_is_read()
    {
        using var tmp = new TempFolder();
        var second = Response(2);
        // The second record loses the end of its block, but still declares its full length.
        var truncated = second[..(second.Length - 150)];
        var path = tmp.Write("plain.warc", [.. Response(1), .. truncated, .. Response(3), .. Response(4)]);

        var items = new ArticleReader().Read([path]).ToList();

        Assert.Equal(3, items.Count(i => i.IsRead));
        var skip = Assert.Single(items, i => !i.IsRead);
        Assert.Contains("truncated", skip.SkipReason);
        Assert.EndsWith("000000000002", skip.Origin);
        Assert.EndsWith("000000000003", items[2].Origin);
    }

    [Fact]
    public void Junk_between_records_is_skipped_up_to_the_next_warc_header()
    {
        using var tmp = new TempFolder();
        var junk = new byte[100_000];
        new Random(3).NextBytes(junk);
        var path = tmp.Write("junk.warc", [.. Response(1), .. junk, .. Response(2)]);

        var items = new ArticleReader().Read([path]).ToList();

        Assert.Equal(2, items.Count(i => i.IsRead));
        var skip = Assert.Single(items, i => !i.IsRead);
        Assert.Contains("skipped", skip.SkipReason);
        Assert.Contains($"byte {Response(1).Length:N0}", skip.SkipReason);
    }

    [Fact]
    public void A_three_hundred_record_warc_streams_one_record_at_a_time()
    {
        using var tmp = new TempFolder();
        var path = Path.Combine(tmp.Path, "many.warc.gz");
        using (var file = File.Create(path))
            for (var n = 1; n <= 300; n++) file.Write(GzipMember(Response(n)));

        using var e = new ArticleReader().Read([path]).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.EndsWith("000000000001", e.Current.Origin); // the first article is out before the rest is read
        var count = 1;
        while (e.MoveNext()) count += e.Current.IsRead ? 1 : 0;
        Assert.Equal(300, count);
    }
}
