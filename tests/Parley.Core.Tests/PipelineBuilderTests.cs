using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Core.Tests;

public class PipelineBuilderTests
{
    private sealed class Stage(string name, string[] requires, string[] provides, Action<Document>? run = null) : IPipelineStage
    {
        public string Name => name;
        public IReadOnlyCollection<string> Requires => requires;
        public IReadOnlyCollection<string> Provides => provides;
        public void Process(Document document) => run?.Invoke(document);
    }

    [Fact]
    public void Build_rejects_a_stage_whose_requirement_comes_later()
    {
        var builder = new PipelineBuilder()
            .Add(new Stage("events", [Layers.Actors], [Layers.Events]))
            .Add(new Stage("actors", [Layers.Text], [Layers.Actors]));

        var error = Assert.Throws<PipelineException>(() => builder.Build());

        Assert.Equal("PARLEY-P001", error.Code);
        Assert.Contains("'events' requires actors", error.Message);
    }

    [Fact]
    public void Stages_run_in_placed_order_and_mark_their_layers()
    {
        var order = new List<string>();
        var pipeline = new PipelineBuilder()
            .Add(new Stage("a", [], [Layers.Sentences], _ => order.Add("a")))
            .Add(new Stage("c", [Layers.Sentences], [Layers.Events], _ => order.Add("c")))
            .InsertAfter<Stage>(new Stage("b", [], [Layers.Tokens], _ => order.Add("b")))
            .Build();

        var document = pipeline.Process(new Document("Text."));

        Assert.Equal(["a", "b", "c"], order);
        Assert.Contains(Layers.Events, document.PresentLayers);
    }

    [Fact]
    public void Duplicate_stage_names_are_refused()
    {
        var builder = new PipelineBuilder().Add(new Stage("x", [], [])).Add(new Stage("x", [], []));
        Assert.Equal("PARLEY-P002", Assert.Throws<PipelineException>(() => builder.Build()).Code);
    }
}
