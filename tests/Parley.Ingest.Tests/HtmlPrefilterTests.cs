using System.Text.RegularExpressions;
using Parley.Ingest.Html;

namespace Parley.Ingest.Tests;

/// <summary>
/// The prefilter cuts what never holds article text before the HTML parser sees it; these pages
/// (written for these tests) check that nothing a reader needs is cut with it.
/// </summary>
public class HtmlPrefilterTests
{
    private const string Body =
        "<p>The river authority opened the new flood gates on Monday, three weeks after the storm, its director said.</p>" +
        "<p>Farmers downstream, who lost most of their harvest in the spring, welcomed the decision but asked for compensation.</p>";

    [Fact]
    public void Script_style_svg_and_comment_contents_are_cut_but_their_tags_and_the_text_around_stay()
    {
        var html = "<html><head><style>p { color: red }</style></head><body><!-- tracking --><script>var s = '<p>not text</p>';</script>" +
                   "<svg><text>icon label</text></svg>" + Body + "</body></html>";
        var stripped = HtmlPrefilter.Strip(html);
        Assert.DoesNotContain("color: red", stripped);
        Assert.DoesNotContain("not text", stripped);
        Assert.DoesNotContain("icon label", stripped);
        Assert.DoesNotContain("tracking", stripped);
        Assert.Contains("<script></script>", stripped);
        Assert.Contains(Body, stripped);
    }

    [Fact]
    public void Json_ld_survives_even_when_its_strings_hold_markup_and_comment_marks()
    {
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Flood gates open on the river\"," +
                   "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},\"datePublished\":\"2025-03-10T08:00:00Z\"," +
                   "\"description\":\"Gates <!-- open --> and a <script> tag in a string\"}</script></head><body>" + Body + "</body></html>";
        Assert.Contains("a <script> tag in a string", HtmlPrefilter.Strip(html));
        var article = new HtmlArticleParser().Parse(html);
        Assert.Equal("Ana Ruiz", article.Metadata.Author);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero), article.Metadata.Published);
    }

    [Fact]
    public void A_tag_name_inside_a_quoted_attribute_value_does_not_cut_the_page()
    {
        // Raw '<' is legal in quoted attribute values; a scanner that took it for a tag would cut
        // everything up to the next </script> or -->, here the whole article.
        var html = "<html><body><img alt=\"How to write a <script> tag\" src=\"a.png\"><a title='see <!-- this' href=\"/x\">x</a>" +
                   "<div data-note=\"a > b\">" + Body + "</div></body></html>";
        var stripped = HtmlPrefilter.Strip(html);
        Assert.Contains(Body, stripped);
        var text = string.Join("\n", new HtmlArticleParser().Parse(html).Paragraphs);
        Assert.Contains("three weeks after the storm", text);
        Assert.Contains("asked for compensation", text);
    }

    [Fact]
    public void An_unclosed_script_cuts_to_the_end_without_failing()
    {
        var html = "<html><body>" + Body + "<script>var a = 1; // never closed";
        var stripped = HtmlPrefilter.Strip(html);
        Assert.Contains(Body, stripped);
        Assert.DoesNotContain("never closed", stripped);
    }

    [Fact]
    public void A_page_with_nothing_to_cut_is_returned_as_it_is()
    {
        var html = "<html><body>" + Body + "</body></html>";
        Assert.Same(html, HtmlPrefilter.Strip(html));
    }

    [Fact]
    public void The_pooled_parse_reads_the_same_document_as_parsing_the_cut_string()
    {
        var html = "<html><head><title>Gates</title><style>x{}</style></head><body><script>1</script>" + Body + "</body></html>";
        using var page = PageParser.ParseStripped(html);
        using var direct = PageParser.Parse(HtmlPrefilter.Strip(html));
        Assert.Equal(direct.DocumentElement.OuterHtml, page.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public void Furniture_vocabulary_answers_are_those_of_the_regular_expression()
    {
        // Same shape as the content extractor's vocabularies: plain words, an optional character, an anchored word.
        var regex = new Regex(@"comment|share|nav-|side-bar|rich-?text|(?:^|[\s_-])ads?(?:$|[\s_-])|menu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var cache = new MatchCache(() => regex);
        string[] pieces = ["comment", "Comments", "SHARE", "nav", "nav-", "side", "-bar", "rich", "-", "text", "ad", "ads", "Ad", "load", "x", " ", "_", "menu", "MeNu", "é", "ß"];
        var random = new Random(7);
        for (var n = 0; n < 5000; n++)
        {
            var parts = random.Next(1, 5);
            var s = string.Concat(Enumerable.Range(0, parts).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(regex.IsMatch(s) == cache.IsMatch(s), $"'{s}'");
            Assert.True(regex.IsMatch(s) == cache.IsMatch(s), $"'{s}' (remembered)");
        }
    }
}
