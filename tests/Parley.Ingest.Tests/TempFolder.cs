namespace Parley.Ingest.Tests;

/// <summary>A temporary folder deleted at dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, byte[] bytes)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

internal static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>The spec pages (*.html) in the Samples sub-folders <paramref name="folders"/>, as "folder/name.html".</summary>
    public static TheoryData<string> SpecPages(params string[] folders)
    {
        var data = new TheoryData<string>();
        foreach (var folder in folders)
            foreach (var f in Directory.GetFiles(Path(folder), "*.html").Order()) data.Add(folder + "/" + System.IO.Path.GetFileName(f));
        return data;
    }

    /// <summary>The key=value pairs of a spec page's leading <c>&lt;!-- expect: k=v; k=v --&gt;</c> comment, in order.</summary>
    public static IEnumerable<(string Key, string Value)> Expectations(string html)
    {
        var expect = System.Text.RegularExpressions.Regex.Match(html, @"<!--\s*expect:(.*?)-->", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        foreach (var pair in expect.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
    }
}
