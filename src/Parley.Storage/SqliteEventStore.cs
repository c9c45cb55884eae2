using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Core.Model;
using Parley.Storage.Schema;

namespace Parley.Storage;

/// <summary>
/// The embedded store: articles (unique by content hash, so the same article ingested twice is
/// stored once), their events with actors and evidence offsets, and a log of every input's outcome.
/// One instance per connection; not thread-safe (write from one thread, as the ingest loop does).
/// </summary>
public sealed class SqliteEventStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteEventStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and migrates it to the newest schema.</summary>
    /// <exception cref="StoreException">The file is not a Parley database or is newer than this build (PARLEY-S001/S002).</exception>
    public static SqliteEventStore Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            SchemaMigrator.Migrate(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException("PARLEY-S002", $"cannot open '{path}' as a Parley database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteEventStore(connection);
    }

    /// <summary>Deletes a (closed) store file with its write-ahead log and shared-memory files.</summary>
    public static void DeleteFiles(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);

    /// <summary>True when an article with this content hash is stored.</summary>
    public bool HasArticle(string contentHash) =>
        Scalar("SELECT 1 FROM articles WHERE content_hash = $h", ("$h", contentHash)) is not null;

    /// <summary>
    /// Stores a processed document and its events in one transaction, unless an article with the
    /// same content hash is already stored, in which case nothing is added. A near duplicate
    /// (<paramref name="nearDuplicateOf"/>: the first copy's id and the SimHash distance) is stored
    /// with its link to the first copy and without events, so a syndicated copy is not coded twice.
    /// </summary>
    /// <param name="document">The processed article.</param>
    /// <param name="origin">Where it was read from (logged).</param>
    /// <param name="simHash">Its SimHash.</param>
    /// <param name="nearDuplicateOf">The first copy's id and the SimHash distance, when this is a near copy.</param>
    /// <param name="fingerprint">The near-duplicate fingerprint bytes, kept for later runs.</param>
    public SaveResult Save(Document document, string origin, long? simHash = null, (long FirstId, int Distance)? nearDuplicateOf = null,
        byte[]? fingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var existing = Scalar("SELECT id FROM articles WHERE content_hash = $h", ("$h", document.ContentHash));
        if (existing is long existingId)
        {
            Log(origin, "duplicate", "same text as an article already stored", existingId);
            return new SaveResult(existingId, true, 0);
        }

        using var transaction = _connection.BeginTransaction();
        var m = document.Metadata;
        var articleId = (long)Scalar("""
            INSERT INTO articles (content_hash, title, published, published_source, modified, site, author, language,
                                  path_or_url, canonical_url, body, captions, ingested_at, simhash, near_duplicate_of, near_distance, fingerprint)
            VALUES ($hash, $title, $published, $psource, $modified, $site, $author, $language, $path, $canonical, $body, $captions, $at,
                    $simhash, $near, $distance, $fingerprint)
            RETURNING id
            """,
            ("$hash", document.ContentHash), ("$title", m.Title), ("$published", Iso(m.Published)),
            ("$psource", m.PublishedSource), ("$modified", Iso(m.Modified)), ("$site", m.Site), ("$author", m.Author),
            ("$language", m.Language), ("$path", m.PathOrUrl), ("$canonical", m.CanonicalUrl), ("$body", document.Text),
            ("$captions", m.Captions.Count == 0 ? null : JsonSerializer.Serialize(m.Captions)),
            ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
            ("$simhash", simHash), ("$near", nearDuplicateOf?.FirstId), ("$distance", nearDuplicateOf?.Distance),
            ("$fingerprint", nearDuplicateOf is null ? fingerprint : null))!;

        if (nearDuplicateOf is { } near)
        {
            Log(origin, "near-duplicate", $"a copy of article {near.FirstId} (SimHash distance {near.Distance}); its events are those of the first copy", articleId);
            transaction.Commit();
            return new SaveResult(articleId, false, 0) { NearDuplicateOf = near.FirstId };
        }
        foreach (var e in document.Events) InsertEvent(articleId, e);
        Log(origin, "stored", null, articleId);
        transaction.Commit();
        return new SaveResult(articleId, false, document.Events.Count);
    }

    /// <summary>Every stored content hash, so a resumed run can pass over what is done without processing it.</summary>
    public HashSet<string> LoadContentHashes()
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command("SELECT content_hash FROM articles");
        using var reader = command.ExecuteReader();
        while (reader.Read()) hashes.Add(reader.GetString(0));
        return hashes;
    }

    /// <summary>
    /// Fingerprints of every stored first copy (not near duplicates), in store order, to seed a
    /// near-duplicate index. Rows stored before schema 4 have no fingerprint bytes: their body is
    /// returned instead, so the caller can compute it.
    /// </summary>
    public IEnumerable<StoredFingerprint> LoadFingerprints()
    {
        using var command = Command("""
            SELECT id, content_hash, simhash, published, fingerprint, CASE WHEN fingerprint IS NULL THEN body END
            FROM articles WHERE simhash IS NOT NULL AND near_duplicate_of IS NULL ORDER BY id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            DateTimeOffset? published = reader.IsDBNull(3) ? null
                : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            yield return new StoredFingerprint(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), published,
                reader.IsDBNull(4) ? null : (byte[])reader[4], reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    /// <summary>Every file an earlier run finished, by full path, with its size and modification time then.</summary>
    public IReadOnlyDictionary<string, (long Size, DateTimeOffset Modified)> LoadFinishedFiles()
    {
        var files = new Dictionary<string, (long, DateTimeOffset)>(StringComparer.Ordinal);
        using var command = Command("SELECT path, size, modified FROM finished_files");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            files[reader.GetString(0)] = (reader.GetInt64(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        return files;
    }

    /// <summary>Records that every item of the file at <paramref name="path"/> was stored or skipped for good.</summary>
    public void MarkFileFinished(string path, long size, DateTimeOffset modified, int items) =>
        Execute("""
            INSERT INTO finished_files (path, size, modified, items, finished_at) VALUES ($p, $s, $m, $n, $at)
            ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified, items = excluded.items,
                                             finished_at = excluded.finished_at
            """,
            ("$p", path), ("$s", size), ("$m", Stamp(modified)), ("$n", items),
            ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Records an input that could not be read, with the reason, so the run can be audited and resumed.</summary>
    public void LogSkip(string origin, string reason) => Log(origin, "skipped", reason, null);

    /// <summary>Number of stored articles.</summary>
    public long ArticleCount => (long)Scalar("SELECT count(*) FROM articles")!;

    /// <summary>The other reports of each event's cluster: for every cluster id, its members in store order.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<(long EventId, string ArticleHash, string? Title, string? PathOrUrl)>> ClusterMembers(IEnumerable<long> clusterIds)
    {
        var ids = string.Join(',', clusterIds.Distinct().Append(-1));
        var members = new Dictionary<long, List<(long, string, string?, string?)>>();
        using var command = Command($"""
            SELECT e.cluster_id, e.id, a.content_hash, a.title, a.path_or_url FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.cluster_id IN ({ids}) ORDER BY e.id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var cluster = reader.GetInt64(0);
            if (!members.TryGetValue(cluster, out var list)) members[cluster] = list = [];
            list.Add((reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return members.ToDictionary(p => p.Key, p => (IReadOnlyList<(long, string, string?, string?)>)p.Value);
    }

    /// <summary>Number of stored events.</summary>
    public long EventCount => (long)Scalar("SELECT count(*) FROM events")!;

    /// <summary>Reads events back in store order (article, then the order the coder found them), filtered by <paramref name="query"/>.</summary>
    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery? query = null)
    {
        query ??= new EventQuery();
        var sql = new System.Text.StringBuilder("""
            SELECT e.id, e.article_id, e.cameo, e.label, e.goldstein, e.quad_class, e.plover_type, e.plover_mode, e.date,
                   e.date_precision, e.date_is_fallback, e.status, e.location_name, e.location_country, e.location_lat,
                   e.location_lon, e.reported_by, a.content_hash, a.title, a.published, a.path_or_url, a.body, e.cluster_id
            FROM events e JOIN articles a ON a.id = e.article_id WHERE 1 = 1
            """);
        var parameters = new List<(string, object?)>();
        if (query.Actor is { } actor)
        {
            sql.Append(" AND e.id IN (SELECT event_id FROM event_actors WHERE country = $actor)");
            parameters.Add(("$actor", actor.ToUpperInvariant()));
        }
        if (query.Since is { } since) { sql.Append(" AND e.date >= $since"); parameters.Add(("$since", since)); }
        if (query.Until is { } until) { sql.Append(" AND substr(e.date, 1, length($until)) <= $until"); parameters.Add(("$until", until)); }
        if (query.CameoPrefix is { } prefix) { sql.Append(" AND e.cameo LIKE $prefix || '%'"); parameters.Add(("$prefix", prefix)); }
        if (query.FirstOfCluster)
            sql.Append(" AND e.id = e.cluster_id");
        if (query.ArticleIds is { } ids)
            sql.Append(CultureInfo.InvariantCulture, $" AND e.article_id IN ({string.Join(',', ids.Append(-1))})");
        sql.Append(" ORDER BY e.article_id, e.id");
        if (query.Limit is { } limit) sql.Append(CultureInfo.InvariantCulture, $" LIMIT {limit}");

        var results = new List<StoredEvent>();
        using (var command = Command(sql.ToString(), parameters.ToArray()))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) results.Add(ReadEvent(reader));
        }
        if (!query.FirstOfCluster) return results;
        var members = ClusterMembers(results.Select(r => r.ClusterId));
        return results.Select(r => r with
        {
            OtherReports = members.TryGetValue(r.ClusterId, out var list)
                ? list.Where(m => m.EventId != r.Id).Select(m => m.PathOrUrl ?? m.ArticleHash).ToList()
                : [],
        }).ToList();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private void InsertEvent(long articleId, CodedEvent e)
    {
        var eventId = (long)Scalar("""
            INSERT INTO events (article_id, cameo, label, goldstein, quad_class, plover_type, plover_mode, date, date_precision,
                                date_is_fallback, status, location_name, location_country, location_lat, location_lon, reported_by)
            VALUES ($a, $cameo, $label, $g, $q, $pt, $pm, $date, $prec, $fb, $status, $ln, $lc, $lat, $lon, $rb)
            RETURNING id
            """,
            ("$a", articleId), ("$cameo", e.Cameo), ("$label", e.Label), ("$g", e.Goldstein), ("$q", e.QuadClass),
            ("$pt", e.Plover?.Type), ("$pm", e.Plover?.Mode), ("$date", e.Date), ("$prec", e.DatePrecision.ToString()),
            ("$fb", e.DateIsFallback ? 1 : 0), ("$status", e.Status.ToString()), ("$ln", e.Location?.Name),
            ("$lc", e.Location?.Country), ("$lat", e.Location?.Latitude), ("$lon", e.Location?.Longitude),
            ("$rb", e.ReportedBy.Count == 0 ? null : JsonSerializer.Serialize(e.ReportedBy)))!;

        InsertActors(eventId, 1, e.Actor1);
        InsertActors(eventId, 2, e.Actor2);
        Execute("UPDATE events SET cluster_id = $c WHERE id = $e", ("$c", FindCluster(eventId, articleId, e) ?? eventId), ("$e", eventId));
        for (var i = 0; i < e.Evidence.Count; i++)
        {
            var ev = e.Evidence[i];
            Execute("""
                INSERT INTO mentions (event_id, position, sentence_index, start, end, trigger_start, trigger_end,
                                      actor1_start, actor1_end, actor2_start, actor2_end, time_start, time_end)
                VALUES ($e, $p, $s, $start, $end, $ts, $te, $a1s, $a1e, $a2s, $a2e, $tis, $tie)
                """,
                ("$e", eventId), ("$p", i), ("$s", ev.SentenceIndex), ("$start", ev.Sentence.Start), ("$end", ev.Sentence.End),
                ("$ts", ev.Trigger.Start), ("$te", ev.Trigger.End), ("$a1s", ev.Actor1?.Start), ("$a1e", ev.Actor1?.End),
                ("$a2s", ev.Actor2?.Start), ("$a2e", ev.Actor2?.End), ("$tis", ev.Time?.Start), ("$tie", ev.Time?.End));
        }
    }

    /// <summary>
    /// The cluster of an event another article already reported: same date, same CAMEO root
    /// category, same status and the same set of participant countries (either side, since
    /// reports differ on who "met" whom). Finer matching waits for a real event-similarity model.
    /// </summary>
    private long? FindCluster(long eventId, long articleId, CodedEvent e)
    {
        var countries = string.Join(',', e.Actor1.Concat(e.Actor2).Select(a => a.Country).Distinct().Order(StringComparer.Ordinal));
        using var command = Command("""
            SELECT e.cluster_id, group_concat(DISTINCT a.country) FROM events e JOIN event_actors a ON a.event_id = e.id
            WHERE e.date = $date AND substr(e.cameo, 1, 2) = $root AND e.status = $status AND e.article_id != $article AND e.id != $id
            GROUP BY e.id ORDER BY e.id
            """,
            ("$date", e.Date), ("$root", e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo), ("$status", e.Status.ToString()),
            ("$article", articleId), ("$id", eventId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var other = string.Join(',', reader.GetString(1).Split(',').Order(StringComparer.Ordinal));
            if (other == countries) return reader.GetInt64(0);
        }
        return null;
    }

    private void InsertActors(long eventId, int side, List<EventActor> actors)
    {
        for (var i = 0; i < actors.Count; i++)
        {
            var a = actors[i];
            Execute("""
                INSERT INTO event_actors (event_id, side, position, country, sector, name, span_start, span_end)
                VALUES ($e, $side, $p, $c, $s, $n, $ss, $se)
                """,
                ("$e", eventId), ("$side", side), ("$p", i), ("$c", a.Country), ("$s", a.Sector), ("$n", a.Name),
                ("$ss", a.Span?.Start), ("$se", a.Span?.End));
        }
    }

    private StoredEvent ReadEvent(SqliteDataReader r)
    {
        var id = r.GetInt64(0);
        var e = new CodedEvent
        {
            Cameo = r.GetString(2),
            Label = r.IsDBNull(3) ? "" : r.GetString(3),
            Goldstein = r.IsDBNull(4) ? 0 : r.GetDouble(4),
            QuadClass = r.IsDBNull(5) ? 0 : r.GetInt32(5),
            Plover = r.IsDBNull(6) ? null : new PloverType(r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)),
            Date = r.GetString(8),
            DatePrecision = Enum.Parse<TimeGranularity>(r.GetString(9)),
            DateIsFallback = r.GetInt64(10) != 0,
            Status = Enum.Parse<EventStatus>(r.GetString(11)),
        };
        if (!r.IsDBNull(13))
        {
            e.Location = new PlaceMention
            {
                Span = default, Text = r.IsDBNull(12) ? "" : r.GetString(12), SentenceIndex = -1,
                Name = r.IsDBNull(12) ? "" : r.GetString(12), Country = r.GetString(13),
                Latitude = r.IsDBNull(14) ? null : r.GetDouble(14), Longitude = r.IsDBNull(15) ? null : r.GetDouble(15),
            };
        }
        if (!r.IsDBNull(16)) e.ReportedBy.AddRange(JsonSerializer.Deserialize<List<string>>(r.GetString(16)) ?? []);
        var body = r.GetString(21);

        using (var actors = Command("SELECT side, country, sector, name, span_start, span_end FROM event_actors WHERE event_id = $e ORDER BY side, position", ("$e", id)))
        using (var ar = actors.ExecuteReader())
        {
            while (ar.Read())
            {
                var actor = new EventActor
                {
                    Country = ar.GetString(1), Sector = ar.GetString(2), Name = ar.GetString(3),
                    Span = ar.IsDBNull(4) ? null : new TextSpan(ar.GetInt32(4), ar.GetInt32(5)),
                };
                (ar.GetInt32(0) == 1 ? e.Actor1 : e.Actor2).Add(actor);
            }
        }
        var texts = new List<string>();
        using (var mentions = Command("""
            SELECT sentence_index, start, end, trigger_start, trigger_end, actor1_start, actor1_end, actor2_start, actor2_end, time_start, time_end
            FROM mentions WHERE event_id = $e ORDER BY position
            """, ("$e", id)))
        using (var mr = mentions.ExecuteReader())
        {
            while (mr.Read())
            {
                var sentence = new TextSpan(mr.GetInt32(1), mr.GetInt32(2));
                e.Evidence.Add(new EventEvidence
                {
                    SentenceIndex = mr.GetInt32(0), Sentence = sentence, Trigger = new TextSpan(mr.GetInt32(3), mr.GetInt32(4)),
                    Actor1 = OptionalSpan(mr, 5), Actor2 = OptionalSpan(mr, 7), Time = OptionalSpan(mr, 9),
                });
                texts.Add(sentence.End <= body.Length ? body[sentence.Start..sentence.End] : "");
            }
        }
        return new StoredEvent
        {
            Id = id, Event = e, ArticleId = r.GetInt64(1), ArticleHash = r.GetString(17), ClusterId = r.IsDBNull(22) ? id : r.GetInt64(22),
            ArticleTitle = r.IsDBNull(18) ? null : r.GetString(18), ArticlePublished = r.IsDBNull(19) ? null : r.GetString(19),
            ArticlePathOrUrl = r.IsDBNull(20) ? null : r.GetString(20), EvidenceText = texts,
        };
    }

    private static TextSpan? OptionalSpan(SqliteDataReader r, int column) =>
        r.IsDBNull(column) ? null : new TextSpan(r.GetInt32(column), r.GetInt32(column + 1));

    // Full precision in UTC: a file rewritten within the same second must not look unchanged.
    private static string Stamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string? Iso(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private void Log(string origin, string outcome, string? reason, long? articleId) =>
        Execute("INSERT INTO ingest_log (origin, outcome, reason, article_id, at) VALUES ($o, $out, $r, $a, $at)",
            ("$o", origin), ("$out", outcome), ("$r", reason), ("$a", articleId),
            ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
