using Parley.Core.Model;

namespace Parley.Engine.Tests;

/// <summary>Events dated from the text through the whole pipeline: each act keeps the date of its own clause.</summary>
public class EventDatingTests
{
    private static IReadOnlyList<CodedEvent> Code(string text, string published)
    {
        var document = new Document(text, new ArticleMetadata { Title = "test", Published = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture) });
        ParleyPipeline.Default.Process(document);
        return document.Events;
    }

    [Fact]
    public void A_date_inside_a_relative_clause_stays_with_the_act_it_dates()
    {
        // "which imposed sanctions in 2022" dates the sanctions; the criticism is the article's news.
        var events = Code("China, which imposed sanctions on Japan in 2022, criticised the new pact.", "2025-11-26T10:00:00Z");
        Assert.Equal("2022", Assert.Single(events, e => e.Cameo.StartsWith("16", StringComparison.Ordinal)).Date);
        Assert.Equal("2025-11-26", Assert.Single(events, e => e.Cameo.StartsWith("11", StringComparison.Ordinal)).Date);
    }

    [Fact]
    public void Weekdays_resolve_to_the_days_before_a_midweek_article()
    {
        var events = Code("Japan signed a defence pact with the Philippines on Monday that will allow joint training. China criticised the pact on Tuesday.", "2025-11-26T10:00:00Z");
        Assert.Equal("2025-11-24", Assert.Single(events, e => e.Cameo.StartsWith("05", StringComparison.Ordinal)).Date);
        Assert.Equal("2025-11-25", Assert.Single(events, e => e.Cameo.StartsWith("11", StringComparison.Ordinal)).Date);
    }
}
