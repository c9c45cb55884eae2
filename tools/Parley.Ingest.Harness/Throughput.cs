using System.Collections.Concurrent;
using System.Diagnostics;
using Parley.Ingest;
using Parley.Ingest.Dedup;

/// <summary>
/// Parley.Ingest.Harness --rate THREADS PATH...: reads every file under PATHs with THREADS workers
/// (one ArticleReader shared), then links near duplicates with SimHash; prints articles/s and counts.
/// </summary>
internal static class Throughput
{
    public static int Run(int threads, string[] paths)
    {
        var reader = new ArticleReader();
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
            .Where(f => ArticleFormats.IsKnown(f, reader.Options.Extensions) && !reader.Options.SkipNames.Contains(Path.GetFileName(f).Split('.')[0]))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        var results = new ConcurrentBag<(string Origin, string? Hash, ulong Sim, bool Read, bool Titled, bool Dated, DateTimeOffset? Published)>();
        var me = Process.GetCurrentProcess();
        var cpu0 = me.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads }, f =>
        {
            foreach (var item in reader.Read([f]))
            {
                var d = item.Document;
                results.Add((item.Origin, d?.ContentHash, d is null ? 0 : SimHash.Compute(d.Text), d is not null,
                    !string.IsNullOrEmpty(d?.Metadata.Title), d?.Metadata.Published is not null, d?.Metadata.Published));
            }
        });
        var seconds = sw.Elapsed.TotalSeconds;
        me.Refresh();
        var cpu = (me.TotalProcessorTime - cpu0).TotalSeconds;
        var index = new NearDuplicateIndex(window: TimeSpan.FromDays(30));
        int exact = 0, near = 0;
        foreach (var r in results.Where(r => r.Read).OrderBy(r => r.Origin, StringComparer.Ordinal))
        {
            var m = index.Add(r.Origin, r.Hash!, r.Sim, r.Published);
            if (m is null) continue;
            if (m.Exact) exact++;
            else if (++near <= 3) Console.WriteLine($"near ({m.Distance} bits): {r.Origin} -> {m.FirstId}");
        }
        var read = results.Count(r => r.Read);
        Console.WriteLine($"{files.Count} files, {results.Count} items: read {read} (titled {results.Count(r => r.Titled)}, dated {results.Count(r => r.Dated)}), skipped {results.Count - read}; " +
            $"{threads} threads: {results.Count / seconds:F1} articles/s wall, {results.Count / cpu:F1} articles/CPU-s (reading + SimHash); " +
            $"duplicates: {exact} exact, {near} near (<= {SimHash.DefaultMaxDistance} bits, within 30 days); peak working set {me.PeakWorkingSet64 / 1048576} MB");
        return 0;
    }
}
