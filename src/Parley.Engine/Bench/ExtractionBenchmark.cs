using System.Diagnostics;
using System.IO.Compression;
using AngleSharp.Html.Parser;
using Parley.Ingest.Encodings;
using Parley.Ingest.Html;

namespace Parley.Engine.Bench;

/// <summary>Figures from one extraction benchmark run (one thread).</summary>
public sealed record ExtractionReport
{
    /// <summary>Pages extracted.</summary>
    public required int Pages { get; init; }
    /// <summary>Decoded HTML characters read, summed over pages (as UTF-8 bytes).</summary>
    public required long Bytes { get; init; }
    /// <summary>Wall time of the end-to-end pass (decode, parse, metadata, content).</summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>CPU time of the process over the end-to-end pass (robust to other work on the machine).</summary>
    public required TimeSpan Cpu { get; init; }
    /// <summary>Managed bytes allocated per page, on average.</summary>
    public required long AllocatedPerPage { get; init; }
    /// <summary>Seconds per phase over the second pass (decode, parse, metadata, content).</summary>
    public required IReadOnlyList<(string Phase, double Seconds)> PhaseSeconds { get; init; }
    /// <summary>Peak working set of the process, bytes.</summary>
    public required long PeakWorkingSet { get; init; }
    /// <summary>Pages per wall-clock second.</summary>
    public double PagesPerSecond => Pages / Elapsed.TotalSeconds;
    /// <summary>Pages per CPU second.</summary>
    public double PagesPerCpuSecond => Pages / Cpu.TotalSeconds;
    /// <summary>Input megabytes (10^6 bytes of HTML) per wall-clock second.</summary>
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures HTML extraction alone on a folder of pages (.html, .htm, .html.gz), on one thread: the raw
/// bytes are loaded first (disk and gunzip are not measured), then every page is decoded and read by
/// <see cref="HtmlArticleParser"/>; a second pass times the phases separately.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Runs the benchmark on the pages under <paramref name="folder"/>; <paramref name="repeat"/> end-to-end passes are timed.</summary>
    public static ExtractionReport Run(string folder, int repeat = 1)
    {
        var pages = Load(folder);
        var parser = new HtmlArticleParser();
        // Warm-up: JIT, regexes, data files.
        foreach (var raw in pages.Take(20)) parser.Parse(Decode(raw));

        long bytes = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes();
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < repeat; r++)
            foreach (var raw in pages)
            {
                var html = Decode(raw);
                bytes += System.Text.Encoding.UTF8.GetByteCount(html);
                parser.Parse(html);
            }
        sw.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var allocated = GC.GetTotalAllocatedBytes() - alloc0;

        // Phases, on the same pages: the parts HtmlArticleParser runs, timed one by one.
        var phases = new double[4];
        var options = new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false };
        var content = new HtmlContentExtractor();
        foreach (var raw in pages)
        {
            var t0 = Stopwatch.GetTimestamp();
            var html = Decode(raw);
            var t1 = Stopwatch.GetTimestamp();
            using var doc = new HtmlParser(options).ParseDocument(HtmlPrefilter.Strip(html));
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
            Bytes = bytes,
            Elapsed = sw.Elapsed,
            Cpu = cpu,
            AllocatedPerPage = allocated / Math.Max(1, pages.Count * repeat),
            PhaseSeconds =
            [
                ("decode", phases[0] / Stopwatch.Frequency), ("parse", phases[1] / Stopwatch.Frequency),
                ("metadata", phases[2] / Stopwatch.Frequency), ("content", phases[3] / Stopwatch.Frequency),
            ],
            PeakWorkingSet = process.PeakWorkingSet64,
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
