using Parley.Core.Model;
using Parley.Language.Places;

namespace Parley.Language.Actors;

/// <summary>
/// The per-document work of <see cref="ActorStage"/>: holds what the article has said so far (people
/// named, local names) for coreference. Created for one document and thrown away.
/// </summary>
internal sealed partial class ActorMentionFinder
{
    // Between two coordinated people: "and", a comma, "and his", "and energy" (a modifier of the next title).
    [System.Text.RegularExpressions.GeneratedRegex(@"^(,|and|, and|as well as)(\s+[a-z][a-z-]*){0,2}$")]
    private static partial System.Text.RegularExpressions.Regex CoordinationGap();

    private readonly Document _document;
    private readonly ActorDictionary _dictionary;
    private readonly PlaceCues _cues;
    private readonly Gazetteer _gazetteer;
    private readonly DateOnly _date;

    // People not in the dictionary, named with a title ("Commerce Minister Wang Wentao"): key of a name form -> person.
    private readonly Dictionary<string, LocalPerson> _localNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _genders = new(StringComparer.Ordinal);
    private bool _titleCase;

    private sealed record LocalPerson(string Id, string Name, string Country, string Sector, string? Role);

    private readonly record struct Chunk(int Start, int End, IReadOnlyList<LexItem> Items)
    {
        public bool Has(LexKind kind) => Items.Any(i => i.Kind == kind);
        public LexItem? First(LexKind kind) => Items.FirstOrDefault(i => i.Kind == kind);
    }

    public ActorMentionFinder(Document document, ActorDictionary dictionary, PlaceCues cues, Gazetteer gazetteer, DateOnly date)
    {
        _gazetteer = gazetteer;
        _document = document;
        _dictionary = dictionary;
        _cues = cues;
        _date = date;
    }

    public void AddSentence(Sentence sentence)
    {
        var words = WordScanner.Scan(_document.Text, sentence.Span.Start, sentence.Span.End);
        _finiteVerbs.Clear();
        foreach (var token in sentence.Tokens)
            if (token.Xpos is "VBD" or "VBZ" or "VBP") _finiteVerbs.Add(token.Span.Start);
        var chunks = FindChunks(words);
        _titleCase = IsTitleCase(words);
        var found = new List<ActorMention>();
        for (var ci = 0; ci < chunks.Count;)
        {
            var consumed = TryCompound(sentence, words, chunks, ci, found);
            if (consumed > 0) { ci += consumed; continue; }
            Single(sentence, words, chunks[ci], found);
            ci++;
        }
        NamesAfterDescriptions(sentence, words, chunks, found);
        NamesBeforeAppositions(sentence, words, chunks, found);
        AddPronouns(sentence, words, found);
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        _document.Actors.AddRange(found);
    }

    // ---- dictionary look-up ------------------------------------------------------------------

    private List<Chunk> FindChunks(List<Word> words)
    {
        var chunks = new List<Chunk>();
        for (var i = 0; i < words.Count;)
        {
            var length = _dictionary.Phrases.Match(words, i, out var items);
            if (length == 0) length = MatchLocalName(words, i, out items);
            if (length > 0)
            {
                chunks.Add(new Chunk(i, i + length, items));
                i += length;
            }
            else i++;
        }
        return chunks;
    }

    private int MatchLocalName(List<Word> words, int i, out IReadOnlyList<LexItem> items)
    {
        items = [];
        if (_localNames.Count == 0 || !words[i].IsCapitalised) return 0;
        for (var length = Math.Min(4, words.Count - i); length >= 1; length--)
        {
            var key = string.Join(' ', words.Skip(i).Take(length).Select(w => w.Key));
            if (!_localNames.TryGetValue(key, out var person)) continue;
            items = [new LexItem(LexKind.Person, person.Id, words.Skip(i).Take(length).Select(w => w.Surface).ToArray(), "", 0)];
            return length;
        }
        return 0;
    }

    // ---- rules over several chunks -------------------------------------------------------------

