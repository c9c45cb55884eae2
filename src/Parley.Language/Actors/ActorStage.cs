using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Language.Places;

namespace Parley.Language.Actors;

/// <summary>
/// Finds actor mentions in each sentence and resolves them to CAMEO-style codes (country or bloc + sector):
/// longest-match dictionary look-up over names, adjectives, capitals, blocs, media and people, plus rules for
/// titles and names ("U.S. President Donald Trump", "China's President Xi Jinping", "Foreign Minister Wang Yi"),
/// country adjectives with role nouns ("Chinese officials" -> CHNGOV), capitals as metonyms ("Beijing" -> CHNGOV,
/// except "in Beijing", a place), and within-article coreference ("Xi", "the Chinese leader", "he").
/// People are resolved with their dated offices as of the article's publication date (or today, from the
/// injected <see cref="TimeProvider"/>, when the article has none).
/// </summary>
public sealed class ActorStage : IPipelineStage
{
    private readonly ActorDictionary _dictionary;
    private readonly PlaceCues _cues;
    private readonly TimeProvider _time;

    /// <summary>Creates the stage; every argument defaults to Parley's embedded data and the system clock.</summary>
    public ActorStage(ActorDictionary? dictionary = null, TimeProvider? timeProvider = null, PlaceCues? placeCues = null)
    {
        _dictionary = dictionary ?? ActorDictionary.Default;
        _time = timeProvider ?? TimeProvider.System;
        _cues = placeCues ?? PlaceCues.Default;
    }

    /// <inheritdoc />
    public string Name => "actors";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Actors];

    /// <summary>The date offices are resolved on: the article's publication date, else today.</summary>
    public DateOnly ReferenceDate(Document document)
    {
        var published = document.Metadata.Published ?? _time.GetUtcNow();
        return DateOnly.FromDateTime(published.DateTime);
    }

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var finder = new ActorMentionFinder(document, _dictionary, _cues, ReferenceDate(document));
        foreach (var sentence in document.Sentences) finder.AddSentence(sentence);
    }
}
