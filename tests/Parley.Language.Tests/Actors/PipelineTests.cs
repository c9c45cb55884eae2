using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Language.Actors;
using Parley.Language.Places;
using Parley.Language.Text;
using Parley.Testing;

namespace Parley.Language.Tests.Actors;

/// <summary>The actor and place stages in a real pipeline, behind the sentence splitter.</summary>
public sealed class PipelineTests
{
    private static readonly DocumentPipeline Pipeline = new PipelineBuilder()
        .Add(new SentenceStage())
        .Add(new ActorStage())
        .Add(new PlaceStage())
        .Build();

    [SkippableFact]
    public void Seed_article_through_the_pipeline_keeps_its_key_actors_and_places()
    {
        var path = Directory.GetFiles(SharedData.Require("seed"), "*.txt").Order().First();
        var paragraphs = File.ReadAllText(path).Replace("\r\n", "\n").Split("\n\n");
        var document = Pipeline.Process(Document.FromParagraphs(paragraphs, new ArticleMetadata { Published = new DateTimeOffset(2025, 11, 24, 7, 5, 0, TimeSpan.Zero) }));
        Assert.Empty(document.CheckSpans());
        Assert.Contains(document.Actors, a => a.Text == "U.S. President Donald Trump" && a.Code == "USAGOV" && a.Role == "head of state");
        Assert.Contains(document.Actors, a => a.Text == "Chinese President Xi Jinping" && a.Code == "CHNGOV");
        Assert.Contains(document.Actors, a => a.Text == "Western governments" && a.Code == "WSTGOV");
        Assert.Contains(document.Actors, a => a.Text == "China’s Xinhua News Agency" && a.Code == "CHNMED");
        Assert.Contains(document.Actors, a => a.Text == "Beijing" && a.Code == "CHNGOV");
        Assert.Contains(document.Places, p => p.Text == "Busan" && p.Country == "KOR");
        Assert.Contains(document.Places, p => p.Text == "Beijing" && p.Country == "CHN");
        Assert.True(document.PresentLayers.Contains(Layers.Actors) && document.PresentLayers.Contains(Layers.Places));
    }

    [Fact]
    public void A_word_the_tagger_read_as_a_finite_verb_does_not_join_an_actor()
    {
        // "Spain deployed soldiers" is a clause; without tags "deployed soldiers" would read like "Spanish riot police".
        var document = Document.FromParagraphs(["Spain deployed soldiers along the border on Tuesday."], new ArticleMetadata { Published = new DateTimeOffset(2021, 5, 19, 12, 0, 0, TimeSpan.Zero) });
        new SentenceStage().Process(document);
        new TokenizerStage().Process(document);
        foreach (var token in document.Tokens.Where(t => document.Slice(t.Span) == "deployed")) token.Xpos = "VBD";
        new ActorStage().Process(document);
        Assert.DoesNotContain(document.Actors, a => a.Text.Contains("deployed", StringComparison.Ordinal));
        Assert.Contains(document.Actors, a => a.Text == "Spain" && a.Code == "ESP");
    }

    [Fact]
    public void Article_without_a_date_is_resolved_on_the_injected_clock()
    {
        var stage = new ActorStage(timeProvider: new FixedClock(new DateTimeOffset(2018, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var document = TestDocuments.Make("The Japanese prime minister met the British foreign secretary.");
        stage.Process(document);
        Assert.Equal(new DateOnly(2018, 3, 1), stage.ReferenceDate(document));
        Assert.Equal("shinzo-abe", document.Actors.Single(a => a.Text.Contains("Japanese")).EntityId);
        Assert.Equal("boris-johnson", document.Actors.Single(a => a.Text.Contains("British")).EntityId);
    }

    [Fact]
    public void One_stage_serves_many_documents_at_once()
    {
        var stage = new ActorStage();
        var results = Enumerable.Range(0, 8).AsParallel().Select(i =>
        {
            var d = TestDocuments.Make("Chinese officials met U.S. officials in Geneva. Beijing said the talks were useful.", "2025-11-24");
            stage.Process(d);
            return string.Join(",", d.Actors.Select(a => a.Code));
        }).Distinct().ToList();
        Assert.Equal(["CHNGOV,USAGOV,CHNGOV"], results);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
