using Parley.Engine.Bench;

namespace Parley.Engine.Tests;

public class PipelineInvariantTests
{
    [Fact]
    public void Every_span_of_every_layer_lies_inside_the_text_after_the_whole_pipeline()
    {
        foreach (var document in new SyntheticCorpus(seed: 7).Generate(40))
        {
            ParleyPipeline.Default.Process(document);
            Assert.Empty(document.CheckSpans());
            Assert.NotEmpty(document.Sentences);
        }
    }

    [Fact]
    public void The_default_pipeline_places_every_stage_after_what_it_requires()
    {
        var names = ParleyPipeline.Default.Stages.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf("sentences") < names.IndexOf("events"));
        Assert.Contains("actors", names);
        Assert.Contains("times", names);
    }
}
