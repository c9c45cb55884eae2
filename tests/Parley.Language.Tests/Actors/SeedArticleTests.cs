using Parley.Core.Model;
using Parley.Language.Actors;
using Parley.Language.Places;
using Parley.Testing;

namespace Parley.Language.Tests.Actors;

/// <summary>The seed article's actor and place expectations (issue 5, "Done when").</summary>
public sealed class SeedArticleTests
{
    private static Document Seed()
    {
        var path = Directory.GetFiles(SharedData.Require("seed"), "*.txt").Order().First();
        var document = TestDocuments.Make(File.ReadAllText(path), "2025-11-24T07:05:00Z");
        new ActorStage().Process(document);
        new PlaceStage().Process(document);
        return document;
    }

    private static ActorMention Actor(Document d, string text) =>
        d.Actors.FirstOrDefault(a => a.Text == text) ?? throw new Xunit.Sdk.XunitException(
            $"no actor '{text}'; found: {string.Join(" | ", d.Actors.Select(a => $"{a.Text}={a.Code}"))}");

    [SkippableFact]
    public void Trump_is_the_US_head_of_state_on_the_publication_date()
    {
        var d = Seed();
        var trump = Actor(d, "U.S. President Donald Trump");
        Assert.Equal("USAGOV", trump.Code);
        Assert.Equal("head of state", trump.Role);
        Assert.Equal("donald-trump", trump.EntityId);
        Assert.All(d.Actors.Where(a => a.Text == "Trump"), a => Assert.Equal("USAGOV", a.Code));
    }

    [SkippableFact]
    public void Xi_is_the_Chinese_government_in_every_form()
    {
        var d = Seed();
        Assert.Equal("CHNGOV", Actor(d, "Chinese President Xi Jinping").Code);
        Assert.Equal("CHNGOV", Actor(d, "China's President Xi Jinping").Code);
        Assert.All(d.Actors.Where(a => a.Text == "Xi"), a => Assert.Equal("xi-jinping", a.EntityId));
    }

    [SkippableFact]
    public void Beijing_is_the_Chinese_government_except_where_it_is_visited()
    {
        var d = Seed();
        var beijing = d.Actors.Where(a => a.Text == "Beijing").ToList();
        Assert.Equal(2, beijing.Count); // "Beijing also agreed", "accuse Beijing"
        Assert.All(beijing, a => Assert.Equal("CHNGOV", a.Code));
        var visit = d.Places.Single(p => p.Text == "Beijing");
        Assert.Equal("CHN", visit.Country);
        Assert.DoesNotContain(d.Actors, a => a.Span.Overlaps(visit.Span));
    }

    [SkippableFact]
    public void Western_governments_Xinhua_White_House_and_officials()
    {
        var d = Seed();
        Assert.Equal("WSTGOV", Actor(d, "Western governments").Code);
        var xinhua = Actor(d, "China’s Xinhua News Agency");
        Assert.Equal("CHNMED", xinhua.Code);
        Assert.Equal("USAGOV", Actor(d, "White House").Code);
        Assert.Equal("USAGOV", Actor(d, "U.S. officials").Code);
        Assert.Equal("USAAGR", Actor(d, "American farmers").Code);
        Assert.Equal("USAGOV", Actor(d, "Washington").Code);
        Assert.Equal("RUSGOV", Actor(d, "Moscow").Code);
        Assert.DoesNotContain(d.Actors, a => a.Text.Contains("Truth Social"));
    }

    [SkippableFact]
    public void US_China_is_two_mentions_and_he_is_Trump()
    {
        var d = Seed();
        var usChina = d.Actors.Where(a => a.Text is "U.S." or "China").Select(a => a.Country).Distinct().Order().ToArray();
        Assert.Equal(["CHN", "USA"], usChina);
        var he = d.Actors.Where(a => a.Kind == ActorKind.Pronoun && a.Text == "He").ToList();
        Assert.NotEmpty(he);
        Assert.All(he, a => Assert.Equal("donald-trump", a.EntityId));
    }

    [SkippableFact]
    public void Busan_and_South_Korea_are_places_in_Korea()
    {
        var d = Seed();
        var busan = d.Places.First(p => p.Text == "Busan");
        Assert.Equal("KOR", busan.Country);
        Assert.InRange(busan.Latitude!.Value, 35.08, 35.28);
        Assert.InRange(busan.Longitude!.Value, 128.98, 129.18);
        var korea = d.Places.Single(p => p.Text == "South Korea");
        Assert.Equal(("KOR", "country"), (korea.Country, korea.Kind));
        Assert.DoesNotContain(d.Actors, a => a.Text == "South Korea");
    }

    [SkippableFact]
    public void Mentions_are_in_order_do_not_overlap_and_spans_are_exact()
    {
        var d = Seed();
        Assert.Empty(d.CheckSpans());
        for (var i = 0; i < d.Actors.Count; i++)
        {
            Assert.Equal(d.Actors[i].Text, d.Slice(d.Actors[i].Span));
            if (i > 0) Assert.True(d.Actors[i].Span.Start >= d.Actors[i - 1].Span.End, $"{d.Actors[i - 1]} overlaps {d.Actors[i]}");
        }
        foreach (var p in d.Places) Assert.Equal(p.Text, d.Slice(p.Span));
    }
}
