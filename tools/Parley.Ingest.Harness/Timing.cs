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
        var sw = Stopwatch.StartNew();
        foreach (var p in pages) new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(p).Dispose();
        var parse = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var parser = new HtmlArticleParser();
        foreach (var p in pages) parser.Parse(p);
        var full = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{pages.Count} pages, {mb:F1} MB of HTML: parse only {pages.Count / parse:F1} pages/s; full extraction {pages.Count / full:F1} pages/s, {mb / full:F2} MB/s");
        return 0;
    }
}
