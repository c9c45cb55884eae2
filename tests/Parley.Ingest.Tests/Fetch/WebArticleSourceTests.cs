using Parley.Ingest.Fetch;
using Parley.Testing.Http;

namespace Parley.Ingest.Tests.Fetch;

public sealed class WebArticleSourceTests : IDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly VirtualClock _clock = new();

    public WebArticleSourceTests()
    {
        _server.On("/robots.txt", Reply.Text(200, "text/plain", "User-agent: *\nDisallow: /members/\n"));
        _server.On("/news/ports", Reply.Html(NewsPages.Ports()));
        _server.On("/news/bridge", Reply.Html(NewsPages.Bridge()));
        _server.On("/news/farmers", Reply.Html(NewsPages.Undated()));
        _server.On("/members/secret", Reply.Html(NewsPages.Ports()));
        _server.On("/feed.xml", Reply.Text(200, "application/rss+xml; charset=utf-8", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Harbour Ledger</title><link>{_server.Url("/")}</link>
            <item><title>Port workers end strike after pay deal</title><link>{_server.Url("/news/ports")}</link><pubDate>Fri, 27 Feb 2026 08:15:00 GMT</pubDate></item>
            <item><title>Two neighbours agree to rebuild border bridge</title><link>/news/bridge</link></item>
            <item><title>Farmers protest over water rules</title><link>{_server.Url("/news/farmers")}</link><pubDate>Tue, 24 Feb 2026 17:40:00 GMT</pubDate></item>
            <item><title>For members</title><link>{_server.Url("/members/secret")}</link></item>
            <item><title>Same story again</title><link>{_server.Url("/news/ports")}</link></item>
            </channel></rss>
            """));
    }

    public void Dispose() => _server.Dispose();

    private PoliteFetcher Fetcher() => new(new FetchOptions { TimeProvider = _clock });

    [Fact]
    public void A_feed_url_yields_the_articles_it_links_to_fetched_politely()
    {
        using var fetcher = Fetcher();
        var source = new WebArticleSource(fetcher, new ArticleReader());

        var items = source.Read([_server.Url("/feed.xml")]).ToList();

        Assert.Equal([_server.Url("/news/ports"), _server.Url("/news/bridge"), _server.Url("/news/farmers"), _server.Url("/members/secret")],
            items.Select(i => i.Origin));
        var ports = items[0].Document!;
        Assert.Equal("Port workers end strike after pay deal", ports.Metadata.Title);
        Assert.Equal(_server.Url("/news/ports"), ports.Metadata.PathOrUrl);
        Assert.Contains("Dock workers in the port of Valdora", ports.Text);
        Assert.DoesNotContain("Subscribe", ports.Text);
        Assert.True(items[1].IsRead); // relative link resolved against the feed's URL
        // The undated page takes its date from the feed entry.
        var farmers = items[2].Document!;
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 17, 40, 0, TimeSpan.Zero), farmers.Metadata.Published);
        Assert.Equal("feed:date", farmers.Metadata.PublishedSource);
        Assert.DoesNotContain(items[2].Warnings, w => w.StartsWith(IngestCodes.NoDate, StringComparison.Ordinal));
        Assert.StartsWith(FetchCodes.Disallowed, items[3].SkipReason);
        Assert.Equal(1, _server.Hits("/news/ports")); // listed twice, fetched once
        Assert.Equal(0, _server.Hits("/members/secret"));
    }

    [Fact]
    public void Max_pages_bounds_the_article_fetches_and_says_so()
    {
        using var fetcher = Fetcher();
        var source = new WebArticleSource(fetcher, new ArticleReader(), maxPages: 2);

        var items = source.Read([_server.Url("/feed.xml"), _server.Url("/news/farmers")]).ToList();

        Assert.Equal(2, items.Count(i => i.IsRead));
        Assert.Equal(2, source.PagesFetched);
        Assert.All(items.Skip(2), i => Assert.StartsWith(FetchCodes.PageLimit, i.SkipReason));
        Assert.Equal(0, _server.Hits("/news/farmers"));
    }

    [Fact]
    public void A_page_url_gives_one_article_and_failures_give_skips_with_reasons()
    {
        using var fetcher = Fetcher();
        var source = new WebArticleSource(fetcher, new ArticleReader());

        var items = source.Read([_server.Url("/news/bridge"), _server.Url("/nowhere"), "not a url"]).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("Two neighbours agree to rebuild border bridge", items[0].Document!.Metadata.Title);
        Assert.StartsWith(FetchCodes.HttpError, items[1].SkipReason);
        Assert.StartsWith(FetchCodes.BadUrl, items[2].SkipReason);
    }

    [Fact]
    public void A_broken_feed_is_one_skip_with_a_reason()
    {
        _server.On("/broken.xml", Reply.Text(200, "application/rss+xml", "<rss><channel><item><link>/x</link></item>"));
        using var fetcher = Fetcher();

        var item = Assert.Single(new WebArticleSource(fetcher, new ArticleReader()).Read([_server.Url("/broken.xml")]));

        Assert.StartsWith(FetchCodes.BadFeed, item.SkipReason);
    }

    [Fact]
    public void Feed_links_are_read_from_atom_and_rdf_too()
    {
        var atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><title>One</title><link rel="alternate" href="https://news.example/1"/><link rel="enclosure" href="https://news.example/1.mp3"/><published>2026-02-01T10:00:00Z</published></entry>
            <entry><title>Two</title><link href="2"/><updated>2026-02-02T10:00:00Z</updated></entry>
            </feed>
            """u8.ToArray();
        var rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <item rdf:about="https://news.example/rdf-1"><title>R</title></item></rdf:RDF>
            """u8.ToArray();

        var links = FeedLinks.Read(atom, new Uri("https://news.example/feed"));
        Assert.True(FeedLinks.LooksLikeFeed(atom));
        Assert.Equal([new FeedLink("https://news.example/1", "One", "2026-02-01T10:00:00Z"), new FeedLink("https://news.example/2", "Two", "2026-02-02T10:00:00Z")], links);
        Assert.Equal("https://news.example/rdf-1", Assert.Single(FeedLinks.Read(rdf, new Uri("https://news.example/"))).Link);
        Assert.False(FeedLinks.LooksLikeFeed("<!DOCTYPE html><html><body>x</body></html>"u8));
    }
}
