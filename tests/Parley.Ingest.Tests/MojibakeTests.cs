using Parley.Ingest.Encodings;

namespace Parley.Ingest.Tests;

public class MojibakeTests
{
    [Theory]
    [InlineData("We donâ€™t know yet â€“ the cafÃ© is closed.", "We don’t know yet – the café is closed.")] // read as Windows-1252
    [InlineData("Investor\u00e2\u0080\u0099s guide \u00e2\u0080\u0093 part two", "Investor’s guide – part two")] // read as Latin-1
    [InlineData("São Paulo, Zürich and Kraków are fine as they are.", "São Paulo, Zürich and Kraków are fine as they are.")]
    [InlineData("One lone cafÃ© is left alone.", "One lone cafÃ© is left alone.")] // a single run may be genuine text
    public void Double_encoded_utf8_is_repaired_and_clean_text_is_left_alone(string input, string expected) =>
        Assert.Equal(expected, Mojibake.Repair(input));

    [Fact]
    public void A_double_encoded_page_gets_a_clean_title_and_body()
    {
        const string html = "<html><head><title>Harbourâ€™s new ferry â€“ Coast Courier</title></head><body><article>"
            + "<h1>Harbourâ€™s new ferry</h1><p>The islandâ€™s ferry will sail again in March, the transport office said, after ten years without a boat.</p>"
            + "<p>Tickets cost the same as a bus ride.</p></article></body></html>";
        var article = new Html.HtmlArticleParser().Parse(html);
        Assert.Equal("Harbour’s new ferry", article.Metadata.Title);
        Assert.StartsWith("The island’s ferry will sail again", article.Paragraphs[0]);
    }
}
