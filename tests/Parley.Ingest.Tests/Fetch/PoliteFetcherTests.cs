using System.Text;
using Parley.Ingest.Fetch;
using Parley.Testing.Http;

namespace Parley.Ingest.Tests.Fetch;

public sealed class PoliteFetcherTests : IDisposable
{
    private const string Robots = """
        # Other crawlers may not come at all; Parley has its own group.
        User-agent: OtherBot
        Disallow: /

        User-agent: Parley
        Disallow: /private/
        Allow: /private/open-
        Crawl-delay: 2

        User-agent: *
        Disallow: /news/
        """;

    private readonly LocalHttpServer _server = new();
    private readonly VirtualClock _clock = new();
    private readonly TempFolder _tmp = new();
    private readonly List<(Uri Uri, DateTimeOffset At)> _sent = [];

    public PoliteFetcherTests() => _server.On("/robots.txt", Reply.Text(200, "text/plain", Robots));

    public void Dispose()
    {
        _server.Dispose();
        _tmp.Dispose();
    }

    private PoliteFetcher Fetcher(long maxBytes = 1_000_000, string? cache = null, int retries = 3, double timeoutSeconds = 20)
    {
        var fetcher = new PoliteFetcher(new FetchOptions
        {
            TimeProvider = _clock,
            MaxResponseBytes = maxBytes,
            MaxRetries = retries,
            CachePath = cache,
            AttemptTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        });
        fetcher.RequestSent += (uri, at) =>
        {
            lock (_sent) _sent.Add((uri, at));
        };
        return fetcher;
    }

    private async Task<FetchResult> Fetch(PoliteFetcher fetcher, string path) =>
        await fetcher.FetchAsync(_server.Url(path)).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_path_robots_txt_disallows_is_never_requested()
    {
        _server.On("/private/payroll", Reply.Html(NewsPages.Ports()));
        _server.On("/private/open-letter", Reply.Html(NewsPages.Bridge()));
        using var fetcher = Fetcher();

        var refused = await Fetch(fetcher, "/private/payroll");
        var allowed = await Fetch(fetcher, "/private/open-letter");

        Assert.Equal(FetchOutcome.Disallowed, refused.Outcome);
        Assert.StartsWith(FetchCodes.Disallowed, refused.Reason);
        Assert.Equal(0, _server.Hits("/private/payroll"));
        Assert.Equal(FetchOutcome.Fetched, allowed.Outcome);
        Assert.Equal(1, _server.Hits("/robots.txt")); // read once, then cached for the host
        Assert.All(_server.Log, r => Assert.Equal("Parley/0.1 (+https://example.invalid/parley)", r.UserAgent));
    }

