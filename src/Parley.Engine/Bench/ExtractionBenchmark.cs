using System.Diagnostics;
using System.IO.Compression;
using Parley.Ingest.Encodings;
using Parley.Ingest.Html;

namespace Parley.Engine.Bench;

/// <summary>Figures from one extraction benchmark run (one thread).</summary>
public sealed record ExtractionReport
{
    /// <summary>Pages extracted, summed over passes.</summary>
    public required int Pages { get; init; }
    /// <summary>Timed passes over the pages.</summary>
    public required int Passes { get; init; }
    /// <summary>Decoded HTML characters read, summed over pages (as UTF-8 bytes).</summary>
    public required long Bytes { get; init; }
    /// <summary>Wall time of the end-to-end pass (decode, parse, metadata, content).</summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>CPU time of the process over the end-to-end pass (robust to other work on the machine).</summary>
    public required TimeSpan Cpu { get; init; }
    /// <summary>CPU time of the fastest end-to-end pass: on a shared machine the least disturbed figure.</summary>
    public required TimeSpan BestPassCpu { get; init; }
    /// <summary>CPU time of the median timed pass.</summary>
    public required TimeSpan MedianPassCpu { get; init; }
    /// <summary>CPU time of the untimed first pass, while the JIT compiles and tiers the code up.</summary>
    public required TimeSpan ColdPassCpu { get; init; }
    /// <summary>Garbage collections of generations 0, 1 and 2 during the timed passes (each count includes the older generations' collections).</summary>
    public required IReadOnlyList<int> Collections { get; init; }
    /// <summary>Managed bytes allocated per page, on average.</summary>
    public required long AllocatedPerPage { get; init; }
    /// <summary>Seconds per phase over the second pass (decode, parse, metadata, content).</summary>
    public required IReadOnlyList<(string Phase, double Seconds)> PhaseSeconds { get; init; }
    /// <summary>Raw bytes of the pages held in memory during the run (part of the peak working set).</summary>
    public required long InputBytesHeld { get; init; }
    /// <summary>Peak working set of the process, bytes.</summary>
    public required long PeakWorkingSet { get; init; }
    /// <summary>Pages per wall-clock second.</summary>
    public double PagesPerSecond => Pages / Elapsed.TotalSeconds;
    /// <summary>Pages per CPU second.</summary>
    public double PagesPerCpuSecond => Pages / Cpu.TotalSeconds;
    /// <summary>Pages per CPU second in the fastest pass.</summary>
    public double BestPagesPerCpuSecond => Pages / Passes / BestPassCpu.TotalSeconds;
    /// <summary>Pages per CPU second in the median pass.</summary>
    public double MedianPagesPerCpuSecond => Pages / Passes / MedianPassCpu.TotalSeconds;
    /// <summary>Pages per CPU second in the first (cold) pass.</summary>
    public double ColdPagesPerCpuSecond => Pages / Passes / ColdPassCpu.TotalSeconds;
    /// <summary>Input megabytes (10^6 bytes of HTML) per CPU second.</summary>
    public double MegabytesPerCpuSecond => Bytes / 1e6 / Cpu.TotalSeconds;
    /// <summary>Input megabytes per CPU second in the fastest pass.</summary>
    public double BestMegabytesPerCpuSecond => Bytes / Passes / 1e6 / BestPassCpu.TotalSeconds;
    /// <summary>Input megabytes (10^6 bytes of HTML) per wall-clock second.</summary>
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures HTML extraction alone on a folder of pages (.html, .htm, .html.gz), on one thread: the raw
/// bytes are loaded first (disk and gunzip are not measured), then every page is decoded and read by
/// <see cref="HtmlArticleParser"/>. A first untimed pass warms the JIT up; the timed passes follow;
/// a last pass times the phases separately. CPU time is the process's (its garbage collection and
/// JIT threads included), so other work on a shared machine does not count against it.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Runs the benchmark on the pages under <paramref name="folder"/>; <paramref name="repeat"/> end-to-end passes are timed.</summary>
    public static ExtractionReport Run(string folder, int repeat = 1)
    {
        var pages = Load(folder);
        var parser = new HtmlArticleParser();
        var process = Process.GetCurrentProcess();
        // Warm-up: one whole untimed pass (JIT and its tiering, regexes, data files). Its CPU time is
        // reported apart: it is what a short run (a few hundred pages) pays on top of the warm rate.
        var coldStart = process.TotalProcessorTime;
        foreach (var raw in pages) parser.Parse(Decode(raw));
        process.Refresh();
        var coldCpu = process.TotalProcessorTime - coldStart;

        long bytes = 0;
        var passCpu = new List<TimeSpan>(repeat);
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes();
        int[] gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < repeat; r++)
        {
            process.Refresh();
            var passStart = process.TotalProcessorTime;
            foreach (var raw in pages)
            {
                var html = Decode(raw);
                bytes += System.Text.Encoding.UTF8.GetByteCount(html);
                parser.Parse(html);
            }
            process.Refresh();
            passCpu.Add(process.TotalProcessorTime - passStart);
        }
        sw.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var allocated = GC.GetTotalAllocatedBytes() - alloc0;
        int[] collections = [GC.CollectionCount(0) - gc0[0], GC.CollectionCount(1) - gc0[1], GC.CollectionCount(2) - gc0[2]];

        // Phases, on the same pages: the parts HtmlArticleParser runs, timed one by one.
        var phases = new double[4];
        var content = new HtmlContentExtractor();
        foreach (var raw in pages)
        {
            var t0 = Stopwatch.GetTimestamp();
            var html = Decode(raw);
            var t1 = Stopwatch.GetTimestamp();
            using var page = PageParser.ParseStripped(html);
            var doc = page.Document;
            var t2 = Stopwatch.GetTimestamp();
            var (meta, jsonLd) = HtmlMetadataExtractor.Extract(doc, null);
            var t3 = Stopwatch.GetTimestamp();
            content.Extract(doc, meta.Title, jsonLd?.ArticleBody);
            var t4 = Stopwatch.GetTimestamp();
            phases[0] += t1 - t0;
            phases[1] += t2 - t1;
            phases[2] += t3 - t2;
            phases[3] += t4 - t3;
        }
        process.Refresh();
        return new ExtractionReport
        {
            Pages = pages.Count * repeat,
            Passes = repeat,
            Bytes = bytes,
            Elapsed = sw.Elapsed,
            Cpu = cpu,
            BestPassCpu = passCpu.Min(),
            MedianPassCpu = passCpu.Order().ElementAt(passCpu.Count / 2),
            ColdPassCpu = coldCpu,
            AllocatedPerPage = allocated / Math.Max(1, pages.Count * repeat),
            Collections = collections,
            PhaseSeconds =
            [
                ("decode", phases[0] / Stopwatch.Frequency), ("parse", phases[1] / Stopwatch.Frequency),
                ("metadata", phases[2] / Stopwatch.Frequency), ("content", phases[3] / Stopwatch.Frequency),
            ],
            PeakWorkingSet = process.PeakWorkingSet64,
            InputBytesHeld = pages.Sum(p => (long)p.Length),
        };
    }

    private static string Decode(byte[] raw) => TextDecoder.Decode(raw, lookForMarkupDeclaration: true).Text ?? "";

    private static List<byte[]> Load(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var pages = new List<byte[]>(files.Count);
        foreach (var f in files)
        {
            if (!f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                pages.Add(File.ReadAllBytes(f));
                continue;
            }
            using var input = File.OpenRead(f);
            using var gz = new GZipStream(input, CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            pages.Add(ms.ToArray());
        }
        return pages;
    }
}
