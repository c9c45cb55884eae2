using Parley.Ingest.Dedup;

namespace Parley.Ingest.Tests;

public class SimHashTests
{
    private const string Story =
        "Hundreds of dock workers in Rotterdam stopped work on Monday, halting container traffic at Europe's largest port " +
        "in protest at plans to automate two more terminals. The union said the strike would last 48 hours and that further " +
        "action was possible if talks with the port authority fail. Port officials said they regretted the walkout and " +
        "invited union leaders to meet on Thursday to discuss the automation timetable and retraining for affected staff. " +
        "Shipping lines warned of delays of up to three days for vessels waiting to unload, and some diverted to Antwerp.";

    [Fact]
    public void A_syndicated_copy_with_a_few_edits_is_a_near_duplicate()
    {
        var copy = Story.Replace("Hundreds of", "Several hundred", StringComparison.Ordinal)
            .Replace("“", "\"", StringComparison.Ordinal) + " (Reuters)";
        var a = SimHash.Compute(Story);
        var b = SimHash.Compute(copy);
        Assert.True(SimHash.Distance(a, b) <= SimHash.DefaultMaxDistance + 3, $"distance {SimHash.Distance(a, b)}");
        Assert.Equal(a, SimHash.Compute(Story.ToUpperInvariant().Replace(" ", "  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Different_stories_are_far_apart()
    {
        const string other = "The leaders of three countries sharing the Mekong basin agreed on Thursday to share data on dam releases, " +
            "ending a dispute that had strained relations for two years. Under the accord, each government will publish its reservoir " +
            "levels every day and warn its neighbours, at least a week in advance, before releasing water downstream.";
        Assert.True(SimHash.Distance(SimHash.Compute(Story), SimHash.Compute(other)) > 10);
    }

    private static TextFingerprint F(string text) => TextFingerprint.Compute(text);

    [Fact]
    public void Index_links_exact_and_near_copies_to_the_first_article()
    {
        var index = new NearDuplicateIndex();
        var copy = "Rotterdam dockers strike over automation\n\n" + Story.Replace("on Monday", "on Monday morning", StringComparison.Ordinal);
        Assert.Null(index.Add("a", Parley.Core.Model.Document.ComputeHash(Story), F(Story)));
        var exact = index.Add("b", Parley.Core.Model.Document.ComputeHash(Story + " "), F(Story));
        Assert.Equal("a", exact!.FirstId);
        Assert.True(exact.Exact);
        var near = index.Add("c", Parley.Core.Model.Document.ComputeHash(copy), F(copy));
        Assert.NotNull(near);
        Assert.Equal("a", near.FirstId);
        Assert.False(near.Exact);
        Assert.True(near.Similarity >= index.MinSimilarity);
        Assert.Null(index.Add("d", "other", F("A completely different story about a volcano erupting in Iceland on Tuesday night.")));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void A_full_index_forgets_the_oldest_article_first_so_memory_stays_bounded()
    {
        var index = new NearDuplicateIndex(capacity: 2);
        var volcano = "A volcano erupted in Iceland on Tuesday night, sending ash over the fishing town of Grindavik.";
        var floods = "Floods closed roads across northern Italy on Sunday after three days of heavy rain in Emilia.";
        Assert.Null(index.Add("rotterdam", "h1", F(Story)));
        Assert.Null(index.Add("volcano", "h2", F(volcano)));
        Assert.Null(index.Add("floods", "h3", F(floods)));
        Assert.Equal(2, index.Count);
        // the oldest (Rotterdam) is forgotten: its copy is new again and will be coded, not lost
        Assert.Null(index.Add("rotterdam-again", "h1", F(Story)));
        // the newer ones are still remembered, exactly and by shingles
        Assert.Equal("floods", index.Add("floods-copy", "h3", F(floods))!.FirstId);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void The_same_release_for_another_place_is_not_a_copy()
    {
        // A template reissued with other names: most shingles are shared, but it reports another event.
        var index = new NearDuplicateIndex();
        var antwerp = Story.Replace("Rotterdam", "Antwerp", StringComparison.Ordinal).Replace("diverted to Antwerp", "diverted to Rotterdam", StringComparison.Ordinal)
            .Replace("Monday", "Wednesday", StringComparison.Ordinal).Replace("48", "24", StringComparison.Ordinal);
        Assert.True(MinHash.Similarity(F(Story).Signature, F(antwerp).Signature) >= 0.5);
        Assert.Null(index.Add("rotterdam", "h1", F(Story)));
        Assert.Null(index.Add("antwerp", "h2", F(antwerp)));
    }

    [Fact]
    public void An_update_with_a_paragraph_added_is_a_copy()
    {
        var index = new NearDuplicateIndex();
        var update = Story + "\n\nLate on Monday the union said talks would resume on Thursday.";
        Assert.Null(index.Add("first", "h1", F(Story)));
        Assert.Equal("first", index.Add("update", "h2", F(update))!.FirstId);
    }

    [Fact]
    public void Fingerprints_survive_the_trip_through_bytes()
    {
        var f = F(Story);
        var back = TextFingerprint.FromBytes(f.SimHash, f.ToBytes())!;
        Assert.Equal(f.Signature, back.Signature);
        Assert.Equal(f.Names, back.Names);
        Assert.Null(TextFingerprint.FromBytes(1, [1, 2, 3]));
    }

    [Fact]
    public void With_a_time_window_a_reissued_statement_is_not_linked()
    {
        var index = new NearDuplicateIndex(window: TimeSpan.FromDays(30));
        var t0 = new DateTimeOffset(2021, 2, 11, 0, 0, 0, TimeSpan.Zero);
        Assert.Null(index.Add("2021", "h", F(Story), t0));
        Assert.Null(index.Add("2022", "h", F(Story), t0.AddYears(1)));
        Assert.Equal("2021", index.Add("copy", "h", F(Story), t0.AddDays(2))!.FirstId);
    }
}
