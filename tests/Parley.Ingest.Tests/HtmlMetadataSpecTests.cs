using System.Text.RegularExpressions;
using Parley.Ingest.Html;

namespace Parley.Ingest.Tests;

/// <summary>
/// Spec pages in Samples/metadata: each hand-written page starts with a comment
/// <c>&lt;!-- expect: author=...; title=...; date=yyyy-MM-dd --&gt;</c> ("null" = nothing found);
/// the fields named there must come out of <see cref="HtmlArticleParser"/> exactly.
/// </summary>
public class HtmlMetadataSpecTests
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Samples.Path("metadata"), "*.html").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_metadata_matches_its_expectation(string name)
    {
        var html = File.ReadAllText(Samples.Path(Path.Combine("metadata", name)));
        var expect = Regex.Match(html, @"<!--\s*expect:(.*?)-->").Groups[1].Value;
        var article = new HtmlArticleParser().Parse(html);
        var meta = article.Metadata;
        foreach (var pair in expect.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            var expected = value == "null" ? null : value;
            var actual = key switch
            {
                "author" => meta.Author,
                "title" => meta.Title,
                "date" => meta.Published?.ToString("yyyy-MM-dd"),
                "text-starts" => article.Paragraphs.FirstOrDefault()?[..Math.Min(value.Length, article.Paragraphs[0].Length)],
                _ => throw new InvalidOperationException("unknown field " + key),
            };
            Assert.True(expected == actual, $"{name}: {key} expected '{expected}', got '{actual}' (date source {meta.PublishedSource})");
        }
    }
}
