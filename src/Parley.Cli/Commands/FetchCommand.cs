using System.CommandLine;
using Parley.Engine;
using Parley.Ingest;
using Parley.Ingest.Fetch;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley fetch URL...</c>: fetches pages and feeds politely (robots.txt, per-host delay, retries,
/// conditional GET), then reads, codes and stores the articles like <c>parley ingest</c>.
/// </summary>
internal static class FetchCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("URL") { Description = "Page or feed URLs (http or https).", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Database();
        var delay = new Option<double?>("--delay") { Description = "Least seconds between two requests to one host (default 1; a larger robots.txt Crawl-delay wins)." };
        var maxPages = new Option<int?>("--max-pages") { Description = "Most article pages to fetch in this run (feeds not counted)." };
        var cache = new Option<string?>("--cache")
        {
            Description = "JSON file keeping ETag/Last-Modified per URL, so unchanged pages are not fetched again (default: parley-fetch-cache.json next to the store).",
        };
        var jobs = new Option<int?>("--jobs") { Description = "Articles coded at once (default: one per core). Fetching itself stays polite." };
        var command = new Command("fetch", "Fetch pages or feeds from the web, then code and store their articles.") { urls, db, delay, maxPages, cache, jobs };
        command.SetAction(parse => Execute(parse, parse.GetValue(urls)!, parse.GetValue(db)!, parse.GetValue(delay), parse.GetValue(maxPages),
            parse.GetValue(cache), parse.GetValue(jobs)));
        return command;
    }

    /// <summary>Fetches, ingests and prints a summary; returns the exit code (1 when no article was read, 2 on bad arguments).</summary>
    internal static int Execute(ParseResult parse, string[] urls, string db, double? delaySeconds, int? maxPages, string? cachePath, int? jobs)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (delaySeconds is < 0 or > 3600)
        {
            error.WriteLine("PARLEY-C006: --delay must be between 0 and 3600 seconds.");
            return 2;
        }
        if (maxPages is <= 0)
        {
            error.WriteLine("PARLEY-C006: --max-pages must be a positive number.");
            return 2;
        }
        var bad = urls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)).ToList();
        foreach (var url in bad) error.WriteLine($"PARLEY-C007: '{url}' is not an http(s) URL; skipped.");
        var good = urls.Except(bad).ToArray();
        if (good.Length == 0)
        {
            error.WriteLine("PARLEY-C003: nothing to fetch: no given URL is valid.");
            return 2;
        }

        var options = new FetchOptions
        {
            MinDelay = TimeSpan.FromSeconds(delaySeconds ?? 1),
            CachePath = cachePath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "parley-fetch-cache.json"),
        };
        using var fetcher = new PoliteFetcher(options);
        var reader = new ArticleReader();
        var source = new WebArticleSource(fetcher, reader, maxPages);
        using var store = SqliteEventStore.Open(db);
        var runner = new IngestRunner(ParleyPipeline.Default, reader, jobs);
        // Fetching is slow by design (a second or more per page): one progress line per page on stderr.
        var summary = runner.Run(source.Read(good), store, new LineProgress(error));

        var unchanged = summary.Skips.Count(s => s.Reason.StartsWith(FetchCodes.Unchanged, StringComparison.Ordinal));
        foreach (var (origin, reason) in summary.Skips) output.WriteLine($"  skipped {origin}: {reason}");
        foreach (var (origin, warning) in summary.Warnings) output.WriteLine($"  warning {origin}: {warning}");
        output.WriteLine($"parley: fetched {source.PagesFetched:N0} pages ({unchanged:N0} unchanged); {summary} -> {db}");
        // Unchanged pages are a success: the store already has them.
        return summary.Read == 0 && unchanged == 0 ? 1 : 0;
    }

    /// <summary>Reports synchronously on the runner's thread, so lines never interleave.</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress p) =>
            error.WriteLine($"  {p.Done} pages, {p.Summary.Stored} stored, {p.Summary.Skipped} skipped, {p.Summary.Events} events, " +
                            $"{p.Done / Math.Max(0.001, p.Summary.Elapsed.TotalSeconds):0.0} pages/s: {p.Origin}");
    }
}
