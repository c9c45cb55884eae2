using System.Globalization;
using Parley.Core.Data;

namespace Parley.Language.Actors;

/// <summary>
/// Every actor dictionary of Parley, loaded once from the embedded data files in Actors/Data:
/// countries, blocs and organisations, role nouns and titles, people with dated offices, media.
/// Immutable after construction and safe to share between threads; use <see cref="Default"/>.
/// </summary>
public sealed class ActorDictionary
{
    private static readonly Lazy<ActorDictionary> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, CountryEntry> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BlocEntry> _blocs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PersonEntry> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MediaEntry> _media = new(StringComparer.Ordinal);
    private readonly List<SectorTerm> _sectorTerms = [];
    private readonly Dictionary<string, string> _blocNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _functionWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _titleCountries = new(StringComparer.Ordinal);

    /// <summary>The state a title belongs to whatever the text says ("pope" -> VAT), or null.</summary>
    public string? CountryOfTitle(string title) => _titleCountries.GetValueOrDefault(WordScanner.KeyOf(title));

    /// <summary>The dictionary built from Parley's embedded data files.</summary>
    public static ActorDictionary Default => LazyDefault.Value;

    /// <summary>States and territories by ISO3.</summary>
    public IReadOnlyDictionary<string, CountryEntry> Countries => _countries;

    /// <summary>Regions, blocs, organisations and groups by id.</summary>
    public IReadOnlyDictionary<string, BlocEntry> Blocs => _blocs;

    /// <summary>People by id.</summary>
    public IReadOnlyDictionary<string, PersonEntry> People => _people;

    /// <summary>News agencies, outlets and platforms by id.</summary>
    public IReadOnlyDictionary<string, MediaEntry> Media => _media;

    /// <summary>Role nouns and titles.</summary>
    public IReadOnlyList<SectorTerm> SectorTerms => _sectorTerms;

    /// <summary>English function words by class ("clause", "verb", "link", "time"), from function-words.tsv.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> FunctionWords => _functionWords;

    /// <summary>True when <paramref name="key"/> (a lower-case word) belongs to <paramref name="wordClass"/>.</summary>
    public bool IsFunctionWord(string key, string wordClass) => _functionWords.TryGetValue(wordClass, out var set) && set.Contains(key);

    /// <summary>The phrase index over every name, adjective, capital, title and role noun.</summary>
    public PhraseIndex Phrases { get; } = new();

    /// <summary>Display name of a country or bloc code ("CHN" -> "China", "WST" -> "the West").</summary>
    public string NameOfCode(string code) =>
        _countries.TryGetValue(code, out var c) ? c.Name : _blocNames.TryGetValue(code, out var b) ? b : code;

    /// <summary>
    /// Who held <paramref name="role"/> for <paramref name="country"/> on <paramref name="date"/>
    /// ("leader" means the country's leading office, see <see cref="CountryEntry.LeaderRole"/>); null if unknown.
    /// </summary>
    public (PersonEntry Person, Office Office)? HolderOf(string country, string role, DateOnly date)
    {
        if (role == "leader")
        {
            var leading = _countries.TryGetValue(country, out var c) ? c.LeaderRole : "head of state";
            var other = leading == "head of state" ? "head of government" : "head of state";
            return HolderOf(country, leading, date) ?? HolderOf(country, other, date);
        }
        foreach (var p in _people.Values)
        {
            foreach (var o in p.Offices)
            {
                if (o.Country == country && o.Role == role && o.IsHeldOn(date)) return (p, o);
            }
        }
        // A president who is head of state and government: "head of government" falls back to the head of state.
        return role == "head of government" && !_people.Values.Any(p => p.Offices.Any(o => o.Country == country && o.Role == role))
            ? HolderOf(country, "head of state", date)
            : null;
    }

    /// <summary>
    /// Who held an office written with <paramref name="title"/> ("President", "Crown Prince") for
    /// <paramref name="country"/> on <paramref name="date"/>: "the Iranian president" is Iran's president,
    /// who is not its head of state. Null when no office of the country carries that title.
    /// </summary>
    public (PersonEntry Person, Office Office)? HolderByTitle(string country, string title, DateOnly date)
    {
        var key = WordScanner.KeyOf(title);
        foreach (var p in _people.Values)
        {
            foreach (var o in p.Offices)
            {
                if (o.Country == country && o.IsHeldOn(date) && o.Titles.Any(t => WordScanner.KeyOf(t) == key)) return (p, o);
            }
        }
        return null;
    }

