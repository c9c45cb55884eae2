using System.Collections.Concurrent;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>
/// Lets an ingest run pass over input files that an earlier run read to the end, and records the
/// files this run finishes. A file is finished when every item read from it was stored (or found
/// already stored) or skipped for a reason in the input itself; a file with an item that failed for
/// a reason worth retrying (I/O error, a reader or pipeline failure) is read again next time.
/// </summary>
/// <remarks>
/// The finished set is loaded once up front: the file filter runs on the reading thread while the
/// store is written on the saving thread, and a SQLite connection must not be shared between them.
/// </remarks>
internal sealed class FileResume
{
    private readonly SqliteEventStore _store;
    private readonly IReadOnlyDictionary<string, (long Size, DateTimeOffset Modified)> _finished;
    // Size and time of each file as it was when listed, so a file changed while being read is not recorded as finished in its new state.
    private readonly ConcurrentDictionary<string, (long Size, DateTimeOffset Modified)> _listed = new(StringComparer.Ordinal);
    private string? _file;
    private int _items;
    private bool _retry;

    public FileResume(SqliteEventStore store, bool skipFinished)
    {
        _store = store;
        _finished = skipFinished ? store.LoadFinishedFiles() : new Dictionary<string, (long, DateTimeOffset)>();
    }

    // Counted by the filter on the reading thread, read by the saving thread.
    private int _passed;

    /// <summary>Files passed over because an earlier run finished them and they are unchanged.</summary>
    public int Passed => Volatile.Read(ref _passed);

    /// <summary>The files still to read, in order.</summary>
    public IEnumerable<string> Filter(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                yield return file; // reading it reports why
                continue;
            }
            var stamp = (info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
            if (_finished.TryGetValue(info.FullName, out var done) && done == stamp)
            {
                Interlocked.Increment(ref _passed);
                continue;
            }
            _listed[file] = stamp;
            yield return file;
        }
    }

    /// <summary>Notes an item handled by the run (items arrive in input order); <paramref name="skipReason"/> is null when it was stored.</summary>
    public void Handled(IngestItem item, string? skipReason)
    {
        if (item.SourceFile != _file)
        {
            Complete();
            (_file, _items, _retry) = (item.SourceFile, 0, false);
        }
        _items++;
        if (skipReason is not null && IngestCodes.IsRetryable(skipReason)) _retry = true;
    }

    /// <summary>Records the file in hand as finished; call once more when the run ends normally.</summary>
    public void Complete()
    {
        if (_file is not null && !_retry && _listed.TryRemove(_file, out var stamp))
            _store.MarkFileFinished(Path.GetFullPath(_file), stamp.Size, stamp.Modified, _items);
        _file = null;
    }
}
