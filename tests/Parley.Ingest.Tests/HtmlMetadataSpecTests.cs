using Parley.Ingest.Html;

namespace Parley.Ingest.Tests;

/// <summary>
/// Spec pages in Samples/metadata and Samples/body: each hand-written page starts with a comment
/// <c>&lt;!-- expect: author=...; title=...; date=yyyy-MM-dd --&gt;</c> ("null" = nothing found);
/// the fields named there must come out of <see cref="HtmlArticleParser"/> exactly. For the body,
/// <c>has=text</c> must be in it, <c>lacks=text</c> must not, and <c>once=text</c> must be in it exactly once.
/// </summary>
public class HtmlMetadataSpecTests
{
    public static TheoryData<string> Pages() => Samples.SpecPages("metadata", "body");

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_metadata_matches_its_expectation(string name)
    {
        var html = File.ReadAllText(Samples.Path(name));
        var article = new HtmlArticleParser().Parse(html);
        var meta = article.Metadata;
        var body = string.Join("\n\n", article.Paragraphs);
        foreach (var (key, value) in Samples.Expectations(html))
        {
            if (key is "has" or "lacks" or "once")
            {
                var count = body.Split(value).Length - 1;
                Assert.True(key switch { "has" => count > 0, "lacks" => count == 0, _ => count == 1 }, $"{name}: {key} '{value}' ({count} in the body):\n{body}");
                continue;
            }
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
