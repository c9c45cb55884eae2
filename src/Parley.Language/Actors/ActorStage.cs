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
    private readonly Gazetteer _gazetteer;

    /// <summary>Creates the stage; every argument defaults to Parley's embedded data and the system clock.</summary>
    /// <param name="dictionary">Actor dictionaries (default <see cref="ActorDictionary.Default"/>).</param>
    /// <param name="timeProvider">Clock for articles without a publication date (default the system clock).</param>
    /// <param name="placeCues">Words that make a following name a place (default <see cref="PlaceCues.Default"/>).</param>
    /// <param name="gazetteer">Place names, so that "Taiwan" in "Taiwan Strait" is not an actor (default <see cref="Gazetteer.Default"/>).</param>
    public ActorStage(ActorDictionary? dictionary = null, TimeProvider? timeProvider = null, PlaceCues? placeCues = null, Gazetteer? gazetteer = null)
    {
        _dictionary = dictionary ?? ActorDictionary.Default;
        _time = timeProvider ?? TimeProvider.System;
        _cues = placeCues ?? PlaceCues.Default;
        _gazetteer = gazetteer ?? Gazetteer.Default;
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
        var finder = new ActorMentionFinder(document, _dictionary, _cues, _gazetteer, ReferenceDate(document));
        foreach (var sentence in document.Sentences) finder.AddSentence(sentence);
    }
}