    /// <summary>Finds a news agency, outlet or platform by any of its written names ("Xinhua", "AFP").</summary>
    public MediaEntry? FindMedia(string name)
    {
        var words = WordScanner.Scan(name);
        for (var start = 0; start < words.Count; start++)
        {
            var length = Phrases.Match(words, start, out var items);
            if (length == 0) continue;
            var media = items.FirstOrDefault(i => i.Kind is LexKind.Media or LexKind.Channel);
            if (media is not null) return _media[media.Id];
        }
        return null;
    }

    /// <summary>True when <paramref name="name"/> is a publishing platform ("Truth Social"), which is a channel and not an actor.</summary>
    public bool IsChannel(string name) => FindMedia(name)?.IsChannel == true;

    /// <summary>Loads the embedded data files.</summary>
    /// <exception cref="InvalidDataException">A data file is malformed (code PARLEY-A001).</exception>
    public static ActorDictionary Load()
    {
        var d = new ActorDictionary();
        var assembly = typeof(ActorDictionary).Assembly;
        d.LoadCountries(DataFile.ReadTsv(assembly, "Actors/Data/countries.tsv"));
        d.LoadBlocs(DataFile.ReadTsv(assembly, "Actors/Data/blocs.tsv"));
        d.LoadSectors(DataFile.ReadTsv(assembly, "Actors/Data/sectors.tsv"));
        d.LoadPeople(DataFile.ReadTsv(assembly, "Actors/Data/people.tsv"));
        d.LoadMedia(DataFile.ReadTsv(assembly, "Actors/Data/media.tsv"));
        foreach (var group in DataFile.ReadTsv(assembly, "Actors/Data/function-words.tsv").GroupBy(r => r["class"]))
            d._functionWords[group.Key] = group.Select(r => r["word"]).ToHashSet(StringComparer.Ordinal);
        return d;
    }

    // Entries sharing the same words are ranked: a person's name beats a place's, an organisation beats
    // a capital ("Brussels" is the EU more often than Belgium), a country's name beats its capital ("Luxembourg").
    private const int PersonRank = 0, MediaRank = 1, BlocRank = 2, CountryRank = 3, MetonymRank = 4,
        CapitalRank = 5, AdjectiveRank = 6, BlocAdjectiveRank = 7, TitleRank = 8, RoleRank = 9;

