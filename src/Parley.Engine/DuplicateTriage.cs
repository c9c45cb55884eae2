using System.Globalization;
using Parley.Ingest;
using Parley.Ingest.Dedup;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>What the triage decided for one input, before the pipeline runs.</summary>
/// <param name="Key">The index key of this article when it is a first copy (null otherwise).</param>
/// <param name="Fingerprint">Fingerprint of the extracted text (null when not computed: no document, or already stored).</param>
/// <param name="CopyOf">Index key of the first copy when this is an exact or near copy of an earlier input or stored article.</param>
/// <param name="Distance">SimHash distance to the first copy (0 for an exact copy).</param>
/// <param name="AlreadyStored">The same text is already in the store.</param>
internal sealed record DuplicateVerdict(string? Key, TextFingerprint? Fingerprint, string? CopyOf, int Distance, bool AlreadyStored)
{
    public static readonly DuplicateVerdict None = new(null, null, null, 0, false);

    /// <summary>Only a first copy goes through the pipeline.</summary>
    public bool NeedsProcessing => CopyOf is null && !AlreadyStored;

    /// <summary>The same normalised text as an earlier input of this run.</summary>
    public bool ExactCopy { get; init; }

    /// <summary>Estimated shingle similarity to the first copy.</summary>
    public double Similarity { get; init; }
}

/// <summary>
/// Decides, from the extracted text alone, whether an article is already stored, an exact copy of
/// an earlier input, a near copy (<see cref="NearDuplicateIndex"/>: shared shingles, same names,
/// within the time window) or new, so
/// the pipeline codes only first copies. Classify is called in input order from one thread at a
/// time; first copies of this run get a provisional key until the store gives them an id.
/// </summary>
internal sealed class DuplicateTriage
{
    private readonly HashSet<string> _stored;
    private readonly NearDuplicateIndex _index;
    private readonly Dictionary<string, long> _saved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _next;

    public DuplicateTriage(SqliteEventStore store, TimeSpan window)
    {
        _stored = store.LoadContentHashes();
        _index = new NearDuplicateIndex(window: window);
        foreach (var stored in store.LoadFingerprints())
        {
            var fingerprint = TextFingerprint.FromBytes(unchecked((ulong)stored.SimHash), stored.Fingerprint)
                              ?? TextFingerprint.Compute(stored.Body ?? "");
            _index.Add(StoredKey(stored.Id), stored.ContentHash, fingerprint, stored.Published);
        }
    }

    /// <summary>Classifies one input; call in input order.</summary>
    public (IngestItem Item, DuplicateVerdict Verdict) Classify(IngestItem item)
    {
        if (item.Document is not { } document) return (item, DuplicateVerdict.None);
        if (_stored.Contains(document.ContentHash)) return (item, DuplicateVerdict.None with { AlreadyStored = true });
        var fingerprint = TextFingerprint.Compute(document.Text);
        string key;
        lock (_gate) key = "run:" + (++_next).ToString(CultureInfo.InvariantCulture);
        var match = _index.Add(key, document.ContentHash, fingerprint, document.Metadata.Published);
        return match is null
            ? (item, new DuplicateVerdict(key, fingerprint, null, 0, false))
            : (item, new DuplicateVerdict(null, fingerprint, match.FirstId, match.Distance, false) { ExactCopy = match.Exact, Similarity = match.Similarity });
    }

    /// <summary>Records the store id of a first copy once it is saved.</summary>
    public void Saved(string? key, long articleId)
    {
        if (key is null) return;
        lock (_gate) _saved[key] = articleId;
    }

    /// <summary>Records that a first copy failed, so its copies are not stored uncoded.</summary>
    public void Failed(string? key)
    {
        if (key is null) return;
        lock (_gate) _failed.Add(key);
    }

    /// <summary>The store id behind an index key, or null when that first copy failed.</summary>
    public long? Resolve(string key)
    {
        if (key.StartsWith("run:", StringComparison.Ordinal))
        {
            lock (_gate) return _saved.TryGetValue(key, out var id) ? id : null;
        }
        return long.Parse(key, CultureInfo.InvariantCulture);
    }

    private static string StoredKey(long id) => id.ToString(CultureInfo.InvariantCulture);
}
