using System.Globalization;
using Parley.Core.Data;
using Parley.Language.Actors;

namespace Parley.Language.Places;

/// <summary>One gazetteer entry: a city, region, area or country with its coordinates.</summary>
/// <param name="Name">Canonical name ("Busan").</param>
/// <param name="Country">ISO3 of the state it lies in.</param>
/// <param name="Kind">"capital", "city", "region", "area", "water" or "country".</param>
/// <param name="Latitude">Latitude in degrees, when known.</param>
/// <param name="Longitude">Longitude in degrees, when known.</param>
/// <param name="Population">Inhabitants (0 when unknown).</param>
/// <param name="IsCommonWord">True when the one-word name is also an English word ("Nice"): a place only after a cue.</param>
public sealed record PlaceEntry(string Name, string Country, string Kind, double? Latitude, double? Longitude, long Population, bool IsCommonWord);

/// <summary>
/// The gazetteer: every place over 15,000 inhabitants and every first-level region (Places/Data/places.tsv,
/// generated from GeoNames), hand-written additions (places-extra.tsv), and every country and capital of
/// the actor dictionary. Loaded once; immutable and thread-safe; use <see cref="Default"/>.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> LazyDefault = new(() => Load(ActorDictionary.Default));

    private readonly Dictionary<string, List<PlaceEntry>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlaceEntry> _capitals = new(StringComparer.Ordinal);

    /// <summary>The gazetteer built from Parley's embedded data.</summary>
    public static Gazetteer Default => LazyDefault.Value;

    /// <summary>Number of distinct names.</summary>
    public int NameCount => _byName.Count;

    /// <summary>Number of entries (a place with several names counts once per name).</summary>
    public int EntryCount { get; private set; }

    /// <summary>Length in words of the longest name.</summary>
    public int MaxWords { get; private set; }

    /// <summary>Every entry called <paramref name="name"/> (any case, any listed spelling).</summary>
    public IReadOnlyList<PlaceEntry> Lookup(string name)
    {
        var words = WordScanner.Scan(name);
        return LookupKey(KeyOf(words, 0, words.Count));
    }

    /// <summary>
    /// True when a name of more than one word that is not a country ("Taiwan Strait", "Korean Peninsula",
    /// "South China Sea") covers words [start, end) and reaches beyond them: those words then name part of a place.
    /// </summary>
    public bool CoversWithLongerName(IReadOnlyList<Word> words, int start, int end)
    {
        for (var s = Math.Max(0, end - MaxWords); s <= start; s++)
        {
            for (var e = Math.Min(words.Count, s + MaxWords); e >= end; e--)
            {
                if (e - s <= end - start) break;
                if (LookupKey(KeyOf(words, s, e)).Any(p => p.Kind != "country")) return true;
            }
        }
        return false;
    }

    /// <summary>The national capital of <paramref name="iso3"/>, or null.</summary>
    public PlaceEntry? CapitalOf(string iso3) => _capitals.GetValueOrDefault(iso3);

    /// <summary>Entries under a look-up key (word keys joined by single spaces).</summary>
    public IReadOnlyList<PlaceEntry> LookupKey(string key) => _byName.TryGetValue(key, out var list) ? list : [];

    /// <summary>The look-up key of words [start, end).</summary>
    public static string KeyOf(IReadOnlyList<Word> words, int start, int end)
    {
        var parts = new string[end - start];
        for (var i = start; i < end; i++) parts[i - start] = words[i].Key;
        return string.Join(' ', parts);
    }

    /// <summary>Loads the embedded gazetteer files plus the countries and capitals of <paramref name="actors"/>.</summary>
    /// <exception cref="InvalidDataException">A row is malformed (code PARLEY-G001).</exception>
    public static Gazetteer Load(ActorDictionary actors)
    {
        var g = new Gazetteer();
        var assembly = typeof(Gazetteer).Assembly;
        foreach (var file in new[] { "Places/Data/places.tsv", "Places/Data/places-extra.tsv" })
        {
            foreach (var row in DataFile.ReadTsv(assembly, file))
            {
                var entry = new PlaceEntry(row["name"], row["country"], row["kind"], Number(row, "lat"), Number(row, "lon"),
                    long.TryParse(row["population"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop) ? pop : 0,
                    row["common"] == "1");
                g.Add(entry.Name, entry);
                foreach (var alt in row.List("alt")) g.Add(alt, entry);
            }
        }
        foreach (var country in actors.Countries.Values)
        {
            // A capital named differently in countries.tsv ("Kiev", "St. John's") points at the gazetteer's capital.
            var capital = country.Capitals.Select(c => g.Lookup(c).FirstOrDefault(e => e.Country == country.Iso3 && e.Kind == "capital")).FirstOrDefault(e => e is not null)
                ?? g._capitals.GetValueOrDefault(country.Iso3);
            foreach (var name in country.Capitals)
            {
                if (capital is not null && !g.Lookup(name).Any(e => e.Country == country.Iso3))
                    g.Add(name, capital with { Name = name });
            }
            var place = new PlaceEntry(country.Name, country.Iso3, "country", null, null, 0, false);
            foreach (var name in country.Variants.Prepend(country.Name)) g.Add(name, place);
        }
        return g;
    }

    private void Add(string name, PlaceEntry entry)
    {
        var words = WordScanner.Scan(name);
        if (words.Count == 0) return;
        var key = KeyOf(words, 0, words.Count);
        if (!_byName.TryGetValue(key, out var list)) _byName[key] = list = [];
        if (list.Contains(entry)) return;
        list.Add(entry);
        if (entry.Kind == "capital") _capitals.TryAdd(entry.Country, entry);
        EntryCount++;
        MaxWords = Math.Max(MaxWords, words.Count);
    }

    private static double? Number(TsvRow row, string column)
    {
        var cell = row[column];
        if (cell.Length == 0) return null;
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"PARLEY-G001: {row.File} line {row.Line}: {column} '{cell}' is not a number");
    }
}