    // Prefix (country / adjective / capital / bloc) + optional "'s" + head (title [+ name] | person | media | role noun),
    // or a title with a name. Returns the number of chunks consumed, 0 when no rule applies.
    private int TryCompound(Sentence sentence, List<Word> words, List<Chunk> chunks, int ci, List<ActorMention> found)
    {
        var c = chunks[ci];
        var prefixCode = PrefixCode(c, out var prefixIsBloc);
        if (prefixCode is not null)
        {
            var at = c.End;
            if (at < words.Count && words[at].IsPossessive && !c.Has(LexKind.CountryAdjective) || at < words.Count && words[at].IsPossessive && c.Has(LexKind.CountryName)) at++;
            var hi = ChunkIndexAt(chunks, at);
            // One descriptive word may stand between: "U.S. trade officials", "American soybean farmers",
            // and one capitalised word before a title: "U.S. House Speaker Nancy Pelosi".
            if (hi < 0 && at < words.Count && at == c.End)
            {
                var after = ChunkIndexAt(chunks, at + 1);
                if (after >= 0 && IsModifier(words[at]) && chunks[after].Has(LexKind.RoleNoun) && !chunks[after].Has(LexKind.Title)) hi = after;
                else if (after >= 0 && words[at].IsCapitalised && words[at].IsAlpha && chunks[after].Has(LexKind.Title) && words[chunks[after].Start].IsCapitalised) hi = after;
            }
            if (hi >= 0)
            {
                var h = chunks[hi];
                var start = words[c.Start].Key == "the" ? c.Start + 1 : c.Start;
                if (h.Has(LexKind.Person) && !prefixIsBloc)
                {
                    found.Add(PersonMention(sentence, words, start, h.End, h, prefixCode, null, ActorKind.Person));
                    return hi - ci + 1;
                }
                if (h.Has(LexKind.Title) && !h.Has(LexKind.RoleNoun) || h.Has(LexKind.Title) && words[h.Start].IsCapitalised)
                {
                    var title = h.First(LexKind.Title)!;
                    var consumed = TitleWithName(sentence, words, chunks, hi, start, prefixCode, title, found);
                    if (consumed > 0) return consumed - ci;
                    if (!IsPlural(words[h.End - 1]) && DescribedPerson(sentence, words, start, h.End, prefixCode, title) is { } description)
                    {
                        found.Add(description);
                        return hi - ci + 1;
                    }
                }
                if (h.Has(LexKind.Media))
                {
                    found.Add(MediaMention(sentence, words, start, h.End, h.First(LexKind.Media)!));
                    return hi - ci + 1;
                }
                var role = h.First(LexKind.RoleNoun) ?? (h.Has(LexKind.Title) ? h.First(LexKind.Title) : null);
                if (role is not null)
                {
                    // "NATO officials" speak for the organisation (IGO); "NATO troops" are its military.
                    var sector = prefixIsBloc && PrefixBloc(c) is { Sector: "IGO" } && role.Id == "GOV" ? "IGO" : role.Id;
                    found.Add(Make(sentence, words, start, h.End, ActorKind.Description, prefixCode, sector, _dictionary.NameOfCode(prefixCode), null, null));
                    return hi - ci + 1;
                }
            }
        }
        // "the Supreme Court of Puerto Rico", "the government of China", "the president of Russia".
        if ((c.Has(LexKind.RoleNoun) || c.Has(LexKind.Title)) && c.End + 1 < words.Count && words[c.End].Key == "of")
        {
            var at = words[c.End + 1].Key == "the" ? c.End + 2 : c.End + 1;
            var oi = ChunkIndexAt(chunks, at);
            if (oi >= 0 && (chunks[oi].Has(LexKind.CountryName) || chunks[oi].First(LexKind.BlocName) is { } b && _dictionary.Blocs[b.Id].Kind != "group"))
            {
                var code = PrefixCode(chunks[oi], out _)!;
                var title = c.First(LexKind.Title);
                if (title is not null && title.Role.Length > 0 && !IsPlural(words[c.End - 1])
                    && DescribedPerson(sentence, words, c.Start, chunks[oi].End, code, title) is { } person)
                {
                    found.Add(person);
                    return oi - ci + 1;
                }
                var sector = (c.First(LexKind.RoleNoun) ?? title)!.Id;
                found.Add(Make(sentence, words, c.Start, chunks[oi].End, ActorKind.Description, code, sector, _dictionary.NameOfCode(code), null, null));
                return oi - ci + 1;
            }
        }
        if (c.Has(LexKind.Title) && !c.Has(LexKind.Person))
        {
            var title = c.First(LexKind.Title)!;
            // "Pope Leo XIV", "the pope": a title that names one state's office.
            if (_dictionary.CountryOfTitle(string.Join(' ', title.Surface)) is { } owner)
            {
                var owned = TitleWithName(sentence, words, chunks, ci, c.Start, owner, title, found);
                if (owned > 0) return owned - ci;
                if (DescribedPerson(sentence, words, c.Start, c.End, owner, title) is { } holder)
                {
                    found.Add(holder);
                    return 1;
                }
            }
            var consumed = TitleWithName(sentence, words, chunks, ci, c.Start, null, title, found);
            if (consumed > 0) return consumed - ci;
            // "the president": the person with that role named earlier in the article.
            if (c.Start > 0 && words[c.Start - 1].Key == "the" && title.Role.Length > 0 && !IsPlural(words[c.End - 1])
                && EarlierPerson(p => p.Role is { } r && PersonEntry.RoleMatches(r, title.Role)) is { } earlier)
            {
                found.Add(Make(sentence, words, c.Start - 1, c.End, ActorKind.Description, earlier.Country, earlier.Sector, earlier.Name, earlier.Role, earlier.EntityId));
                return 1;
            }
        }
        return 0;
    }

