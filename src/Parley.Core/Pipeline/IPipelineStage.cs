using Parley.Core.Model;

namespace Parley.Core.Pipeline;

/// <summary>
/// One pipeline component: takes a document and adds one layer to it. A stage is built once and
/// used for many documents, possibly on several threads at once, so it keeps no per-document state.
/// </summary>
public interface IPipelineStage
{
    /// <summary>A short stable name ("sentences", "actors").</summary>
    string Name { get; }

    /// <summary>Layers that must be present before this stage runs.</summary>
    IReadOnlyCollection<string> Requires { get; }

    /// <summary>Layers this stage adds.</summary>
    IReadOnlyCollection<string> Provides { get; }

    /// <summary>Adds this stage's layer to <paramref name="document"/>.</summary>
    void Process(Document document);
}
