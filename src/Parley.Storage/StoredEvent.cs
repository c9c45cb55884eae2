using Parley.Core.Model;

namespace Parley.Storage;

/// <summary>An event as read back from the store, with its article and the text of its evidence.</summary>
public sealed record StoredEvent
{
    /// <summary>Row id of the event.</summary>
    public required long Id { get; init; }
    /// <summary>The coded event (actors, code, date, status, evidence offsets).</summary>
    public required CodedEvent Event { get; init; }
    /// <summary>Id of the first stored report of the same real event (this event's own id when it is the first).</summary>
    public long ClusterId { get; init; }
    /// <summary>With <see cref="EventQuery.FirstOfCluster"/>: the path or URL of every other article that reported the same event.</summary>
    public IReadOnlyList<string> OtherReports { get; init; } = [];
    /// <summary>Row id of the article.</summary>
    public required long ArticleId { get; init; }
    /// <summary>Content hash of the article.</summary>
    public required string ArticleHash { get; init; }
    /// <summary>Article title.</summary>
    public string? ArticleTitle { get; init; }
    /// <summary>Article publication time as stored (ISO 8601).</summary>
    public string? ArticlePublished { get; init; }
    /// <summary>Path or URL the article was read from.</summary>
    public string? ArticlePathOrUrl { get; init; }
    /// <summary>The text of each evidence sentence, parallel to <see cref="CodedEvent.Evidence"/>.</summary>
    public required IReadOnlyList<string> EvidenceText { get; init; }
}

/// <summary>Filters for <see cref="SqliteEventStore.QueryEvents"/>.</summary>
public sealed record EventQuery
{
    /// <summary>Only events with this country or bloc code on either side.</summary>
    public string? Actor { get; init; }
    /// <summary>Only events dated on or after this ISO date (partial dates compare by prefix order).</summary>
    public string? Since { get; init; }
    /// <summary>Only events dated on or before this ISO date.</summary>
    public string? Until { get; init; }
    /// <summary>Only events whose CAMEO code starts with this.</summary>
    public string? CameoPrefix { get; init; }
    /// <summary>Only the first report of each real event (one row per cluster).</summary>
    public bool FirstOfCluster { get; init; }
    /// <summary>Only events of these articles (row ids).</summary>
    public IReadOnlyCollection<long>? ArticleIds { get; init; }
    /// <summary>At most this many events.</summary>
    public int? Limit { get; init; }
}

/// <summary>What <see cref="SqliteEventStore.Save"/> did with a document.</summary>
/// <param name="ArticleId">Row id of the article (the existing one for a duplicate).</param>
/// <param name="IsDuplicate">True when the same body was stored before and nothing was added.</param>
/// <param name="EventCount">Events stored for this article now.</param>
public sealed record SaveResult(long ArticleId, bool IsDuplicate, int EventCount)
{
    /// <summary>The first copy's article id when this article was stored as its near duplicate.</summary>
    public long? NearDuplicateOf { get; init; }
}

/// <summary>A stored first copy as near-duplicate detection needs it.</summary>
/// <param name="Id">Article id.</param>
/// <param name="ContentHash">Hash of the normalised text.</param>
/// <param name="SimHash">SimHash of the text.</param>
/// <param name="Published">Publication time, when known.</param>
/// <param name="Fingerprint">Fingerprint bytes as saved, or null for rows stored before schema 4.</param>
/// <param name="Body">The article text when <paramref name="Fingerprint"/> is null, so it can be computed; else null.</param>
public sealed record StoredFingerprint(long Id, string ContentHash, long SimHash, DateTimeOffset? Published, byte[]? Fingerprint, string? Body);
