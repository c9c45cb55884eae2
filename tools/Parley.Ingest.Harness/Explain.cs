using System.IO.Compression;
using Parley.Ingest.Html;

/// <summary>Prints the extractor's decisions for one page: Parley.Ingest.Harness --explain FILE.html[.gz]</summary>
internal static class Explain
{
    public static int Run(string path)
    {
        using var input = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(input, CompressionMode.Decompress) : input;
        var html = new StreamReader(stream).ReadToEnd();
        var parser = new HtmlArticleParser();
        parser.Content.Trace = Console.WriteLine;
        var result = parser.Parse(html);
        Console.WriteLine($"title: {result.Metadata.Title}\npublished: {result.Metadata.Published} ({result.Metadata.PublishedSource})\nauthor: {result.Metadata.Author}");
        foreach (var p in result.Paragraphs) Console.WriteLine("| " + (p.Length > 160 ? p[..160] + "..." : p));
        return 0;
    }
}
