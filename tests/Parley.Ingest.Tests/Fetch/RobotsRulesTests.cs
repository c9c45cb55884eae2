using Parley.Ingest.Fetch;

namespace Parley.Ingest.Tests.Fetch;

public class RobotsRulesTests
{
    private const string Site = """
        User-agent: *
        Disallow: /

        User-agent: Googlebot
        User-agent: Parley
        Disallow: /search
        Disallow: /*.pdf$
        Disallow: /drafts/
        Allow: /drafts/published/
        Allow: /search/about
        Disallow: /tmp   # comment after a rule
        Crawl-delay: 4.5
        """;

    [Theory]
    [InlineData("/", true)]
    [InlineData("/world/story-1", true)]
    [InlineData("/search", false)]
    [InlineData("/search?q=summit", false)]
    [InlineData("/search/about", true)]            // longer Allow beats shorter Disallow
    [InlineData("/drafts/x", false)]
    [InlineData("/drafts/published/x", true)]
    [InlineData("/report.pdf", false)]
    [InlineData("/report.pdf?x=1", true)]          // '$' anchors the end of the path
    [InlineData("/files/annual.pdf", false)]       // '*' spans folders
    [InlineData("/tmpfile", false)]                // rules are prefixes
    [InlineData("/robots.txt", true)]
    public void Parley_follows_its_own_group_with_longest_match(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Site, "Parley").IsAllowed(path));

    [Fact]
    public void Crawl_delay_of_the_group_is_read() =>
        Assert.Equal(TimeSpan.FromSeconds(4.5), RobotsRules.Parse(Site, "Parley").CrawlDelay);

    [Fact]
    public void Another_crawler_falls_back_to_the_star_group() =>
        Assert.False(RobotsRules.Parse(Site, "Bingbot").IsAllowed("/world/story-1"));

    [Theory]
    [InlineData("User-agent: *\nDisallow:\n", "/anything", true)]          // empty Disallow allows all
    [InlineData("", "/anything", true)]
    [InlineData("Disallow: /\n", "/anything", true)]                      // a rule outside any group counts for nobody
    [InlineData("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a/b", true)] // a tie goes to Allow
    [InlineData("user-agent: PARLEY\ndisallow: /x\n", "/x", false)]       // names and keys are case-insensitive
    [InlineData("User-agent: *\nDisallow: /a%3cb\n", "/a%3Cb", false)]    // percent escapes compare in any case
    public void Edge_cases_follow_rfc_9309(string robots, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(robots, "Parley").IsAllowed(path));

    [Fact]
    public void A_hostile_pattern_full_of_stars_is_matched_in_linear_time()
    {
        var pattern = "/" + string.Concat(Enumerable.Repeat("a*", 200)) + "b";
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: " + pattern + "\n", "Parley");
        Assert.True(rules.IsAllowed("/" + new string('a', 5000))); // would never finish with naive backtracking
    }
}
