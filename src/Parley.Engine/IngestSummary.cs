namespace Parley.Engine;

/// <summary>What an ingest run did: counts, and every skip and warning with its reason.</summary>
public sealed class IngestSummary
{
    /// <summary>Articles read successfully (stored, or found already stored).</summary>
    public int Read { get; internal set; }
    /// <summary>Articles newly stored.</summary>
    public int Stored { get; internal set; }
    /// <summary>Articles whose text was already in the store (nothing added).</summary>
    public int Duplicates { get; internal set; }
    /// <summary>Articles stored as near duplicates of an earlier one (linked, not coded again).</summary>
    public int NearDuplicates { get; internal set; }
    /// <summary>Files passed over unread: an earlier run into the same store finished them and they have not changed.</summary>
    public int FilesPassed { get; internal set; }
    /// <summary>Inputs that could not be read.</summary>
    public int Skipped => Skips.Count;
    /// <summary>Events stored by this run.</summary>
    public int Events { get; internal set; }
    /// <summary>Sentences processed by this run.</summary>
    public long Sentences { get; internal set; }
    /// <summary>Row ids of every article read by this run, new or already stored.</summary>
    public List<long> ArticleIds { get; } = [];
    /// <summary>Each near copy stored by this run: its origin, its own id, the first copy's id and the estimated share of shingles they have in common.</summary>
    public List<(string Origin, long ArticleId, long CopyOf, double Similarity)> NearCopies { get; } = [];
    /// <summary>Each skipped input with its one-line reason.</summary>
    public List<(string Origin, string Reason)> Skips { get; } = [];
    /// <summary>Each warning (read, but with a caveat such as a guessed encoding).</summary>
    public List<(string Origin, string Warning)> Warnings { get; } = [];
    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>One line: files passed over, read, stored, duplicates, skipped, events.</summary>
    public override string ToString() =>
        (FilesPassed > 0 ? $"{FilesPassed} files finished by an earlier run passed over, " : "") +
        $"read {Read}, stored {Stored}, already stored {Duplicates}, near duplicates {NearDuplicates}, skipped {Skipped}, events {Events} " +
        $"({Elapsed.TotalSeconds:0.0} s)";
}

/// <summary>Progress of a running ingest, reported after each input.</summary>
/// <param name="Done">Inputs handled so far.</param>
/// <param name="Origin">The input just handled.</param>
/// <param name="Summary">Counts so far.</param>
public sealed record IngestProgress(int Done, string Origin, IngestSummary Summary);
