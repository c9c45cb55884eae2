using Parley.Core.Model;
using Parley.Language.Temporal;

namespace Parley.Language.Tests.Temporal;

public sealed class TemporalStageTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Without_a_publication_time_the_injected_clock_is_the_reference_and_a_diagnostic_says_so()
    {
        var doc = TestDocuments.Sentence("The minister resigned on Friday.", published: null);
        new TemporalStage(new FixedClock(new DateTimeOffset(2024, 6, 12, 9, 0, 0, TimeSpan.Zero))).Process(doc);
        Assert.Equal("2024-06-07", Assert.Single(doc.Times).Value);
        Assert.Contains(doc.Diagnostics, d => d.Code == "PARLEY-T001");
    }

    [Fact]
    public void Stage_declares_its_layers()
    {
        var stage = new TemporalStage();
        Assert.Equal("times", stage.Name);
        Assert.Equal([Layers.Sentences], stage.Requires);
        Assert.Equal([Layers.Times], stage.Provides);
    }

    [Fact]
    public void A_relative_offset_far_from_any_stated_date_keeps_its_computed_day()
    {
        var t = TimeIn("The talks collapsed three weeks earlier than planned. Officials met on August 2.", new DateOnly(2025, 11, 24), "three weeks earlier");
        Assert.Equal("2025-11-03", t.Value);
        Assert.Equal(TimeGranularity.Week, t.Granularity);
        Assert.Equal("publication", t.Anchor);
    }

    [Fact]
    public void An_anaphoric_day_word_points_back_across_a_paragraph_break()
    {
        // News paragraphs are often one sentence: "the same day" still means the day just told, not the publication day.
        var t = TimeIn("The prime minister accused the neighbour of the killing on Monday.\n\nThe government expelled a diplomat the same day.", new DateOnly(2023, 9, 21), "the same day");
        Assert.Equal("2023-09-18", t.Value);
        Assert.StartsWith("event:", t.Anchor);
    }

    [Fact]
    public void Days_counted_from_a_month_give_that_month_not_a_day_after_publication()
    {
        // "two days later" after "last month": counting from the publication day would date a past act in the future.
        var t = TimeIn("Parliament approved the bill last month, and the president signed it two days later.", new DateOnly(2024, 2, 23), "two days later");
        Assert.Equal("2024-01", t.Value);
        Assert.Equal(TimeGranularity.Month, t.Granularity);
    }

    /// <summary>The one time mention written <paramref name="phrase"/> in <paramref name="text"/> published on <paramref name="published"/>.</summary>
    private static TimeMention TimeIn(string text, DateOnly published, string phrase)
    {
        var doc = TestDocuments.Build(text, new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        new TemporalStage().Process(doc);
        return doc.Times.Single(x => x.Text == phrase);
    }

    [Fact]
    public void Mentions_are_in_text_order_with_spans_that_slice_to_their_text()
    {
        var doc = TestDocuments.Build("On Monday, the ministers met.\n\nThey will meet again in April and later in the year.", new DateTimeOffset(2025, 11, 24, 0, 0, 0, TimeSpan.Zero));
        new TemporalStage().Process(doc);
        Assert.True(doc.Times.Count >= 3);
        Assert.Equal(doc.Times.OrderBy(t => t.Span.Start), doc.Times);
        Assert.All(doc.Times, t => Assert.Equal(t.Text, doc.Slice(t.Span)));
        Assert.Empty(doc.CheckSpans());
    }
}
