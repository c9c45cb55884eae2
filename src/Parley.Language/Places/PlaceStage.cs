using Parley.Core.Model;
using Parley.Core.Pipeline;
using Parley.Language.Actors;

namespace Parley.Language.Places;

/// <summary>
/// Finds place names and resolves them through the <see cref="Gazetteer"/> to a country (ISO3), coordinates
/// and a kind. Runs after <see cref="ActorStage"/>: a name already read as an actor ("Beijing" as the Chinese
/// government) is not a place, and a country or capital is a place only where the text uses it as one
/// ("in South Korea", "visit Beijing"). An ambiguous name goes to the candidate in a country the article
/// already names (by its actors or its unambiguous places), else to the most populous.
/// </summary>
public sealed class PlaceStage : IPipelineStage
{
    // A name that is also an English word ("Nice", "Split") is read as a place without a cue only when
    // the place is this large (or a capital): "Shanghai" always, "Orange" only in "in Orange".
    private const long CommonWordPopulation = 1_000_000;

    private readonly Gazetteer _gazetteer;
    private readonly PlaceCues _cues;

    /// <summary>Creates the stage; arguments default to Parley's embedded data.</summary>
    public PlaceStage(Gazetteer? gazetteer = null, PlaceCues? placeCues = null)
    {
        _gazetteer = gazetteer ?? Gazetteer.Default;
        _cues = placeCues ?? PlaceCues.Default;
    }

    /// <inheritdoc />
    public string Name => "places";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.Actors];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Places];

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<(Sentence Sentence, int Start, int End, List<Word> Words, IReadOnlyList<PlaceEntry> Candidates)>();
        foreach (var sentence in document.Sentences)
        {
            var words = WordScanner.Scan(document.Text, sentence.Span.Start, sentence.Span.End);
            for (var i = 0; i < words.Count;)
            {
                var length = Match(document, words, i, out var candidates);
                if (length > 0)
                {
                    found.Add((sentence, i, i + length, words, candidates));
                    i += length;
                }
                else i++;
            }
        }
        // Countries the article names: by its actors, and by its places that have a single candidate.
        var named = new HashSet<string>(document.Actors.Select(a => a.Country), StringComparer.Ordinal);
        foreach (var f in found)
        {
            if (f.Candidates.Select(c => c.Country).Distinct().Count() == 1) named.Add(f.Candidates[0].Country);
        }
        foreach (var f in found)
        {
            var best = f.Candidates.OrderByDescending(c => Score(c, named)).First();
            var start = f.Words[f.Start].Key == "the" && f.End - f.Start > 1 ? f.Start + 1 : f.Start;
            var span = new TextSpan(f.Words[start].Start, f.Words[f.End - 1].End);
            document.Places.Add(new PlaceMention
            {
                Span = span,
                Text = document.Slice(span),
                SentenceIndex = f.Sentence.Index,
                Name = best.Name,
                Country = best.Country,
                Kind = best.Kind,
                Latitude = best.Latitude,
                Longitude = best.Longitude,
            });
        }
    }

    private static double Score(PlaceEntry c, HashSet<string> named) =>
        Math.Log10(c.Population + 10)
        + (named.Contains(c.Country) ? 2.0 : 0)
        + (c.Kind == "capital" ? 1.0 : 0)
        // "Kharkiv" is the city more often than the oblast, whose population sum is larger.
        + (c.Kind is "city" or "capital" ? 1.0 : 0);

    // The longest gazetteer name at word i that reads as a place here; 0 when none.
    private int Match(Document document, List<Word> words, int i, out IReadOnlyList<PlaceEntry> candidates)
    {
        candidates = [];
        if (!words[i].IsCapitalised && !(words[i].Key == "the" && i + 1 < words.Count && words[i + 1].IsCapitalised)) return 0;
        for (var length = Math.Min(_gazetteer.MaxWords, words.Count - i); length >= 1; length--)
        {
            var list = _gazetteer.LookupKey(Gazetteer.KeyOf(words, i, i + length));
            if (list.Count == 0) continue;
            var span = new TextSpan(words[i].Start, words[i + length - 1].End);
            if (document.Actors.Any(a => a.Span.Overlaps(span))) return 0;
            var cue = _cues.IsPlaceContext(words, i, i + length);
            var usable = list.Where(e => Acceptable(e, cue)).ToList();
            if (usable.Count == 0) return 0;
            // Part of a longer proper name ("Gimhae International Airport", "Victoria Beckham") unless a cue says place.
            var next = i + length < words.Count ? words[i + length] : default;
            var previous = i > 0 ? words[i - 1] : default;
            var insideName = next.IsCapitalised && next.IsAlpha
                || (previous.IsCapitalised && previous.IsAlpha && i > 1 && !_cues.IsPlaceContext(words, i, i + length));
            if (insideName && !cue) return 0;
            candidates = usable;
            return length;
        }
        return 0;
    }

    private static bool Acceptable(PlaceEntry e, bool cue) => e.Kind switch
    {
        // A country is a place only where the text uses it as one; elsewhere it is an actor.
        "country" => cue,
        _ when e.IsCommonWord => cue || e.Population >= CommonWordPopulation || e.Kind == "capital",
        _ => true,
    };
}