    // A title followed by a person's name; returns the index after the last chunk used (0 if no name follows).
    private int TitleWithName(Sentence sentence, List<Word> words, List<Chunk> chunks, int ti, int start, string? country, LexItem title, List<ActorMention> found)
    {
        var t = chunks[ti];
        var ni = ChunkIndexAt(chunks, t.End);
        if (ni >= 0 && chunks[ni].Has(LexKind.Person))
        {
            var mention = PersonMention(sentence, words, start, chunks[ni].End, chunks[ni], country, title.Role.Length > 0 ? title.Role : null, ActorKind.Person);
            // "Ambassador Luis Gilberto Murillo", before his term as minister: the title still says government.
            if (mention.Role is null && mention.Sector == "" && title.Id.Length > 0)
                mention = Make(sentence, words, start, chunks[ni].End, ActorKind.Person, mention.Country, title.Id, mention.Name, null, mention.EntityId);
            found.Add(mention);
            return ni + 1;
        }
        // A name the dictionary does not know: "Chinese Commerce Minister Wang Wentao", "President Luis Lacalle Pou of Uruguay".
        var end = UnknownNameEnd(words, chunks, t.End);
        if (end == t.End) return 0;
        // A title in lower case ("national security adviser John Bolton") needs a full name after it.
        if (!words[t.Start].IsCapitalised && words.Skip(t.End).Take(end - t.End).Count(w => w.IsAlpha) < 2) return 0;
        // "General Services Administration": the words after the title run on into an organisation's name.
        if (end < words.Count && words[end].IsCapitalised && words[end].IsAlpha) return 0;
        if (country is null && end + 1 < words.Count && words[end].Key == "of")
        {
            var at = words[end + 1].Key == "the" ? end + 2 : end + 1;
            var oi = ChunkIndexAt(chunks, at);
            if (oi >= 0 && chunks[oi].Has(LexKind.CountryName))
            {
                var ofCountry = chunks[oi].First(LexKind.CountryName)!.Id;
                var ofName = string.Join(' ', words.Skip(t.End).Take(end - t.End).Select(w => w.Surface)).Replace(" - ", "-");
                var ofRole = title.Role.Length > 0 && title.Role != "leader" ? title.Role : null;
                var ofPerson = new LocalPerson("local:" + WordScanner.KeyOf(ofName).Replace(' ', '-'), ofName, ofCountry, title.Id, ofRole);
                RememberLocal(ofPerson, words, t.End, end);
                found.Add(Make(sentence, words, start, chunks[oi].End, ActorKind.Person, ofPerson.Country, ofPerson.Sector, ofPerson.Name, ofPerson.Role, ofPerson.Id));
                return oi + 1;
            }
        }
        // No country written: the country the sentence or, failing that, the article is about, unless the
        // dictionary knows that country's holder of this office and it is someone else ("President Kais Saied"
        // in an article about Italy is not Italy's president).
        if (country is null)
        {
            country = ContextCountry(found, words[t.Start].Start);
            if (country is null) return 0;
            if (title.Role.Length > 0 && (_dictionary.HolderByTitle(country, string.Join(' ', title.Surface), _date) ?? _dictionary.HolderOf(country, title.Role, _date)) is not null) return 0;
        }
        var name = string.Join(' ', words.Skip(t.End).Take(end - t.End).Select(w => w.Surface)).Replace(" - ", "-");
        var role = title.Role.Length > 0 && title.Role != "leader" ? title.Role : null;
        var person = new LocalPerson("local:" + WordScanner.KeyOf(name).Replace(' ', '-'), name, country, title.Id, role);
        RememberLocal(person, words, t.End, end);
        found.Add(Make(sentence, words, start, end, ActorKind.Person, person.Country, person.Sector, person.Name, person.Role, person.Id));
        var next = ChunkIndexAt(chunks, end);
        return next >= 0 ? next : chunks.FindIndex(x => x.Start >= end) is var k && k >= 0 ? k : chunks.Count;
    }

