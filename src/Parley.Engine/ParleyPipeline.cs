using Parley.Coding.Events;
using Parley.Core.Pipeline;
using Parley.Language.Actors;
using Parley.Language.Places;
using Parley.Language.Quotes;
using Parley.Language.Temporal;
using Parley.Language.Text;

namespace Parley.Engine;

/// <summary>
/// The one place where Parley's default pipeline is assembled. Each stage adds one layer to the
/// document; reorder, replace or remove stages on the builder before <see cref="PipelineBuilder.Build"/>.
/// </summary>
public static class ParleyPipeline
{
    private static readonly Lazy<DocumentPipeline> DefaultPipeline = new(() => CreateDefaultBuilder().Build());

    /// <summary>The default pipeline, built once and shared (stages are thread-safe).</summary>
    public static DocumentPipeline Default => DefaultPipeline.Value;

    /// <summary>A builder holding the default stages in order, for callers who want to change them.</summary>
    /// <param name="clock">Reference clock for documents with no publication time (tests inject a fixed one).</param>
    public static PipelineBuilder CreateDefaultBuilder(TimeProvider? clock = null) => new PipelineBuilder()
        .Add(new SentenceStage())      // paragraphs -> sentences
        .Add(new TokenizerStage())     // sentences -> tokens (UD conventions)
        .Add(new TemporalStage(clock)) // time expressions, resolved against the publication time
        .Add(new ActorStage(timeProvider: clock)) // actors, resolved to country + sector, with dated roles
        .Add(new PlaceStage())         // places, resolved through the gazetteer
        .Add(new QuoteStage())         // quotes with speakers, and who reported what ("according to Xinhua")
        .Add(new EventCoderStage());   // CAMEO events with actors, date, status and evidence
}
