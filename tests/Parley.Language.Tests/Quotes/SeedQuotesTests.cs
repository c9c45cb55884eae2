using Parley.Core.Model;
using Parley.Language.Quotes;
using Parley.Language.Tests.Temporal;
using Parley.Testing;

namespace Parley.Language.Tests.Quotes;

/// <summary>The seed article's quotes and sources, read in place from ../shared (skipped when absent).</summary>
public sealed class SeedQuotesTests
{
    internal static Document Seed()
    {
        var path = Directory.GetFiles(SharedData.Require("seed"), "*.txt").OrderBy(p => p).First();
        var text = File.ReadAllText(path);
        var start = text.IndexOf("ALBAWABA", StringComparison.Ordinal);
        var end = text.IndexOf("Subscribe", StringComparison.Ordinal);
        Skip.If(start < 0 || end < start, "seed article has changed shape");
        var doc = TestDocuments.Build(text[start..end], new DateTimeOffset(2025, 11, 24, 7, 5, 0, TimeSpan.Zero));
        HandActors.Add(doc, HandActors.Seed);
        new QuoteStage().Process(doc);
        return doc;
    }

    [SkippableTheory]
    [InlineData("very good", "Donald Trump", "USAGOV")]
    [InlineData("peace at the root", "Xi Jinping", "CHNGOV")]
    [InlineData("highly successful", "Donald Trump", "USAGOV")]
    [InlineData("extremely strong", "Donald Trump", "USAGOV")]
    [InlineData("amazing", "Donald Trump", "USAGOV")]
    public void Direct_quotes_have_their_speaker(string words, string speaker, string code)
    {
        var doc = Seed();
        var q = doc.Quotes.FirstOrDefault(q => !q.Reported && q.Text == words);
        Assert.True(q is not null, "quotes: " + string.Join(" | ", doc.Quotes.Select(x => $"{x.Text} <- {x.Speaker}")));
        Assert.Equal(speaker, q!.Speaker);
        Assert.Equal(code, q.SpeakerCode);
        Assert.Equal(words, doc.Slice(q.Span));
        Assert.Empty(doc.CheckSpans());
    }

    [SkippableFact]
    public void Trump_said_he_held_is_reported_speech()
    {
        var doc = Seed();
        var q = doc.Quotes.FirstOrDefault(q => q.Reported && q.Text.StartsWith("he held", StringComparison.Ordinal));
        Assert.True(q is not null, "quotes: " + string.Join(" | ", doc.Quotes.Select(x => $"{(x.Reported ? "R" : "D")}:{x.Text} <- {x.Speaker}")));
        Assert.Equal("Donald Trump", q!.Speaker);
    }

    [SkippableTheory]
    [InlineData("White House", "according-to", "USAGOV")]
    [InlineData("China’s Xinhua News Agency", "according-to", "CHNMED")]
    [InlineData("Truth Social", "post", null)]
    [InlineData("Officials", "said", "GOV")]
    public void Sources_are_attributed_with_their_cue(string name, string cue, string? code)
    {
        var doc = Seed();
        var s = doc.Sources.FirstOrDefault(s => s.Name == name && s.Cue == cue);
        Assert.True(s is not null, "sources: " + string.Join(" | ", doc.Sources.Select(x => $"{x.Name}/{x.Cue}/{x.Code}")));
        Assert.Equal(code, s!.Code);
    }
}