    // "the Chinese president", "the Chinese leader": the person named earlier, else the office holder on the article's date.
    private ActorMention? DescribedPerson(Sentence sentence, List<Word> words, int start, int end, string country, LexItem title)
    {
        if (start > 0 && words[start - 1].Key == "the") start--;
        var titleText = string.Join(' ', title.Surface);
        var holder = _dictionary.HolderByTitle(country, titleText, _date);
        if (title.Role.Length > 0 || holder is not null)
        {
            if (EarlierPerson(p => p.Country == country && (holder is { } h ? p.EntityId == h.Person.Id : p.Role is { } r && PersonEntry.RoleMatches(r, title.Role))) is { } earlier)
                return Make(sentence, words, start, end, ActorKind.Description, earlier.Country, earlier.Sector, earlier.Name, earlier.Role, earlier.EntityId);
            holder ??= title.Role.Length > 0 ? _dictionary.HolderOf(country, title.Role, _date) : null;
            if (holder is { } found)
                return Make(sentence, words, start, end, ActorKind.Description, country, found.Office.Sector, found.Person.Name, found.Office.Role, found.Person.Id);
        }
        return Make(sentence, words, start, end, ActorKind.Description, country, title.Id, _dictionary.NameOfCode(country), null, null);
    }

    // ---- single chunks ---------------------------------------------------------------------------

    private void Single(Sentence sentence, List<Word> words, Chunk c, List<ActorMention> found)
    {
        var item = c.Items[0];
        var start = words[c.Start].Key == "the" && c.End - c.Start > 1 ? c.Start + 1 : c.Start;
            // "Taiwan Strait", "Korean Peninsula", "South China Sea": part of a place's name, not an actor.
        if (item.Kind is LexKind.CountryName or LexKind.CountryAdjective or LexKind.Capital && _gazetteer.CoversWithLongerName(words, c.Start, c.End)) return;
        switch (item.Kind)
        {
            case LexKind.Person:
                found.Add(PersonMention(sentence, words, start, c.End, c, null, null, ActorKind.Person));
                break;
            case LexKind.Media:
                found.Add(MediaMention(sentence, words, start, c.End, item));
                break;
            case LexKind.BlocName:
            {
                var bloc = _dictionary.Blocs[item.Id];
                // "in South America" is a place; "South America" alone a region acting as one.
                if (bloc.Kind == "region" && (_cues.IsPlaceContext(words, c.Start, c.End) || IsInsideLongerName(words, c))) break;
                // "a conference in Brussels": the city, not the EU.
                if (c.Has(LexKind.Capital) && _cues.IsPlaceContext(words, c.Start, c.End)) break;
                found.Add(Make(sentence, words, start, c.End, ActorKind.Organisation, bloc.Code, bloc.Sector, bloc.Name, null, bloc.Id));
                break;
            }
            case LexKind.CountryName:
            {
                var attributive = c.Has(LexKind.CountryAdjective) && IsAttributive(words, c.End);
                if (!attributive && (_cues.IsPlaceContext(words, c.Start, c.End) || FollowsPlaceAndComma(words, c))) break;
                // "Japan Airlines", "Iran International": the country's name inside another name.
                if (!c.Has(LexKind.CountryAdjective) && words[c.Start].Key != "the" && IsInsideLongerName(words, c) && !(c.End < words.Count && words[c.End].IsPossessive)) break;
                var country = _dictionary.Countries[item.Id];
                found.Add(Make(sentence, words, start, c.End, attributive ? ActorKind.Adjective : ActorKind.Country, country.Iso3, "", country.Name, null, null));
                break;
            }
            case LexKind.CountryAdjective:
            {
                // "the Vietnamese capital" is a place (see PlaceStage).
                if (c.End < words.Count && words[c.End].Key == "capital") break;
                var country = _dictionary.Countries[item.Id];
                found.Add(Make(sentence, words, start, c.End, ActorKind.Adjective, country.Iso3, "", country.Name, null, null));
                break;
            }
            case LexKind.Capital:
            {
                if (_cues.IsPlaceContext(words, c.Start, c.End) || IsInsideLongerName(words, c) || IsCityOfCountry(words, c)) break;
                var country = _dictionary.Countries[item.Id];
                found.Add(Make(sentence, words, start, c.End, ActorKind.Capital, country.Iso3, "GOV", country.Name, null, null));
                break;
            }
            case LexKind.Metonym:
            {
                var country = _dictionary.Countries[item.Id];
                found.Add(Make(sentence, words, start, c.End, ActorKind.Capital, country.Iso3, "GOV", country.Name, null, null));
                break;
            }
            case LexKind.RoleNoun when IsInstitutionName(words, c):
            {
                // "Congress", "the Foreign Ministry", "Parliament": an institution named with capitals and no
                // country is the institution of the country the sentence or article is about.
                if (ContextCountry(found, words[c.Start].Start) is not { } country) break;
                found.Add(Make(sentence, words, start, c.End, ActorKind.Organisation, country, item.Id, _dictionary.NameOfCode(country), null, null));
                break;
            }
            // Bloc adjectives, role nouns and titles alone name nobody in particular; channels are not actors.
        }
    }

