using System.Text.Json;

namespace Parley.Ingest.Fetch;

/// <summary>The validators a server gave for a URL, sent back on the next fetch as If-None-Match / If-Modified-Since.</summary>
/// <param name="ETag">The ETag header as sent (quotes and W/ kept), or null.</param>
/// <param name="LastModified">The Last-Modified header as sent, or null.</param>
public sealed record CacheValidators(string? ETag, string? LastModified);

/// <summary>
/// A small JSON file mapping URL to its validators, so that a second run asks "changed since?" and
/// an unchanged page costs the server a 304 instead of the whole page. Written atomically (temp file
/// then rename) after each change; a missing or unreadable file starts an empty cache.
/// Thread-safe.
/// </summary>
public sealed class ValidatorCache
{
    private readonly Dictionary<string, CacheValidators> _entries;
    private readonly string? _path;
    private readonly Lock _lock = new();

    /// <summary>Opens the cache at <paramref name="path"/> (null: in memory only).</summary>
    public ValidatorCache(string? path)
    {
        _path = path;
        _entries = Load(path);
    }

    /// <summary>Number of URLs with validators.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    /// <summary>The validators kept for <paramref name="url"/>, or null.</summary>
    public CacheValidators? Get(string url)
    {
        lock (_lock) return _entries.GetValueOrDefault(url);
    }

    /// <summary>Keeps (or, when both are null, forgets) the validators for <paramref name="url"/> and saves the file.</summary>
    public void Set(string url, CacheValidators validators)
    {
        lock (_lock)
        {
            if (validators.ETag is null && validators.LastModified is null)
            {
                if (!_entries.Remove(url)) return;
            }
            else if (_entries.GetValueOrDefault(url) == validators) return;
            else _entries[url] = validators;
            Save();
        }
    }

    private void Save()
    {
        if (_path is null) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(_path))!;
        Directory.CreateDirectory(folder);
        var temp = _path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_entries, Json));
        File.Move(temp, _path, overwrite: true);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private static Dictionary<string, CacheValidators> Load(string? path)
    {
        if (path is null || !File.Exists(path)) return new(StringComparer.Ordinal);
        try
        {
            var loaded = JsonSerializer.Deserialize<Dictionary<string, CacheValidators>>(File.ReadAllText(path), Json);
            return loaded is null ? new(StringComparer.Ordinal) : new(loaded, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged cache only costs full fetches: start afresh rather than refuse to run.
            return new(StringComparer.Ordinal);
        }
    }
}