    private void LoadCountries(IEnumerable<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var entry = new CountryEntry(row["iso3"], row["iso2"], row["name"], row.List("variants"), row.List("adjectives"),
                row.List("capital"), row.List("metonyms"), Or(row["leader"], "head of state"), row["un"], row["metonym"] != "no");
            if (entry.Iso3.Length != 3) throw Bad(row, $"iso3 '{entry.Iso3}' is not three letters");
            if (!_countries.TryAdd(entry.Iso3, entry)) throw Bad(row, $"duplicate iso3 '{entry.Iso3}'");
            foreach (var name in entry.Variants.Prepend(entry.Name)) AddWithOptionalThe(name, LexKind.CountryName, entry.Iso3, CountryRank);
            foreach (var adjective in entry.Adjectives) Phrases.Add(adjective, LexKind.CountryAdjective, entry.Iso3, priority: AdjectiveRank);
            if (entry.CapitalIsMetonym)
                foreach (var capital in entry.Capitals) Phrases.Add(capital, LexKind.Capital, entry.Iso3, priority: CapitalRank);
            foreach (var metonym in entry.Metonyms) AddWithOptionalThe(metonym, LexKind.Metonym, entry.Iso3, MetonymRank);
        }
    }

    private void LoadBlocs(IEnumerable<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var entry = new BlocEntry(row["id"], row["code"], row["sector"], row["kind"], row["name"], row.List("variants"), row.List("adjectives"));
            if (!_blocs.TryAdd(entry.Id, entry)) throw Bad(row, $"duplicate bloc id '{entry.Id}'");
            if (entry.Kind != "group") _blocNames.TryAdd(entry.Code, entry.Name);
            foreach (var name in entry.Variants.Append(entry.Name).Distinct()) Phrases.Add(name, LexKind.BlocName, entry.Id, priority: BlocRank);
            foreach (var adjective in entry.Adjectives) Phrases.Add(adjective, LexKind.BlocAdjective, entry.Id, priority: BlocAdjectiveRank);
        }
    }

    private void LoadSectors(IEnumerable<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var isTitle = row["kind"] switch
            {
                "title" => true,
                "noun" => false,
                var k => throw Bad(row, $"kind '{k}' is neither 'noun' nor 'title'"),
            };
            foreach (var term in row.List("terms"))
            {
                var entry = new SectorTerm(term, row["sector"], isTitle, row["role"], row["country"]);
                if (entry.Country.Length > 0 && !_countries.ContainsKey(entry.Country)) throw Bad(row, $"unknown country '{entry.Country}'");
                _sectorTerms.Add(entry);
                if (entry.Country.Length > 0) _titleCountries[WordScanner.KeyOf(term)] = entry.Country;
                Phrases.Add(term, isTitle ? LexKind.Title : LexKind.RoleNoun, entry.Sector, entry.Role, isTitle ? TitleRank : RoleRank);
            }
        }
    }

    private void LoadPeople(IEnumerable<TsvRow> rows)
    {
        var byId = new Dictionary<string, (string Name, HashSet<string> Aliases, string Gender, List<Office> Offices)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = row["id"];
            var country = row["country"];
            if (!_countries.ContainsKey(country) && !_blocNames.ContainsKey(country))
                throw Bad(row, $"country '{country}' is neither an ISO3 code in countries.tsv nor a code in blocs.tsv");
            var office = new Office(country, row["sector"], row["role"], row.List("title"), ParseDate(row, "start")!.Value, ParseDate(row, "end"), row["note"]);
            if (office.End is { } end && end <= office.Start) throw Bad(row, "end is not after start");
            if (!byId.TryGetValue(id, out var p)) byId[id] = p = (row["name"], new HashSet<string>(StringComparer.Ordinal), row["gender"], []);
            p.Aliases.UnionWith(row.List("aliases"));
            p.Offices.Add(office);
        }
        foreach (var (id, p) in byId)
        {
            var person = new PersonEntry(id, p.Name, p.Aliases.ToArray(), p.Gender, p.Offices.OrderBy(o => o.Start).ToArray());
            _people[id] = person;
            foreach (var alias in person.Aliases.Prepend(person.Name)) Phrases.Add(alias, LexKind.Person, id, priority: PersonRank);
        }
    }

    private void LoadMedia(IEnumerable<TsvRow> rows)
    {
        foreach (var row in rows)
        {
            var entry = new MediaEntry(row["id"], row["name"], row.List("variants"), row["country"], row["kind"]);
            if (!_media.TryAdd(entry.Id, entry)) throw Bad(row, $"duplicate media id '{entry.Id}'");
            if (entry.Country.Length > 0 && !_countries.ContainsKey(entry.Country)) throw Bad(row, $"unknown country '{entry.Country}'");
            var kind = entry.IsChannel ? LexKind.Channel : LexKind.Media;
            foreach (var name in entry.Variants.Append(entry.Name).Distinct()) Phrases.Add(name, kind, entry.Id, priority: MediaRank);
        }
    }

    // "the Kremlin" is also written "Kremlin"; "the Netherlands", "Netherlands".
    private void AddWithOptionalThe(string name, LexKind kind, string id, int rank)
    {
        Phrases.Add(name, kind, id, priority: rank);
        if (name.StartsWith("the ", StringComparison.Ordinal)) Phrases.Add(name[4..], kind, id, priority: rank);
    }

    private static DateOnly? ParseDate(TsvRow row, string column)
    {
        var cell = row[column];
        if (cell.Length == 0)
        {
            if (column == "start") throw Bad(row, "start is empty");
            return null;
        }
        return DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Bad(row, $"{column} '{cell}' is not a yyyy-MM-dd date");
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static InvalidDataException Bad(TsvRow row, string message) =>
        new($"PARLEY-A001: {row.File} line {row.Line}: {message}");
}
