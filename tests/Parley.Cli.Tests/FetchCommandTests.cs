using Parley.Testing.Http;

namespace Parley.Cli.Tests;

public sealed class FetchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly LocalHttpServer _server = new();

    public FetchCommandTests()
    {
        _server.On("/robots.txt", Reply.Text(200, "text/plain", "User-agent: *\nDisallow: /members/\n"));
        foreach (var (path, page, tag) in new[] { ("/news/ports", NewsPages.Ports(), "\"p1\""), ("/news/bridge", NewsPages.Ministers(), "\"b1\"") })
            _server.On(path, (_, request) => request.Headers["If-None-Match"] == tag ? new Reply(304) : Reply.Html(page, ("ETag", tag)));
        _server.On("/members/x", Reply.Html(NewsPages.Undated()));
        _server.On("/feed.xml", Reply.Text(200, "application/rss+xml", $"""
            <rss version="2.0"><channel><title>Harbour Ledger</title>
            <item><title>Ports</title><link>{_server.Url("/news/ports")}</link></item>
            <item><title>Bridge</title><link>{_server.Url("/news/bridge")}</link></item>
            <item><title>Members</title><link>{_server.Url("/members/x")}</link></item>
            </channel></rss>
            """));
    }

    public void Dispose()
    {
        _server.Dispose();
        _cli.Dispose();
    }

    [Fact]
    public void A_feed_is_fetched_coded_and_stored_and_a_second_run_finds_it_unchanged()
    {
        var cache = Path.Combine(_cli.Folder, "cache.json");
        string[] args = ["fetch", _server.Url("/feed.xml"), "--db", _cli.Db, "--delay", "0", "--cache", cache];

        var first = _cli.Run(args);
        var events = _cli.Run("events", "--db", _cli.Db, "--format", "jsonl").Output;
        var second = _cli.Run(args);

        Assert.Equal(0, first.Exit);
        Assert.Contains("stored 2,", first.Output);
        Assert.Contains($"skipped {_server.Url("/members/x")}: PARLEY-F003", first.Output);
        Assert.Contains(_server.Url("/news/bridge"), events); // events carry the page URL they came from
        Assert.True(File.Exists(cache));
        Assert.Equal(0, second.Exit);
        Assert.Contains("(2 unchanged)", second.Output);
        Assert.Equal(0, _server.Hits("/members/x"));
        Assert.Equal(2, _server.Hits("/news/ports"));
    }

    [Fact]
    public void Max_pages_stops_the_run_early()
    {
        var (exit, output, _) = _cli.Run("fetch", _server.Url("/feed.xml"), "--db", _cli.Db, "--delay", "0", "--max-pages", "1",
            "--cache", Path.Combine(_cli.Folder, "c.json"));

        Assert.Equal(0, exit);
        Assert.Contains("stored 1,", output);
        Assert.Contains("PARLEY-F009", output);
        Assert.Equal(0, _server.Hits("/news/bridge"));
    }

    [Fact]
    public void Urls_that_are_not_http_are_refused_before_any_request()
    {
        var (exit, _, error) = _cli.Run("fetch", "ftp://example.invalid/x", "notes.txt", "--db", _cli.Db);

        Assert.Equal(2, exit);
        Assert.Contains("PARLEY-C007", error);
        Assert.Contains("PARLEY-C003", error);
        Assert.Empty(_server.Log);
    }
}
