using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parley.Ingest;
using Parley.Ingest.Fetch;
using Parley.Storage;
using Parley.Testing.Http;

namespace Parley.Engine.Tests;

/// <summary>
/// A WARC file, a JSON Lines batch and a feed served from 127.0.0.1 go through reader, triage,
/// pipeline and store in one run: every story is stored once with its events, and each copy,
/// whichever source brought it, is linked to the first copy and not coded again.
/// </summary>
public sealed class EndToEndIngestTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly LocalHttpServer _server = new();

    public EndToEndIngestTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _server.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    // Our own stories, in our own words.
    private static readonly string[] Sanctions =
    [
        "The European Union imposed sanctions on Thursday on six Belarusian officials accused of organising the deportation of children from occupied parts of Ukraine, the bloc's foreign policy chief said in Brussels.",
        "The measures freeze any assets the officials hold in the European Union and bar them from travelling to its member states, and they add two state companies in Minsk to the list of entities under sanctions.",
        "Belarus's foreign ministry condemned the decision and said Minsk would respond, while Ukraine's foreign minister welcomed the sanctions and urged the bloc to go further.",
    ];

    private static readonly string[] Aid =
    [
        "Japan pledged on Monday to give Bangladesh forty million dollars in emergency aid after floods in the north-east of the country displaced more than two hundred thousand people, the Japanese embassy in Dhaka said.",
        "The money will pay for clean water, temporary shelter and medicine in the districts of Sylhet and Sunamganj, where rivers burst their banks after a week of heavy rain.",
        "Bangladesh's disaster management minister thanked Tokyo and said the government had opened more than five hundred shelters across the flooded districts.",
    ];

    private static readonly string[] Protest =
    [
        "Thousands of teachers marched through the centre of Lima on Wednesday to demand higher pay, blocking traffic on the main avenues for several hours, police in Peru said.",
        "The teachers' union said salaries had not kept pace with prices for three years and threatened a national strike if the education ministry did not present an offer within two weeks.",
        "Peru's education minister said the government was ready to talk but that the budget left little room for a raise before next year.",
    ];

    private static readonly string[] Summit =
    [
        "The presidents of Kenya and Uganda met in Kampala on Friday and agreed to extend the oil pipeline from Hoima to the port of Mombasa, officials from both governments said.",
        "Kenyan President William Ruto said the two countries would set up a joint company to build the new section, and that work would begin after a feasibility study next year.",
        "Uganda's president said the pipeline would cut the cost of exporting crude oil and bring jobs to communities along the route.",
    ];

    private static string Html(string title, string published, IEnumerable<string> paragraphs) =>
        $"<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"{published}\"></head><body>" +
        $"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>" +
        string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) + "</article><footer>Subscribe to our newsletter</footer></body></html>";

    private static byte[] WarcRecord(string id, string uri, string html)
    {
        var body = Encoding.UTF8.GetBytes(html);
        var http = (byte[])[.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
        var head = $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{id}>\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-06-12T10:00:00Z\r\n" +
                   $"Content-Type: application/http; msgtype=response\r\nContent-Length: {http.Length}\r\n\r\n";
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write([.. Encoding.ASCII.GetBytes(head), .. http, .. "\r\n\r\n"u8.ToArray()]);
        return ms.ToArray();
    }

    [Fact]
    public void Warc_jsonl_and_a_local_feed_ingest_with_copies_linked_and_coded_once()
    {
        const string day = "2025-06-12T08:00:00Z";
        // WARC: the sanctions story, a syndicated copy of it (another headline, an agency line), the aid story.
        var warc = Path.Combine(_folder, "crawl.warc.gz");
        File.WriteAllBytes(warc, [
            .. WarcRecord("urn:uuid:1", "https://wire.example/eu-sanctions", Html("EU sanctions Belarusian officials over deported children", day, Sanctions)),
            .. WarcRecord("urn:uuid:2", "https://daily.example/belarus", Html("Brussels targets Minsk officials", "2025-06-12T11:00:00Z",
                [.. Sanctions, "This story was distributed by a news agency partner."])),
            .. WarcRecord("urn:uuid:3", "https://wire.example/japan-aid", Html("Japan pledges flood aid to Bangladesh", day, Aid)),
        ]);
        // JSON Lines: an update of the aid story (a paragraph added) and the protest story.
        var jsonl = Path.Combine(_folder, "batch.jsonl");
        File.WriteAllLines(jsonl, [
            JsonSerializer.Serialize(new { url = "https://other.example/aid", fetched_at = "2025-06-12T15:00:00Z",
                html = Html("Japan to give Bangladesh $40m after floods", "2025-06-12T14:00:00Z",
                    [.. Aid, "Later on Monday, the World Food Programme said it would send rice and lentils to the shelters in Sylhet."]) }),
            JsonSerializer.Serialize(new { url = "https://andes.example/lima", fetched_at = "2025-06-12T15:00:00Z",
                html = Html("Teachers march in Lima over pay", "2025-06-11T20:00:00Z", Protest) }),
        ]);
        // A feed on 127.0.0.1: the summit story and a copy of the protest story.
        _server.On("/robots.txt", Reply.Text(200, "text/plain", "User-agent: *\nAllow: /\n"));
        _server.On("/summit", Reply.Html(Html("Kenya and Uganda agree to extend pipeline", day, Summit)));
        _server.On("/lima", Reply.Html(Html("Peru: teachers protest low pay", "2025-06-12T09:00:00Z", [.. Protest, "Reporting by the Andes wire service."])));
        _server.On("/feed.xml", Reply.Text(200, "application/rss+xml; charset=utf-8", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Local wire</title>
            <item><title>Kenya and Uganda agree to extend pipeline</title><link>{_server.Url("/summit")}</link></item>
            <item><title>Peru: teachers protest low pay</title><link>{_server.Url("/lima")}</link></item>
            </channel></rss>
            """));
        var reader = new ArticleReader();
        using var fetcher = new PoliteFetcher(new FetchOptions { TimeProvider = new VirtualClock() });
        var items = reader.Read([warc, jsonl]).Concat(new WebArticleSource(fetcher, reader).Read([_server.Url("/feed.xml")]));
        var db = Path.Combine(_folder, "store.db");
        using var store = SqliteEventStore.Open(db);

        var summary = new IngestRunner(ParleyPipeline.Default, reader).Run(items, store);

        Assert.True(summary.Skips.Count == 0, string.Join("; ", summary.Skips));
        Assert.True(summary.NearDuplicates == 3, summary + " " + string.Join("; ", summary.NearCopies));
        Assert.Equal(0, summary.Duplicates);
        Assert.Equal(4, summary.Stored);
        Assert.Equal(3, summary.NearDuplicates);
        var copies = summary.NearCopies.ToDictionary(c => c.Origin, c => c.CopyOf);
        Assert.Equal(summary.ArticleIds[0], copies[warc + "#urn:uuid:2"]);
        Assert.Equal(summary.ArticleIds[2], copies[jsonl + "#1"]);
        Assert.Equal(summary.ArticleIds[4], copies[_server.Url("/lima")]);
        var events = store.QueryEvents();
        Assert.NotEmpty(events);
        var copyIds = summary.NearCopies.Select(c => c.ArticleId).ToHashSet();
        Assert.DoesNotContain(events, e => copyIds.Contains(e.ArticleId));
        Assert.Equal(summary.Events, events.Count);
    }
}
