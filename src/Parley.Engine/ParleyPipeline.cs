using Parley.Coding.Events;
using Parley.Core.Pipeline;
using Parley.Language.Actors;
using Parley.Language.Places;
using Parley.Language.Quotes;
using Parley.Language.Temporal;
using Parley.Language.Text;
using Parley.Syntax;

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
    /// <param name="syntax">Add the tagger and dependency parser. On by default: the coder reads a verb's
    /// subject, object and passive agent from the parse (word order stays its fallback), which codes more events
    /// correctly on the gold articles; parsing costs more than every other stage together (see <c>parley bench</c>),
    /// so pass false for the faster word-order-only reading.</param>
    public static PipelineBuilder CreateDefaultBuilder(TimeProvider? clock = null, bool syntax = true)
    {
        var builder = new PipelineBuilder()
            .Add(new SentenceStage())      // paragraphs -> sentences
            .Add(new TokenizerStage());    // sentences -> tokens (UD conventions)
        if (syntax)
        {
            builder.Add(new TaggerStage()) // UPOS/XPOS tags and lemmas
                .Add(new ParserStage());   // dependency heads and relations (UD)
        }
        return builder
            .Add(new TemporalStage(clock))            // time expressions, resolved against the publication time
            .Add(new ActorStage(timeProvider: clock)) // actors, resolved to country + sector, with dated roles
            .Add(new PlaceStage())                    // places, resolved through the gazetteer
            .Add(new QuoteStage())                    // quotes with speakers, and who reported what ("according to Xinhua")
            .Add(new EventCoderStage());              // CAMEO events with actors, date, status and evidence
    }

    private static readonly Lazy<DocumentPipeline> NoSyntaxPipeline = new(() => CreateDefaultBuilder(syntax: false).Build());

    /// <summary>The pipeline with the tagger and parser (the default pipeline, which includes them).</summary>
    public static DocumentPipeline WithSyntax => Default;

    /// <summary>The default pipeline without the tagger and parser (faster; the coder reads word order only), built once and shared.</summary>
    public static DocumentPipeline WithoutSyntax => NoSyntaxPipeline.Value;
}
