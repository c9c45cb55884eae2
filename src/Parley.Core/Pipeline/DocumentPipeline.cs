using Parley.Core.Model;

namespace Parley.Core.Pipeline;

/// <summary>A validated, immutable sequence of stages; thread-safe, reused for every document.</summary>
public sealed class DocumentPipeline
{
    private readonly IPipelineStage[] _stages;

    internal DocumentPipeline(IPipelineStage[] stages) => _stages = stages;

    /// <summary>The stages, in the order they run.</summary>
    public IReadOnlyList<IPipelineStage> Stages => _stages;

    /// <summary>Runs every stage on <paramref name="document"/>, in order, and returns it.</summary>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in _stages)
        {
            stage.Process(document);
            foreach (var layer in stage.Provides) document.MarkLayer(layer);
        }
        return document;
    }
}
