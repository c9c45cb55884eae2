using System.Text.Json;

namespace Parley.Ingest.Tests;

/// <summary>The extraction JSON Lines contract: one object per input, a skipped page included.</summary>
public sealed class ExtractJsonTests
{
    [Fact]
    public void A_page_with_no_article_text_is_reported_skipped_with_its_title_and_date()
    {
        // Our own page: a section front with a title and publication time but only navigation, no article.
        const string html = """
            <html><head><title>Regional weather warnings | Coast Daily</title>
            <meta property="og:title" content="Regional weather warnings">
            <meta property="article:published_time" content="2025-02-03T08:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav></body></html>
            """;
        var path = Path.Combine(Path.GetTempPath(), $"parley-front-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, html);
        var writer = new StringWriter();
        try
        {
            ExtractJson.WriteJsonl([new ArticleReader().ReadFile(path)], writer);
        }
        finally
        {
            File.Delete(path);
        }

        using var json = JsonDocument.Parse(writer.ToString());
        var root = json.RootElement;
        Assert.StartsWith(IngestCodes.NoArticle, root.GetProperty("skipped").GetString());
        Assert.Equal("Regional weather warnings", root.GetProperty("title").GetString());
        Assert.StartsWith("2025-02-03", root.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("text").ValueKind);
    }
}
