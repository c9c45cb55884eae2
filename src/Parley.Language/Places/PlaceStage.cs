using Parley.Core.Data;
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

    private static readonly Lazy<HashSet<string>> NotPlaces = new(() => DataFile.ReadTsv(typeof(PlaceStage).Assembly, "Places/Data/not-places.tsv")
        .Select(r => WordScanner.KeyOf(r["name"])).ToHashSet(StringComparer.Ordinal));

    // A one-word name also used as a surname in the article is dropped only for places smaller than this.
    private const long SurnamePopulation = 500_000;

    private readonly Gazetteer _gazetteer;
    private readonly PlaceCues _cues;
    private readonly ActorDictionary _actors;

    /// <summary>Creates the stage; arguments default to Parley's embedded data.</summary>
    /// <param name="gazetteer">Place names (default <see cref="Gazetteer.Default"/>).</param>
    /// <param name="placeCues">Words that make a following name a place (default <see cref="PlaceCues.Default"/>).</param>
    /// <param name="actors">Country adjectives, for "the Vietnamese capital" (default <see cref="ActorDictionary.Default"/>).</param>
    public PlaceStage(Gazetteer? gazetteer = null, PlaceCues? placeCues = null, ActorDictionary? actors = null)
    {
        _gazetteer = gazetteer ?? Gazetteer.Default;
        _cues = placeCues ?? PlaceCues.Default;
        _actors = actors ?? ActorDictionary.Default;
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
        var scanned = document.Sentences.Select(s => (Sentence: s, Words: WordScanner.Scan(document.Text, s.Span.Start, s.Span.End))).ToList();
        var surnames = Surnames(scanned.Select(s => s.Words));
        foreach (var (sentence, words) in scanned)
        {
            var lastEnd = -1;
            for (var i = 0; i < words.Count;)
            {
                // "Bishkek, Kyrgyzstan": a name right after a place and a comma is a place too.
                var afterPlace = i >= 2 && lastEnd == i - 1 && words[i - 1].Key == ",";
                var length = CapitalByAdjective(words, i, out var candidates);
                if (length == 0) length = Match(document, words, i, afterPlace, surnames, out candidates);
                if (length > 0)
                {
                    found.Add((sentence, i, i + length, words, candidates));
                    i += length;
                    lastEnd = i;
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

    // A country weighs as a place of ten million ("in Georgia": the country, unless the article names the USA).
    private static double Score(PlaceEntry c, HashSet<string> named) =>
        (c.Kind is "country" or "world-region" ? 7.0 : Math.Log10(c.Population + 10))
        + (named.Contains(c.Country) ? 2.0 : 0)
        + (c.Kind == "capital" ? 1.0 : 0)
        // "Kharkiv" is the city more often than the oblast, whose population sum is larger.
        + (c.Kind is "city" or "capital" ? 1.0 : 0);

    // The longest gazetteer name at word i that reads as a place here; 0 when none.
    private int Match(Document document, List<Word> words, int i, bool afterPlace, HashSet<string> surnames, out IReadOnlyList<PlaceEntry> candidates)
    {
        candidates = [];
        // "the Gaza Strip", but not "the colony" (The Colony, Texas): the name itself must be capitalised.
        var head = words[i].Key == "the" && i + 1 < words.Count ? i + 1 : i;
        if (!words[head].IsCapitalised) return 0;
        for (var length = Math.Min(_gazetteer.MaxWords, words.Count - i); length >= 1; length--)
        {
            var list = _gazetteer.LookupKey(Gazetteer.KeyOf(words, i, i + length));
            if (list.Count == 0 && head > i) list = _gazetteer.LookupKey(Gazetteer.KeyOf(words, head, i + length));
            if (list.Count == 0) continue;
            var span = new TextSpan(words[i].Start, words[i + length - 1].End);
            if (document.Actors.Any(a => a.Span.Overlaps(span))) return 0;
            if (NotPlaces.Value.Contains(Gazetteer.KeyOf(words, head, i + length))) return 0;
            var cue = afterPlace || _cues.IsPlaceContext(words, i, i + length);
            var usable = list.Where(e => Acceptable(e, cue)).ToList();
            if (usable.Count == 0) return 0;
            // Part of a longer proper name ("Gimhae International Airport", "Victoria Beckham") unless a cue says place.
            var next = i + length < words.Count ? words[i + length] : default;
            var previous = i > 0 ? words[i - 1] : default;
            var insideName = next.IsCapitalised && next.IsAlpha
                || (previous.IsCapitalised && previous.IsAlpha && !_cues.IsPlaceContext(words, i, i + length));
            if (insideName && !cue) return 0;
            // "Richardson said", after "John Richardson": a surname, not the city in Texas.
            // Large cities keep their reading ("Make Melbourne" is a campaign, not a person).
            if (length == 1 && !cue && surnames.Contains(words[i].Key) && usable.Where(e => e.Kind is "city" or "capital").Select(e => e.Population).DefaultIfEmpty(0).Max() < SurnamePopulation) return 0;
            candidates = usable;
            return length;
        }
        return 0;
    }

    // "the Vietnamese capital": the capital of the country the adjective names.
    private int CapitalByAdjective(List<Word> words, int i, out IReadOnlyList<PlaceEntry> candidates)
    {
        candidates = [];
        var length = _actors.Phrases.Match(words, i, out var items);
        if (length == 0 || i + length >= words.Count || words[i + length].Key != "capital") return 0;
        var adjective = items.FirstOrDefault(x => x.Kind == LexKind.CountryAdjective);
        if (adjective is null || _gazetteer.CapitalOf(adjective.Id) is not { } capital) return 0;
        candidates = [capital];
        return length + 1;
    }

    // One-word place names that the article also writes as the second word of a two-word capitalised
    // name ("John Richardson"): there they are surnames, and so are their bare mentions.
    private HashSet<string> Surnames(IEnumerable<List<Word>> sentences)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in sentences)
        {
            for (var i = 1; i < words.Count; i++)
            {
                var (previous, word) = (words[i - 1], words[i]);
                if (!word.IsCapitalised || !word.IsAlpha || !previous.IsCapitalised || !previous.IsAlpha || previous.Key.Length < 2) continue;
                if (i + 1 < words.Count && words[i + 1].IsCapitalised && words[i + 1].IsAlpha) continue;
                if (_cues.IsPlaceContext(words, i - 1, i + 1) || _gazetteer.LookupKey(previous.Key + " " + word.Key).Count > 0) continue;
                if (_gazetteer.LookupKey(word.Key).Count > 0 && _gazetteer.LookupKey(previous.Key).Count == 0) surnames.Add(word.Key);
            }
        }
        return surnames;
    }

    private static bool Acceptable(PlaceEntry e, bool cue) => e.Kind switch
    {
        // A country (or a world region, "Africa") is a place only where the text uses it as one; elsewhere it is an actor.
        "country" or "world-region" => cue,
        _ when e.IsCommonWord => cue || e.Kind == "capital" || e.Kind == "city" && e.Population >= CommonWordPopulation,
        _ => true,
    };
}