    // "University of Washington", "Moscow Times", "Beijing Capital Airport": a capital inside a longer name.
    // "London's Hyde Park": a place inside the capital. Headlines in title case ("China Says ...") are exempt.
    private bool IsInsideLongerName(List<Word> words, Chunk c)
    {
        if (_titleCase) return false;
        var next = c.End < words.Count && words[c.End].IsPossessive ? c.End + 1 : c.End;
        if (next < words.Count && words[next].IsCapitalised && words[next].IsAlpha && _dictionary.Phrases.Match(words, next, out _) == 0) return true;
        // "George Washington": a first name before a capital (country names are not people's surnames).
        if (c.Has(LexKind.Capital) && c.Start >= 2 && words[c.Start - 1].IsCapitalised && words[c.Start - 1].IsAlpha && words[c.Start - 1].Key.Length > 1
            && _dictionary.Phrases.Match(words, c.Start - 1, out _) == 0 && !_cues.IsPlaceContext(words, c.Start, c.End)) return true;
        return c.Start >= 2 && words[c.Start - 1].Key == "of" && words[c.Start - 2].IsCapitalised && words[c.Start - 2].IsAlpha && c.Start - 2 > 0;
    }

    // A headline written in title case: every content word is capitalised, so capitals say nothing about names.
    private static bool IsTitleCase(List<Word> words)
    {
        var alpha = words.Where(w => w.IsAlpha && w.Key.Length > 3).ToList();
        return alpha.Count >= 4 && alpha.Count(w => w.IsCapitalised) >= alpha.Count * 0.8;
    }

    // "Bishkek, Kyrgyzstan": a city named with its country is a place.
    private bool IsCityOfCountry(List<Word> words, Chunk c)
    {
        if (c.End + 1 >= words.Count || words[c.End].Key != ",") return false;
        return _dictionary.Phrases.Match(words, c.End + 1, out var items) > 0 && items.Any(i => i.Kind == LexKind.CountryName);
    }

    // "... from Bishkek, Kyrgyzstan": the country after a place and a comma locates it.
    private bool FollowsPlaceAndComma(List<Word> words, Chunk c)
    {
        if (c.Start < 2 || words[c.Start - 1].Key != ",") return false;
        var previous = words[c.Start - 2];
        if (!previous.IsCapitalised || !previous.IsAlpha) return false;
        for (var start = Math.Max(0, c.Start - 1 - _gazetteer.MaxWords); start <= c.Start - 2; start++)
        {
            // "Leaders of Mexico, Canada and the United States": a country before the comma makes a list of countries
            var places = _gazetteer.LookupKey(Gazetteer.KeyOf(words, start, c.Start - 1)).ToList();
            if (places.Any(p => p.Kind is not "country") && !places.Any(p => p.Kind is "country")) return true;
        }
        return false;
    }

    // "Wall Street Journal reporter Evan Gershkovich", "American pastor Andrew Brunson": a full name the dictionary
    // does not know, right after a country's adjective, institution or medium (and role words), is a
    // person of that country; the family name then finds them again.
    private void NamesAfterDescriptions(Sentence sentence, List<Word> words, List<Chunk> chunks, List<ActorMention> found)
    {
        foreach (var m in found.ToList())
        {
            if (m.Kind is not (ActorKind.Adjective or ActorKind.Description or ActorKind.Organisation) || !_dictionary.Countries.ContainsKey(m.Country)) continue;
            var i = words.FindIndex(w => w.Start >= m.Span.End);
            if (i < 0) continue;
            var from = i;
            while (from < words.Count && from - i < 2 && !words[from].IsCapitalised
                && ChunkIndexAt(chunks, from) is var ci && ci >= 0 && (chunks[ci].Has(LexKind.RoleNoun) || chunks[ci].Has(LexKind.Title))) from = chunks[ci].End;
            if (from >= words.Count || !words[from].IsCapitalised || ChunkIndexAt(chunks, from) >= 0) continue;
            var end = UnknownNameEnd(words, chunks, from);
            if (words.Skip(from).Take(end - from).Count(w => w.IsAlpha) < 2) continue;
            if (end < words.Count && words[end].IsCapitalised && words[end].IsAlpha) continue;
            var span = new TextSpan(words[from].Start, words[end - 1].End);
            if (found.Any(f => f.Span.Overlaps(span))) continue;
            var name = string.Join(' ', words.Skip(from).Take(end - from).Select(w => w.Surface)).Replace(" - ", "-");
            var person = new LocalPerson("local:" + WordScanner.KeyOf(name).Replace(' ', '-'), name, m.Country, m.Sector, null);
            RememberLocal(person, words, from, end);
            found.Add(Make(sentence, words, from, end, ActorKind.Person, person.Country, person.Sector, person.Name, null, person.Id));
        }
    }

