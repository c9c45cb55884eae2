using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parley.Testing.Http;

/// <summary>What a test route answers.</summary>
internal sealed record Reply(int Status, string? ContentType = null, byte[]? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Chunked = false)
{
    public static Reply Html(string html, params (string Name, string Value)[] headers) =>
        new(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), headers.ToDictionary(h => h.Name, h => h.Value));

    public static Reply Text(int status, string contentType, string body) => new(status, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// No answer at all: the server holds the connection open until it is disposed. It waits
    /// without a thread, so a slow, busy machine cannot make the answer come early or late.
    /// </summary>
    public static readonly Reply Silence = new(0);
}

/// <summary>One request the server saw.</summary>
internal sealed record SeenRequest(string Path, string? UserAgent, string? IfNoneMatch, string? IfModifiedSince);

/// <summary>
/// A tiny HTTP server on 127.0.0.1 only, on a free port, for fetcher tests: routes map a path to a
/// function of the request count for that path (so "429 then 200" is easy). Every request is
/// logged in arrival order. Unknown paths answer 404. Stops on Dispose.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<int, HttpListenerRequest, Reply>> _routes = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentQueue<SeenRequest> _log = new();
    private readonly Task _loop;
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LocalHttpServer()
    {
        // Find a free port, then listen on it (retry if another process grabs it in between).
        for (var tries = 0; ; tries++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (tries < 5)
            {
            }
        }
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public IReadOnlyList<SeenRequest> Log => _log.ToArray();

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void On(string path, Func<int, HttpListenerRequest, Reply> route) => _routes[path] = route;

    public void On(string path, Reply reply) => _routes[path] = (_, _) => reply;

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.PathAndQuery;
        _log.Enqueue(new SeenRequest(path, request.UserAgent, request.Headers["If-None-Match"], request.Headers["If-Modified-Since"]));
        var n = _hits.AddOrUpdate(path, 1, (_, v) => v + 1);
        var reply = _routes.TryGetValue(path, out var route) ? route(n, request) : Reply.Text(404, "text/plain", "not found");
        var response = context.Response;
        if (ReferenceEquals(reply, Reply.Silence))
        {
            await _stopping.Task.ConfigureAwait(false);
            try { response.Abort(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
            return;
        }
        try
        {
            response.StatusCode = reply.Status;
            if (reply.ContentType is not null) response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) response.AddHeader(name, value);
            var body = reply.Body ?? [];
            if (reply.Chunked) response.SendChunked = true;
            else response.ContentLength64 = body.Length;
            response.OutputStream.Write(body);
            response.OutputStream.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client hung up (a size cap reached): nothing to do.
        }
        finally
        {
            try { response.Close(); } catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        _stopping.TrySetResult();
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
