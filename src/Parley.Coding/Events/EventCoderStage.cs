using Parley.Coding.Clauses;
using Parley.Coding.Patterns;
using Parley.Coding.Status;
using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Coding.Events;

/// <summary>
/// The event coder: finds trigger patterns in each sentence, reads source and target from the clause,
/// the status from its cues (pledged, planned, threatened, hypothetical, denied), the date from the
/// nearest time expression in the clause (or from the story, or the publication date as a marked
/// fallback), the place, and who reported it; then merges mentions of the same event into one event
/// with all its evidence. Thread-safe; keeps no per-document state.
/// </summary>
public sealed class EventCoderStage : IPipelineStage
{
    private readonly CoderResources _resources;

    /// <summary>Creates the stage over the embedded dictionaries.</summary>
    public EventCoderStage() : this(CoderResources.Default) { }

    /// <summary>Creates the stage over <paramref name="resources"/>.</summary>
    public EventCoderStage(CoderResources resources) => _resources = resources;

    /// <inheritdoc />
    public string Name => "events";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.Tokens, Layers.Actors, Layers.Times];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Events];

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var story = new StoryState();
        var drafts = new List<DraftEvent>();
        foreach (var sentence in document.Sentences)
        {
            if (sentence.TokenCount == 0) continue;
            var line = new TokenLine(document, sentence, _resources.Lexicon);
            var ctx = new SentenceContext(document, sentence, line);
            var finder = new ArgumentFinder(ctx, _resources.Words, story);
            finder.RememberFocus();
            drafts.AddRange(new SentenceCoder(_resources, ctx, finder, story).Code());
            finder.RememberSubject();
        }
        EventDating.Propagate(drafts, document);
        foreach (var e in EventMerger.Merge(drafts)) document.Events.Add(Finish(e));
    }

    private CodedEvent Finish(DraftEvent e)
    {
        // a meeting on neither side's soil is a meeting at a third location
        if (e.Code is "040" or "046" && e.Place is { } place && e.Target.Count > 0
            && e.Participants.All(p => p.Country != place.Country))
            e.Code = "044";
        var entry = _resources.Codebook.Lookup(e.Code);
        var coded = new CodedEvent
        {
            Cameo = e.Code,
            Label = entry?.Label ?? "",
            Goldstein = entry?.Goldstein ?? 0,
            QuadClass = entry?.QuadClass ?? 0,
            Plover = entry?.Plover,
            Date = e.Date ?? "",
            DatePrecision = e.Precision,
            DateIsFallback = e.DateSource == DateSource.Fallback,
            Status = e.Status,
            Location = e.Place,
        };
        coded.Actor1.AddRange(e.Source.Select(p => p.ToEventActor()));
        coded.Actor2.AddRange(e.Target.Select(p => p.ToEventActor()));
        coded.Evidence.AddRange(e.Evidence);
        coded.ReportedBy.AddRange(e.ReportedBy);
        return coded;
    }
}
