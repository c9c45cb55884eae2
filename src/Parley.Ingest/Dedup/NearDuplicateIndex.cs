namespace Parley.Ingest.Dedup;

/// <summary>
/// Finds, for each new article, the first earlier article that is an exact or near duplicate of it,
/// so the copy can be linked to the first one instead of coded twice. Near duplicates are looked up
/// by splitting the 64-bit SimHash into <c>maxDistance + 1</c> bands: two fingerprints at most
/// <c>maxDistance</c> bits apart agree exactly on at least one band (pigeonhole), so each lookup
/// checks only the articles sharing a band. Memory grows with the number of articles added (a few
/// dozen bytes each). With a time window, copies published further apart than the window are not
/// linked: a statement reissued every year (an annual notice) is a new event, not a copy. Not
/// thread-safe: add from one thread.
/// </summary>
public sealed class NearDuplicateIndex
{
    private readonly int _maxDistance;
    private readonly int _bands;
    private readonly int _bandBits;
    private readonly Dictionary<(int Band, ulong Value), List<int>> _byBand = [];
    private readonly List<(string Id, ulong Hash, DateTimeOffset? Published)> _entries = [];
    private readonly Dictionary<string, int> _byContentHash = new(StringComparer.Ordinal);
    private readonly TimeSpan? _window;

    /// <summary>Creates an index that links fingerprints at most <paramref name="maxDistance"/> bits apart (0..7).</summary>
    /// <param name="maxDistance">Largest SimHash distance linked.</param>
    /// <param name="window">When set, only copies published at most this far apart are linked (both dates must be known to apply it).</param>
    public NearDuplicateIndex(int maxDistance = SimHash.DefaultMaxDistance, TimeSpan? window = null)
    {
        _window = window;
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDistance, 7);
        _maxDistance = maxDistance;
        _bands = maxDistance + 1;
        _bandBits = 64 / _bands;
    }

    /// <summary>Number of articles added.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Adds an article and returns the id of the first earlier article it duplicates (same
    /// <paramref name="contentHash"/>, or a SimHash within the distance), or null when it is new.
    /// A duplicate is not added, so every later copy links to the first one.
    /// </summary>
    public DuplicateMatch? Add(string id, string contentHash, ulong simHash, DateTimeOffset? published = null)
    {
        if (_byContentHash.TryGetValue(contentHash, out var exact) && InWindow(_entries[exact].Published, published))
            return new DuplicateMatch(_entries[exact].Id, 0, Exact: true);
        var near = FindNear(simHash, published);
        if (near is not null) return near;
        var index = _entries.Count;
        _byContentHash[contentHash] = index;
        _entries.Add((id, simHash, published));
        for (var b = 0; b < _bands; b++)
        {
            var key = (b, Band(simHash, b));
            if (!_byBand.TryGetValue(key, out var list)) _byBand[key] = list = [];
            list.Add(index);
        }
        return null;
    }

    /// <summary>The first added article within the distance of <paramref name="simHash"/> (and the time window), or null.</summary>
    public DuplicateMatch? FindNear(ulong simHash, DateTimeOffset? published = null)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var b = 0; b < _bands; b++)
        {
            if (!_byBand.TryGetValue((b, Band(simHash, b)), out var list)) continue;
            foreach (var i in list)
            {
                var d = SimHash.Distance(simHash, _entries[i].Hash);
                if (d <= _maxDistance && (best < 0 || i < best) && InWindow(_entries[i].Published, published)) { best = i; bestDistance = d; }
            }
        }
        return best < 0 ? null : new DuplicateMatch(_entries[best].Id, bestDistance, Exact: false);
    }

    private bool InWindow(DateTimeOffset? a, DateTimeOffset? b) =>
        _window is null || a is null || b is null || (a.Value - b.Value).Duration() <= _window.Value;

    private ulong Band(ulong hash, int band)
    {
        var shift = band * _bandBits;
        var bits = band == _bands - 1 ? 64 - shift : _bandBits;
        return bits == 64 ? hash : (hash >> shift) & ((1UL << bits) - 1);
    }
}

/// <summary>An earlier article that a new one duplicates.</summary>
/// <param name="FirstId">Id of the first copy.</param>
/// <param name="Distance">SimHash distance in bits (0 for an exact copy).</param>
/// <param name="Exact">The normalised texts are identical.</param>
public sealed record DuplicateMatch(string FirstId, int Distance, bool Exact);
