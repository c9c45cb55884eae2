namespace Parley.Core.Pipeline;

/// <summary>
/// Mutable list of stages, placed explicitly; <see cref="Build"/> checks that every stage's
/// requirements are met by the stages before it and freezes the list into a <see cref="DocumentPipeline"/>.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineStage> _stages = [];

    /// <summary>The stages in their current order.</summary>
    public IReadOnlyList<IPipelineStage> Stages => _stages;

    /// <summary>Appends a stage.</summary>
    public PipelineBuilder Add(IPipelineStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Inserts a stage right after the first stage of type <typeparamref name="T"/>.</summary>
    public PipelineBuilder InsertAfter<T>(IPipelineStage stage) where T : IPipelineStage
    {
        _stages.Insert(IndexOf<T>() + 1, stage);
        return this;
    }

    /// <summary>Inserts a stage right before the first stage of type <typeparamref name="T"/>.</summary>
    public PipelineBuilder InsertBefore<T>(IPipelineStage stage) where T : IPipelineStage
    {
        _stages.Insert(IndexOf<T>(), stage);
        return this;
    }

    /// <summary>Replaces the first stage of type <typeparamref name="T"/>.</summary>
    public PipelineBuilder Replace<T>(IPipelineStage stage) where T : IPipelineStage
    {
        _stages[IndexOf<T>()] = stage;
        return this;
    }

    /// <summary>Removes the first stage of type <typeparamref name="T"/>.</summary>
    public PipelineBuilder Remove<T>() where T : IPipelineStage
    {
        _stages.RemoveAt(IndexOf<T>());
        return this;
    }

    /// <summary>Validates the order and freezes the pipeline.</summary>
    /// <exception cref="PipelineException">A stage requires a layer no earlier stage provides (PARLEY-P001), or two stages share a name (PARLEY-P002).</exception>
    public DocumentPipeline Build()
    {
        var present = new HashSet<string> { Core.Model.Layers.Text };
        var names = new HashSet<string>();
        foreach (var stage in _stages)
        {
            if (!names.Add(stage.Name))
                throw new PipelineException("PARLEY-P002", $"two stages are named '{stage.Name}'; names must be unique.");
            var missing = stage.Requires.Where(r => !present.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new PipelineException("PARLEY-P001",
                    $"stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage provides; " +
                    $"place a stage providing it before '{stage.Name}'.");
            present.UnionWith(stage.Provides);
        }
        return new DocumentPipeline(_stages.ToArray());
    }

    private int IndexOf<T>()
    {
        var index = _stages.FindIndex(s => s is T);
        if (index < 0)
            throw new PipelineException("PARLEY-P003", $"no stage of type {typeof(T).Name} in the pipeline.");
        return index;
    }
}