    [Fact]
    public async Task Requests_to_one_host_keep_the_larger_of_the_delay_and_crawl_delay_apart()
    {
        foreach (var p in new[] { "/a", "/b", "/c" }) _server.On(p, Reply.Html(NewsPages.Ports()));
        using var fetcher = Fetcher();

        foreach (var p in new[] { "/a", "/b", "/c" }) Assert.True((await Fetch(fetcher, p)).IsFetched);

        // robots.txt, /a, /b, /c in that order on the server; on the fetcher's clock the pages are at
        // least Crawl-delay (2 s, larger than the 1 s default) apart.
        Assert.Equal(["/robots.txt", "/a", "/b", "/c"], _server.Log.Select(r => r.Path));
        var pages = _sent.Where(s => s.Uri.AbsolutePath != "/robots.txt").Select(s => s.At).ToList();
        Assert.Equal(3, pages.Count);
        for (var i = 1; i < pages.Count; i++) Assert.True(pages[i] - pages[i - 1] >= TimeSpan.FromSeconds(2), $"gap {pages[i] - pages[i - 1]}");
        Assert.True(pages[0] - _sent[0].At >= TimeSpan.FromSeconds(1), "the robots.txt request counts for the host too");
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_retry_after_asks_and_then_succeeds()
    {
        _server.On("/busy", (n, _) => n == 1
            ? new Reply(429, "text/plain", "slow down"u8.ToArray(), new Dictionary<string, string> { ["Retry-After"] = "7" })
            : Reply.Html(NewsPages.Bridge()));
        using var fetcher = Fetcher();

        var result = await Fetch(fetcher, "/busy");

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(2, _server.Hits("/busy"));
        var times = _sent.Where(s => s.Uri.AbsolutePath == "/busy").Select(s => s.At).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(7), $"retried after {times[1] - times[0]}");
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_given_up_on_with_a_reason_after_the_retries()
    {
        _server.On("/down", Reply.Text(503, "text/plain", "maintenance"));
        using var fetcher = Fetcher(retries: 2);

        var result = await Fetch(fetcher, "/down");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith(FetchCodes.HttpError, result.Reason);
        Assert.Contains("503", result.Reason);
        Assert.Equal(3, _server.Hits("/down"));
        // Exponential backoff: the second wait is longer than the first's base (1 s, jittered).
        var times = _sent.Where(s => s.Uri.AbsolutePath == "/down").Select(s => s.At).ToList();
        Assert.True(times[2] - times[1] > TimeSpan.Zero && times[1] - times[0] > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_second_fetch_of_an_unchanged_page_is_a_304_reported_unchanged_even_from_a_new_run()
    {
        _server.On("/story", (_, request) => request.Headers["If-None-Match"] == "\"v1\""
            ? new Reply(304)
            : Reply.Html(NewsPages.Ports(), ("ETag", "\"v1\""), ("Last-Modified", "Fri, 27 Feb 2026 08:15:00 GMT")));
        var cache = Path.Combine(_tmp.Path, "cache.json");

        FetchResult first, second, third;
        using (var fetcher = Fetcher(cache: cache))
        {
            first = await Fetch(fetcher, "/story");
            second = await Fetch(fetcher, "/story");
        }
        using (var fetcher = Fetcher(cache: cache)) third = await Fetch(fetcher, "/story");

        Assert.Equal(FetchOutcome.Fetched, first.Outcome);
        Assert.Equal(FetchOutcome.Unchanged, second.Outcome);
        Assert.StartsWith(FetchCodes.Unchanged, second.Reason);
        Assert.Equal(FetchOutcome.Unchanged, third.Outcome);
        var asks = _server.Log.Where(r => r.Path == "/story").ToList();
        Assert.Null(asks[0].IfNoneMatch);
        Assert.Equal("\"v1\"", asks[1].IfNoneMatch);
        Assert.Equal("Fri, 27 Feb 2026 08:15:00 GMT", asks[1].IfModifiedSince);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // chunked: no Content-Length, the cap is met while streaming
    public async Task An_oversized_response_is_dropped_with_a_reason(bool chunked)
    {
        var big = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>Filler paragraph of a very long page.</p>", 5000)) + "</body></html>");
        _server.On("/huge", new Reply(200, "text/html", big, Chunked: chunked));
        using var fetcher = Fetcher(maxBytes: 50_000);

        var result = await Fetch(fetcher, "/huge");

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.StartsWith(FetchCodes.TooLarge, result.Reason);
        Assert.Contains("50,000-byte limit", result.Reason);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task An_image_is_refused_by_media_type_and_a_404_is_a_failure_without_retries()
    {
        _server.On("/logo.png", new Reply(200, "image/png", [0x89, 0x50, 0x4E, 0x47]));
        using var fetcher = Fetcher();

        var image = await Fetch(fetcher, "/logo.png");
        var missing = await Fetch(fetcher, "/gone");

        Assert.Equal(FetchOutcome.WrongType, image.Outcome);
        Assert.Contains("image/png", image.Reason);
        Assert.Equal(FetchOutcome.Failed, missing.Outcome);
        Assert.StartsWith(FetchCodes.HttpError, missing.Reason);
        Assert.Equal(1, _server.Hits("/gone"));
    }

    [Fact]
    public async Task A_redirect_is_followed_and_its_target_is_checked_against_robots_txt()
    {
        _server.On("/old", new Reply(301, Headers: new Dictionary<string, string> { ["Location"] = "/new" }));
        _server.On("/new", Reply.Html(NewsPages.Bridge()));
        _server.On("/sneaky", new Reply(302, Headers: new Dictionary<string, string> { ["Location"] = "/private/files" }));
        using var fetcher = Fetcher();

        var moved = await Fetch(fetcher, "/old");
        var sneaky = await Fetch(fetcher, "/sneaky");

        Assert.Equal(FetchOutcome.Fetched, moved.Outcome);
        Assert.Equal(_server.Url("/new"), moved.FinalUrl);
        Assert.Equal(FetchOutcome.Disallowed, sneaky.Outcome);
        Assert.Equal(0, _server.Hits("/private/files"));
    }

    [Fact]
    public async Task A_robots_txt_answering_5xx_means_crawl_nothing()
    {
        _server.On("/robots.txt", Reply.Text(500, "text/plain", "oops"));
        _server.On("/a", Reply.Html(NewsPages.Ports()));
        using var fetcher = Fetcher(retries: 0);

        var result = await Fetch(fetcher, "/a");

        Assert.Equal(FetchOutcome.Disallowed, result.Outcome);
        Assert.Contains("robots.txt answered HTTP 500", result.Reason);
        Assert.Equal(0, _server.Hits("/a"));
    }

    [Fact]
    public async Task A_missing_robots_txt_allows_everything()
    {
        _server.On("/robots.txt", Reply.Text(404, "text/plain", "none"));
        _server.On("/private/x", Reply.Html(NewsPages.Ports()));
        using var fetcher = Fetcher();

        Assert.True((await Fetch(fetcher, "/private/x")).IsFetched);
    }

    [Fact]
    public async Task A_non_http_url_is_refused_without_a_request()
    {
        using var fetcher = Fetcher();
        var result = await fetcher.FetchAsync("file:///etc/passwd");
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith(FetchCodes.BadUrl, result.Reason);
        Assert.Empty(_server.Log);
    }

    [Fact]
    public async Task A_silent_server_times_out_is_retried_and_then_given_up_on()
    {
        _server.On("/silent", Reply.Silence);
        using var fetcher = Fetcher(retries: 1, timeoutSeconds: 0.2);

        var result = await Fetch(fetcher, "/silent");

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.StartsWith(FetchCodes.NetworkError, result.Reason);
        Assert.Contains("no answer in time after 2 attempts", result.Reason);
    }

    [Fact]
    public async Task Retry_after_given_as_a_date_is_honoured_on_the_fetchers_clock()
    {
        var until = _clock.GetUtcNow().AddSeconds(30).ToString("R");
        _server.On("/later", (n, _) => n == 1
            ? new Reply(503, "text/plain", "busy"u8.ToArray(), new Dictionary<string, string> { ["Retry-After"] = until })
            : Reply.Html(NewsPages.Ports()));
        using var fetcher = Fetcher();

        var result = await Fetch(fetcher, "/later");

        Assert.True(result.IsFetched);
        var second = _sent.Last(s => s.Uri.AbsolutePath == "/later").At;
        Assert.True(second >= DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), $"retried at {second:O}, asked {until}");
    }

    [Fact]
    public void A_damaged_cache_file_starts_an_empty_cache_instead_of_failing()
    {
        var path = _tmp.Write("cache.json", "{ not json");
        var cache = new ValidatorCache(path);
        Assert.Equal(0, cache.Count);
        cache.Set("https://news.example/a", new CacheValidators("\"x\"", null));
        Assert.Equal("\"x\"", new ValidatorCache(path).Get("https://news.example/a")!.ETag);
    }
}
