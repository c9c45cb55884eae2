using Parley.Core.Model;
using Parley.Engine.Output;
using Parley.Storage;

namespace Parley.Engine.Tests;

public class PairViewTests
{
    private static EventActor Actor(string country) => new() { Country = country, Sector = "GOV", Name = country };

    private static StoredEvent Stored(CodedEvent e) => new()
    {
        Id = 1, Event = e, ArticleId = 1, ArticleHash = "00112233445566778899", EvidenceText = ["s"],
    };

    [Fact]
    public void A_meeting_of_three_becomes_pairs_of_its_participants_without_self_pairs()
    {
        var meeting = new CodedEvent { Cameo = "043", Date = "2024-05-02" };
        meeting.Actor1.AddRange([Actor("FRA"), Actor("DEU"), Actor("ITA")]);
        meeting.Actor2.AddRange([Actor("FRA"), Actor("DEU"), Actor("ITA")]);

        var pairs = PairView.Expand([Stored(meeting)]).Select(p => p.Event.Actor1[0].Country + p.Event.Actor2[0].Country).ToList();

        Assert.Equal(6, pairs.Count);
        Assert.DoesNotContain("FRAFRA", pairs);
        Assert.Contains("DEUITA", pairs);
    }

    [Fact]
    public void A_dyadic_event_passes_through_unchanged()
    {
        var call = new CodedEvent { Cameo = "041", Date = "2025-11-24" };
        call.Actor1.Add(Actor("USA"));
        call.Actor2.Add(Actor("CHN"));
        var stored = Stored(call);

        Assert.Same(stored, Assert.Single(PairView.Expand([stored])));
    }
}