    // "Hugo Carvajal, the former head of Venezuela's military intelligence,": a full name the dictionary does not
    // know, followed by an apposition that names a country, is a person of that country; the family name then
    // finds them again ("Spanish police arrested Carvajal").
    private void NamesBeforeAppositions(Sentence sentence, List<Word> words, List<Chunk> chunks, List<ActorMention> found)
    {
        for (var comma = 2; comma + 1 < words.Count; comma++)
        {
            if (words[comma].Key != "," || !_dictionary.IsFunctionWord(words[comma + 1].Key, "apposition")) continue;
            var from = comma;
            while (from > 0 && comma - from < 4 && words[from - 1].IsCapitalised && words[from - 1].IsAlpha
                && ChunkIndexAt(chunks, from - 1) < 0 && !IsSentenceWord(words[from - 1])) from--;
            if (comma - from < 2 || from > 0 && words[from - 1].IsCapitalised && words[from - 1].IsAlpha) continue;
            var span = new TextSpan(words[from].Start, words[comma - 1].End);
            if (found.Any(f => f.Span.Overlaps(span)) || _gazetteer.LookupKey(Gazetteer.KeyOf(words, from, comma)).Count > 0) continue;
            var close = words.FindIndex(comma + 1, w => w.Key is "," or ";" or "(");
            var limit = close < 0 ? sentence.Span.End : words[close].Start;
            var described = found.Where(m => m.Span.Start > words[comma].End && m.Span.End <= limit && _dictionary.Countries.ContainsKey(m.Country)
                && m.Kind is ActorKind.Country or ActorKind.Adjective or ActorKind.Capital or ActorKind.Description).MinBy(m => m.Span.Start);
            if (described is null) continue;
            var name = string.Join(' ', words.Skip(from).Take(comma - from).Select(w => w.Surface));
            var former = words.Skip(comma + 1).Take((close < 0 ? words.Count : close) - comma - 1).Any(w => _dictionary.IsFunctionWord(w.Key, "former"));
            var person = new LocalPerson("local:" + WordScanner.KeyOf(name).Replace(' ', '-'), name, described.Country, former ? "ELI" : described.Sector, null);
            RememberLocal(person, words, from, comma);
            found.Add(Make(sentence, words, from, comma, ActorKind.Person, person.Country, person.Sector, person.Name, null, person.Id));
        }
    }

    // ---- pronouns ----------------------------------------------------------------------------

