using Parley.Core.Model;
using Parley.Language.Temporal;
using Parley.Testing;

namespace Parley.Language.Tests.Temporal;

/// <summary>The seed article's times, read in place from ../shared (skipped when absent).</summary>
public sealed class SeedTimesTests
{
    private static Document Seed()
    {
        var path = Directory.GetFiles(SharedData.Require("seed"), "*.txt").OrderBy(p => p).First();
        var text = File.ReadAllText(path);
        // The body: from the first paragraph of the story to the page furniture (the caption and
        // the highlight box are the reader stage's to drop; here they are cut by hand).
        var start = text.IndexOf("ALBAWABA", StringComparison.Ordinal);
        var end = text.IndexOf("Subscribe", StringComparison.Ordinal);
        Skip.If(start < 0 || end < start, "seed article has changed shape");
        var doc = TestDocuments.Build(text[start..end], new DateTimeOffset(2025, 11, 24, 7, 5, 0, TimeSpan.Zero));
        new TemporalStage().Process(doc);
        return doc;
    }

    private static TimeMention Find(Document doc, string text, int occurrence = 0) =>
        doc.Times.Where(t => t.Text.Equals(text, StringComparison.OrdinalIgnoreCase)).ElementAtOrDefault(occurrence)
        ?? throw new Xunit.Sdk.XunitException($"'{text}' not found; found: {string.Join("; ", doc.Times.Select(t => $"{t.Text}={t.Value}"))}");

    [SkippableTheory]
    [InlineData("Monday", "2025-11-24", TimeGranularity.Day)]
    [InlineData("October 30", "2025-10-30", TimeGranularity.Day)]
    [InlineData("three weeks earlier", "2025-10-30", TimeGranularity.Day)]
    [InlineData("April", "2026-04", TimeGranularity.Month)]
    [InlineData("later in the year", "2026", TimeGranularity.Year)]
    [InlineData("2019", "2019", TimeGranularity.Year)]
    [InlineData("earlier in 2025", "2025", TimeGranularity.Year)]
    public void Seed_expressions_resolve_as_a_news_reader_reads_them(string text, string value, TimeGranularity granularity)
    {
        var doc = Seed();
        var t = Find(doc, text);
        Assert.Equal(value, t.Value);
        Assert.Equal(granularity, t.Granularity);
        Assert.Empty(doc.CheckSpans());
    }

    [SkippableFact]
    public void Three_weeks_earlier_is_anchored_to_the_stated_Busan_date()
    {
        var doc = Seed();
        var t = Find(doc, "three weeks earlier");
        var october30 = Find(doc, "October 30");
        Assert.Equal($"event:{october30.SentenceIndex}", t.Anchor);
    }
}
