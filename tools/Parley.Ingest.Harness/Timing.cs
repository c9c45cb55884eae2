using System.Diagnostics;
using System.IO.Compression;
using AngleSharp.Html.Parser;
using Parley.Ingest.Html;

/// <summary>Times the stages on a folder of .html.gz pages: Parley.Ingest.Harness --time DIR</summary>
internal static class Timing
{
    public static int Run(string dir)
    {
        var pages = Directory.GetFiles(dir, "*.html.gz").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => { using var gz = new GZipStream(File.OpenRead(f), CompressionMode.Decompress); return new StreamReader(gz).ReadToEnd(); }).ToList();
        var mb = pages.Sum(p => (long)p.Length) / 1048576.0;
        // Warm up (JIT), then time on this thread's CPU clock as well as the wall clock: the machine is shared.
        var parser = new HtmlArticleParser();
        foreach (var p in pages.Take(20)) parser.Parse(p);
        var me = Process.GetCurrentProcess();
        var cpu0 = me.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        foreach (var p in pages) new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(p).Dispose();
        var parse = sw.Elapsed.TotalSeconds;
        me.Refresh();
        var parseCpu = (me.TotalProcessorTime - cpu0).TotalSeconds;
        cpu0 = me.TotalProcessorTime;
        sw.Restart();
        foreach (var p in pages) parser.Parse(p);
        var full = sw.Elapsed.TotalSeconds;
        me.Refresh();
        var fullCpu = (me.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"{pages.Count} pages, {mb:F1} MB of HTML. AngleSharp parse only: {pages.Count / parse:F1} pages/s wall, {pages.Count / parseCpu:F1} pages/CPU-s. " +
            $"Full extraction: {pages.Count / full:F1} pages/s wall, {pages.Count / fullCpu:F1} pages/CPU-s, {mb / fullCpu:F2} MB/CPU-s; peak working set {me.PeakWorkingSet64 / 1048576} MB");
        return 0;
    }
}