    // "he"/"she": the one person named earlier in the same sentence, else the subject of the previous
    // sentence when it is a single person ("Trump said ... . He credited ...").
    private void AddPronouns(Sentence sentence, List<Word> words, List<ActorMention> found)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var gender = words[i].Key switch { "he" => "m", "she" => "f", _ => null };
            if (gender is null || found.Any(m => m.Span.Overlaps(new TextSpan(words[i].Start, words[i].End)))) continue;
            var before = found.Where(m => m.Span.End <= words[i].Start && IsPerson(m)).Select(m => m).ToList();
            ActorMention? antecedent = null;
            var distinct = before.Select(m => m.EntityId).Distinct().ToList();
            if (distinct.Count == 1) antecedent = before[^1];
            else if (distinct.Count == 0) antecedent = PreviousSubject(sentence.Index);
            if (antecedent is null || !GenderAgrees(antecedent, gender)) continue;
            found.Add(Make(sentence, words, i, i + 1, ActorKind.Pronoun, antecedent.Country, antecedent.Sector, antecedent.Name, antecedent.Role, antecedent.EntityId));
        }
    }

    private ActorMention? PreviousSubject(int sentenceIndex)
    {
        if (sentenceIndex == 0) return null;
        var previous = _document.Actors.Where(m => m.SentenceIndex == sentenceIndex - 1).ToList();
        if (previous.Count == 0 || !IsPerson(previous[0])) return null;
        // "Trump and Xi reached ..." has no single subject.
        if (previous.Count > 1)
        {
            var between = _document.Text[previous[0].Span.End..previous[1].Span.Start].Trim();
            if (between is "and" or "," or "with" or "&") return null;
        }
        return previous[0];
    }

    private bool GenderAgrees(ActorMention m, string gender) =>
        m.EntityId is null || !_genders.TryGetValue(m.EntityId, out var g) || g.Length == 0 || g == gender;

    private static bool IsPerson(ActorMention m) =>
        m.EntityId is { } id && (id.StartsWith("local:", StringComparison.Ordinal) || m.Kind is ActorKind.Person or ActorKind.Description or ActorKind.Pronoun) && m.Kind != ActorKind.Organisation;

    // ---- building mentions -----------------------------------------------------------------------

    private ActorMention PersonMention(Sentence sentence, List<Word> words, int start, int end, Chunk chunk, string? countryHint, string? role, ActorKind kind)
    {
        var personItems = chunk.Items.Where(i => i.Kind == LexKind.Person).ToList();
        var local = personItems.Select(i => i.Id).FirstOrDefault(id => id.StartsWith("local:", StringComparison.Ordinal));
        if (local is not null)
        {
            var lp = _localNames.Values.First(p => p.Id == local);
            return Make(sentence, words, start, end, kind, lp.Country, lp.Sector, lp.Name, lp.Role, lp.Id);
        }
        var people = personItems.Select(i => _dictionary.People[i.Id]).Distinct().ToList();
        if (countryHint is not null && people.Where(p => p.Offices.Any(o => o.Country == countryHint)).ToList() is { Count: > 0 } inCountry) people = inCountry;
        var person = people.OrderByDescending(p => p.OfficeOn(_date, role) is { } o ? (role is null || PersonEntry.RoleMatches(o.Role, role) ? 3 : 2) : 0)
            .ThenByDescending(p => p.Offices[^1].Start).First();
        _genders[person.Id] = person.Gender;
        RememberFamilyName(person);
        var office = person.OfficeOn(_date, role);
        if (office is not null)
            return Make(sentence, words, start, end, kind, office.Country, office.Sector, person.Name, office.Role, person.Id);
        // Out of office on the article's date: a former office holder is one of the country's elite (CAMEO ELI);
        // someone who takes office later is, for now, a person of that country at large.
        var past = person.Offices.LastOrDefault(o => o.End is { } e && e <= _date);
        return past is not null
            ? Make(sentence, words, start, end, kind, past.Country, "ELI", person.Name, null, person.Id)
            : Make(sentence, words, start, end, kind, person.Offices[0].Country, "", person.Name, null, person.Id);
    }

    private ActorMention MediaMention(Sentence sentence, List<Word> words, int start, int end, LexItem item)
    {
        var media = _dictionary.Media[item.Id];
        return Make(sentence, words, start, end, ActorKind.Organisation, media.Country, "MED", media.Name, null, media.Id);
    }

    private ActorMention Make(Sentence sentence, List<Word> words, int start, int end, ActorKind kind, string country, string sector, string name, string? role, string? entityId)
    {
        var span = new TextSpan(words[start].Start, words[end - 1].End);
        return new ActorMention
        {
            Span = span,
            Text = _document.Slice(span),
            SentenceIndex = sentence.Index,
            Kind = kind,
            Country = country,
            Sector = sector,
            Name = name,
            Role = role,
            EntityId = entityId,
        };
    }

    // ---- helpers -----------------------------------------------------------------------------

    private string? PrefixCode(Chunk c, out bool isBloc)
    {
        isBloc = false;
        foreach (var item in c.Items)
        {
            switch (item.Kind)
            {
                case LexKind.CountryName or LexKind.CountryAdjective or LexKind.Capital or LexKind.Metonym:
                    return item.Id;
                case LexKind.BlocAdjective or LexKind.BlocName:
                    isBloc = true;
                    return _dictionary.Blocs[item.Id].Code;
            }
        }
        return null;
    }

    // The most salient person named so far who satisfies the predicate: the one named most often,
    // then the one named first (the article's protagonist), as news refers back to its main actor.
    // The country of a person just named and joined by "and" or a comma ("U.S. Secretary of State Mike Pompeo
    // and national security adviser John Bolton"), else the state the article (this sentence included) names
    // most often so far, the first named on a tie.
    private string? ContextCountry(List<ActorMention> sentenceSoFar, int offset)
    {
        var previous = sentenceSoFar.Where(m => m.Span.End <= offset).MaxBy(m => m.Span.End);
        if (previous is not null && IsPerson(previous) && _dictionary.Countries.ContainsKey(previous.Country)
            && CoordinationGap().IsMatch(_document.Text[previous.Span.End..offset].Trim()))
            return previous.Country;
        // "Chinese foreign ministry spokesman Wang Wenbin": the institution written right before the title is the person's
        if (previous is not null && !IsPerson(previous) && _dictionary.Countries.ContainsKey(previous.Country)
            && string.IsNullOrWhiteSpace(_document.Text[previous.Span.End..offset]))
            return previous.Country;
        return _document.Actors.Concat(sentenceSoFar).Where(m => _dictionary.Countries.ContainsKey(m.Country))
            .GroupBy(m => m.Country).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(m => m.Span.Start)).FirstOrDefault()?.Key;
    }

    private BlocEntry? PrefixBloc(Chunk c) =>
        c.Items.FirstOrDefault(i => i.Kind is LexKind.BlocName or LexKind.BlocAdjective) is { } item ? _dictionary.Blocs[item.Id] : null;

    private ActorMention? EarlierPerson(Func<ActorMention, bool> predicate)
    {
        ActorMention? best = null;
        var bestCount = 0;
        foreach (var group in _document.Actors.Where(m => IsPerson(m) && predicate(m)).GroupBy(m => m.EntityId))
        {
            var count = group.Count();
            if (count > bestCount) { best = group.First(); bestCount = count; }
        }
        return best;
    }

    // "President Lai Ching-te ... Lai urged Beijing": once a known person is named in full, the family name alone
    // refers to them for the rest of the article (first word for Chinese and Korean names, else the last).
    private void RememberFamilyName(PersonEntry person)
    {
        var parts = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return;
        var country = person.Offices[0].Country;
        var family = country is "CHN" or "TWN" or "HKG" or "MAC" or "KOR" or "PRK" ? parts[0] : parts[^1];
        var key = WordScanner.KeyOf(family);
        if (key.Length < 3 || key.Contains(' ') || !char.IsUpper(family[0])) return;
        _localNames.TryAdd(key, new LocalPerson(person.Id, person.Name, country, person.Offices[0].Sector, null));
    }

    private void RememberLocal(LocalPerson person, List<Word> words, int start, int end)
    {
        var keys = words.Skip(start).Take(end - start).Where(w => w.IsAlpha).Select(w => w.Key).ToList();
        _localNames[string.Join(' ', words.Skip(start).Take(end - start).Select(w => w.Key))] = person;
        if (keys.Count > 1)
        {
            // Family name: first in Chinese and Korean names; otherwise the last word or words ("Lacalle Pou", "Pou").
            if (person.Country is "CHN" or "TWN" or "HKG" or "MAC" or "KOR" or "PRK") _localNames.TryAdd(keys[0], person);
            else for (var k = 1; k < keys.Count; k++) _localNames.TryAdd(string.Join(' ', keys.Skip(k)), person);
        }
    }

    private int UnknownNameEnd(List<Word> words, List<Chunk> chunks, int from)
    {
        var end = from;
        while (end < words.Count && end - from < 5)
        {
            var w = words[end];
            if (w.IsCapitalised && w.IsAlpha && ChunkIndexAt(chunks, end) < 0 && !IsSentenceWord(w)) { end++; continue; }
            // "Kim Jong-un", "Lee Jae-myung": a hyphen joins parts of one name.
            if (w.Key == "-" && end > from && end + 1 < words.Count && words[end + 1].IsAlpha && words[end + 1].Start == w.End && words[end - 1].End == w.Start) { end += 2; continue; }
            break;
        }
        return end;
    }

    // Capitalised words that start clauses rather than names ("President On Monday said" is not a name).
    private bool IsSentenceWord(Word w) => _dictionary.IsFunctionWord(w.Key, "clause");

    // A lower-case content word that can qualify a role noun: "trade" in "U.S. trade officials".
    private bool IsModifier(Word w) => w.IsAlpha && !w.IsCapitalised && w.Key.Length > 2
        && !_dictionary.IsFunctionWord(w.Key, "verb") && !_dictionary.IsFunctionWord(w.Key, "link") && !_finiteVerbs.Contains(w.Start);

    // Where the tagger ran: the start offsets of the sentence's finite verbs, which never modify a role noun
    // ("Spain deployed soldiers" is a clause, not one actor like "Spanish riot police").
    private readonly HashSet<int> _finiteVerbs = [];

    // "U.S. tariffs": the name qualifies the next word rather than naming a place.
    private bool IsAttributive(List<Word> words, int end) =>
        end < words.Count && (words[end].Key == "-" || IsModifier(words[end]) && !words[end].Key.EndsWith("ly", StringComparison.Ordinal)
            && !_dictionary.IsFunctionWord(words[end].Key, "time"));

    // "Congress", "the Supreme Court": every word capitalised, singular, and not capitalised merely for starting the sentence.
    private static bool IsInstitutionName(List<Word> words, Chunk c)
    {
        var first = words[c.Start].Key == "the" ? c.Start + 1 : c.Start;
        if (first >= c.End || first == 0) return false;
        for (var i = first; i < c.End; i++) if (!words[i].IsCapitalised || words[i].IsAllCaps) return false;
        return !IsPlural(words[c.End - 1]);
    }

    private static bool IsPlural(Word w) => w.Key.EndsWith('s') && !w.Key.EndsWith("ss", StringComparison.Ordinal);

    private static int ChunkIndexAt(List<Chunk> chunks, int wordIndex)
    {
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Start == wordIndex) return i;
            if (chunks[i].Start > wordIndex) break;
        }
        return -1;
    }
}
