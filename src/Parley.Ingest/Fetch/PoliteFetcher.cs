using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;

namespace Parley.Ingest.Fetch;

/// <summary>
/// An HTTP client for live news sources that behaves as a site owner would wish: it reads and obeys
/// robots.txt (cached per host), keeps at least <see cref="FetchOptions.MinDelay"/> (or the site's
/// larger Crawl-delay) between two requests to one host, retries 429, 5xx, network errors and
/// timeouts with exponential backoff and jitter (Polly), waiting as long as Retry-After asks, sends
/// If-None-Match / If-Modified-Since from a validator cache so an unchanged page costs a 304, follows
/// redirects itself (each hop checked against robots.txt), caps the response size while streaming
/// and refuses media types that are not pages or feeds. All waits use
/// <see cref="FetchOptions.TimeProvider"/>, so tests run on a virtual clock. A fetch never throws for
/// a network or server problem: it returns a <see cref="FetchResult"/> with a coded reason.
/// Thread-safe; requests to one host are serialised by the rate limit.
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private const int MaxRobotsBytes = 512 * 1024; // RFC 9309: crawlers may stop parsing at 500 KiB.

    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ResiliencePipeline<Attempt> _retry;
    private readonly string _productToken;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="handler">The HTTP handler to send through (tests, proxies); null for a decompressing socket handler. It is disposed with the fetcher.</param>
    public PoliteFetcher(FetchOptions? options = null, HttpMessageHandler? handler = null)
    {
        Options = options ?? new FetchOptions();
        Cache = new ValidatorCache(Options.CachePath);
        handler ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // redirects are followed here, so each hop meets robots.txt
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _productToken = Options.UserAgent.Split('/', ' ')[0];
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = Options.TimeProvider };
        // Polly refuses a retry strategy with zero retries: no strategy at all means one attempt.
        if (Options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .Handle<IOException>()
                    .HandleResult(a => a.Status is 429 or >= 500),
                MaxRetryAttempts = Options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryBaseDelay,
                MaxDelay = Options.MaxRetryDelay,
                // A server that says when to come back is believed (within MaxRetryDelay).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait
                    ? (TimeSpan?)(wait < Options.MaxRetryDelay ? wait : Options.MaxRetryDelay)
                    : null),
            });
        _retry = builder.Build();
    }

    /// <summary>The settings in use.</summary>
    public FetchOptions Options { get; }

    /// <summary>The ETag / Last-Modified cache used for conditional GET.</summary>
    public ValidatorCache Cache { get; }

    /// <summary>Raised just before each HTTP request goes out (robots.txt, retries and redirects included), with the clock's time.</summary>
    public event Action<Uri, DateTimeOffset>? RequestSent;

    /// <summary>Fetches <paramref name="url"/> politely; never throws for network or server trouble (only for cancellation).</summary>
    public async Task<FetchResult> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return new FetchResult(url, url, FetchOutcome.Failed, 0, null, null,
                FetchCodes.Format(FetchCodes.BadUrl, $"'{url}' is not an absolute http(s) URL"), 0);

        var attempts = 0;
        var current = uri;
        for (var hop = 0; hop <= Options.MaxRedirects; hop++)
        {
            var host = await HostAsync(current, cancellationToken).ConfigureAwait(false);
            attempts += host.TakeRobotsAttempts();
            if (!host.Robots!.IsAllowed(current.PathAndQuery))
                return Result(FetchOutcome.Disallowed, 0, FetchCodes.Format(FetchCodes.Disallowed,
                    host.RobotsNote ?? $"robots.txt disallows {current.PathAndQuery} for {_productToken}"));

            var key = current.AbsoluteUri;
            var validators = Cache.Get(key);
            var (attempt, error, tries) = await SendWithRetryAsync(current, host.Delay(Options), validators, readBody: true, Options.MaxResponseBytes, cutQuietly: false, cancellationToken)
                .ConfigureAwait(false);
            attempts += tries;
            if (attempt is null)
                return Result(FetchOutcome.Failed, 0, FetchCodes.Format(FetchCodes.NetworkError, error!));
            if (attempt.Status is 301 or 302 or 303 or 307 or 308)
            {
                if (attempt.Location is null)
                    return Result(FetchOutcome.Failed, attempt.Status, FetchCodes.Format(FetchCodes.BadRedirect, $"HTTP {attempt.Status} without a Location header"));
                current = new Uri(current, attempt.Location);
                if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                    return Result(FetchOutcome.Failed, attempt.Status, FetchCodes.Format(FetchCodes.BadRedirect, $"redirect to a non-http URL '{current}'"));
                continue;
            }
            if (attempt.Status == 304)
                return Result(FetchOutcome.Unchanged, 304, FetchCodes.Format(FetchCodes.Unchanged, "not modified since the last fetch (HTTP 304)"));
            if (attempt.Status is < 200 or >= 300)
                return Result(FetchOutcome.Failed, attempt.Status, FetchCodes.Format(FetchCodes.HttpError,
                    $"HTTP {attempt.Status}{(attempt.Status is 429 or >= 500 ? $" after {tries} attempts" : "")}"));
            if (attempt.Refusal is { } refusal)
                return Result(refusal.Outcome, attempt.Status, refusal.Reason);
            Cache.Set(key, new CacheValidators(attempt.ETag, attempt.LastModified));
            return new FetchResult(url, current.AbsoluteUri, FetchOutcome.Fetched, attempt.Status, attempt.Body, attempt.ContentType, null, attempts);
        }
        return Result(FetchOutcome.Failed, 0, FetchCodes.Format(FetchCodes.BadRedirect, $"more than {Options.MaxRedirects} redirects"));

        FetchResult Result(FetchOutcome outcome, int status, string reason) =>
            new(url, current.AbsoluteUri, outcome, status, null, null, reason, attempts);
    }

    /// <summary>The host's state, reading its robots.txt on first use.</summary>
    private async Task<HostState> HostAsync(Uri uri, CancellationToken cancellationToken)
    {
        var host = _hosts.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new HostState());
        if (host.Robots is not null) return host;
        await host.RobotsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (host.Robots is null) await LoadRobotsAsync(uri, host, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            host.RobotsGate.Release();
        }
        return host;
    }

    private async Task LoadRobotsAsync(Uri uri, HostState host, CancellationToken cancellationToken)
    {
        var robotsUri = new Uri(uri, "/robots.txt");
        var tries = 0;
        for (var hop = 0; hop <= Options.MaxRedirects; hop++)
        {
            var (attempt, error, n) = await SendWithRetryAsync(robotsUri, Options.MinDelay, null, readBody: true, MaxRobotsBytes, cutQuietly: true, cancellationToken, host)
                .ConfigureAwait(false);
            tries += n;
            if (attempt is null)
            {
                host.SetRobots(RobotsRules.DisallowAll, $"robots.txt could not be read ({error}); RFC 9309 says to crawl nothing", tries);
                return;
            }
            if (attempt.Status is 301 or 302 or 303 or 307 or 308 && attempt.Location is not null)
            {
                robotsUri = new Uri(robotsUri, attempt.Location);
                continue;
            }
            if (attempt.Status is >= 200 and < 300)
            {
                // A robots.txt over the cap is cut, not refused: its first 512 KiB are what counts.
                var text = attempt.Body is null ? "" : Encoding.UTF8.GetString(attempt.Body);
                host.SetRobots(RobotsRules.Parse(text, _productToken), null, tries);
            }
            else if (attempt.Status >= 500 || attempt.Status == 429)
                host.SetRobots(RobotsRules.DisallowAll, $"robots.txt answered HTTP {attempt.Status}; RFC 9309 says to crawl nothing", tries);
            else host.SetRobots(RobotsRules.AllowAll, null, tries); // 4xx: no robots.txt, everything allowed
            return;
        }
        host.SetRobots(RobotsRules.AllowAll, null, tries);
    }

    /// <summary>Sends one GET through the retry pipeline; each attempt waits its turn for the host.</summary>
    private async Task<(Attempt? Attempt, string? Error, int Tries)> SendWithRetryAsync(Uri uri, TimeSpan delay, CacheValidators? validators,
        bool readBody, long maxBytes, bool cutQuietly, CancellationToken cancellationToken, HostState? knownHost = null)
    {
        var host = knownHost ?? _hosts.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), _ => new HostState());
        var tries = 0;
        try
        {
            var attempt = await _retry.ExecuteAsync(async ct =>
            {
                tries++;
                await host.WaitTurnAsync(delay, Options.TimeProvider, ct).ConfigureAwait(false);
                RequestSent?.Invoke(uri, Options.TimeProvider.GetUtcNow());
                return await SendOnceAsync(uri, validators, readBody, maxBytes, cutQuietly, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return (attempt, null, tries);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
        {
            return (null, $"{Describe(e)} after {tries} attempt{(tries == 1 ? "" : "s")}", tries);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        TimeoutException => "no answer in time",
        HttpRequestException h when h.InnerException is { } inner => "network error: " + inner.Message,
        _ => "network error: " + e.Message,
    };

    private async Task<Attempt> SendOnceAsync(Uri uri, CacheValidators? validators, bool readBody, long maxBytes, bool cutQuietly, CancellationToken cancellationToken)
    {
        // The attempt timeout runs on real time: it protects against a silent server, not a schedule.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.AttemptTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1");
            if (validators?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            if (validators?.LastModified is { } lastModified) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.ToString();
            var attempt = new Attempt
            {
                Status = status,
                Location = response.Headers.Location,
                RetryAfter = RetryAfter(response.Headers.RetryAfter),
                ContentType = contentType,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R"),
            };
            if (!readBody || status is < 200 or >= 300) return attempt;

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !Options.AcceptedMediaTypes.Contains(mediaType))
                return attempt with { Refusal = (FetchOutcome.WrongType, FetchCodes.Format(FetchCodes.WrongType, $"media type {mediaType} is not a page or a feed")) };
            if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes && !cutQuietly)
                return attempt with { Refusal = TooLarge($"response is declared as {declared:N0} bytes") };

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var (body, complete) = await ReadCappedAsync(stream, maxBytes, timeout.Token).ConfigureAwait(false);
            if (!complete && !cutQuietly)
                return attempt with { Refusal = TooLarge("response body runs on") };
            return attempt with { Body = body };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer from {uri.Host} within {Options.AttemptTimeout.TotalSeconds:0.#} s");
        }

        (FetchOutcome, string) TooLarge(string message) =>
            (FetchOutcome.TooLarge, FetchCodes.Format(FetchCodes.TooLarge, $"{message}, over the {maxBytes:N0}-byte limit"));
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; Complete is false when the stream held more (the extra is not read).</summary>
    private static async Task<(byte[] Body, bool Complete)> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0) return (buffer.ToArray(), true);
            if (buffer.Length + n > maxBytes)
            {
                buffer.Write(chunk, 0, (int)(maxBytes - buffer.Length));
                return (buffer.ToArray(), false);
            }
            buffer.Write(chunk, 0, n);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - Options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    /// <summary>One HTTP exchange, reduced to what the fetcher needs (the response itself is disposed at once).</summary>
    private sealed record Attempt
    {
        public int Status { get; init; }
        public Uri? Location { get; init; }
        public TimeSpan? RetryAfter { get; init; }
        public string? ContentType { get; init; }
        public string? ETag { get; init; }
        public string? LastModified { get; init; }
        public byte[]? Body { get; init; }
        public (FetchOutcome Outcome, string Reason)? Refusal { get; init; }
    }

    /// <summary>Per-host politeness state: robots rules and the time of the last request.</summary>
    private sealed class HostState
    {
        private readonly SemaphoreSlim _turn = new(1, 1);
        private DateTimeOffset? _last;
        private int _robotsAttempts;

        public SemaphoreSlim RobotsGate { get; } = new(1, 1);
        public RobotsRules? Robots { get; private set; }
        public string? RobotsNote { get; private set; }

        public void SetRobots(RobotsRules rules, string? note, int attempts)
        {
            RobotsNote = note;
            _robotsAttempts = attempts;
            Robots = rules;
        }

        /// <summary>Requests spent on robots.txt, counted once (by the first fetch that waited for them).</summary>
        public int TakeRobotsAttempts() => Interlocked.Exchange(ref _robotsAttempts, 0);

        public TimeSpan Delay(FetchOptions options)
        {
            var crawl = Robots?.CrawlDelay ?? TimeSpan.Zero;
            if (crawl > options.MaxCrawlDelay) crawl = options.MaxCrawlDelay;
            return crawl > options.MinDelay ? crawl : options.MinDelay;
        }

        /// <summary>Waits until <paramref name="delay"/> has passed since this host's last request, then stamps the new one.</summary>
        public async Task WaitTurnAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_last is { } last)
                {
                    var wait = last + delay - clock.GetUtcNow();
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }
                _last = clock.GetUtcNow();
            }
            finally
            {
                _turn.Release();
            }
        }
    }
}
