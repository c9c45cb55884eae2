using Parley.Coding.Events;
using Parley.Core.Model;

namespace Parley.Coding.Clauses;

/// <summary>Story-level memory the clause reader needs across sentences of one document.</summary>
internal sealed class StoryState
{
    /// <summary>The two parties of the latest bilateral event: what "their", "both sides" refer to.</summary>
    public (Party A, Party B)? Dyad
    {
        get => _dyad;
        set
        {
            _dyad = value;
            DyadSentence = CurrentSentence;
        }
    }

    private (Party A, Party B)? _dyad;

    /// <summary>The sentence being read (set by <see cref="ArgumentFinder.RememberFocus"/>).</summary>
    public int CurrentSentence { get; set; }

    /// <summary>The sentence where <see cref="Dyad"/> was last set.</summary>
    public int DyadSentence { get; private set; } = -1;

    /// <summary>The sentence where <see cref="LastPair"/> was last set.</summary>
    public int LastPairSentence { get; set; } = -1;

    /// <summary>The latest two or more actors coordinated in one sentence ("Sudan's army and the RSF"): "the two sides" when no event paired them.</summary>
    public List<Party>? LastPair { get; set; }

    /// <summary>The latest person (or other actor) in subject position: what "he" or "she" refers to.</summary>
    public Party? LastSubject { get; set; }

    /// <summary>The latest country, government or organisation in subject position: what "it" refers to.</summary>
    public Party? LastCollective { get; set; }

    /// <summary>The country the story is about at this point (latest place or country named): where "police" serve.</summary>
    public string? FocusCountry { get; set; }

    /// <summary>The focus country before the sentence being read moved it (see <see cref="ArgumentFinder.RememberFocus"/>).</summary>
    public string? FocusBefore { get; set; }

    /// <summary>How often the story has named each country (actors and places) so far.</summary>
    public Dictionary<string, int> CountryCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Events coded so far, in text order: "the decision" refers to the latest; a targetless act continues one.</summary>
    public List<DraftEvent> Events { get; } = [];
}

/// <summary>
/// Finds an event's source and target in one sentence by word order and function words: the subject
/// before the verb within the clause (conjoined subjects, "who" relatives, pronouns, "their"), the object
/// after it ("with X", "on X", direct objects; never "in X"), possessors of event nouns ("China's
/// pledge", "the leaders' talks"), the agent of a passive ("by X"). When a parser has filled
/// <see cref="Token.Head"/>, <see cref="ParseRoles"/> reads a verb's actors first and this reading is the
/// fallback (and keeps conjoined subjects the parse split).
/// </summary>
internal sealed class ArgumentFinder
{

    private const int MaxObjectDistance = 12;
    private readonly SentenceContext _ctx;
    private readonly FunctionWords _words;
    private readonly StoryState _story;
    private readonly string[] _lower;

    public ArgumentFinder(SentenceContext ctx, FunctionWords words, StoryState story)
    {
        _ctx = ctx;
        _words = words;
        _story = story;
        _lower = ctx.Line.Lower;
        _boundary = new byte[_lower.Length];
        _preposition = new byte[_lower.Length];
        _auxiliary = new byte[_lower.Length];
        _adverb = new byte[_lower.Length];
    }

    /// <summary>Token positions where another trigger starts: object search stops there.</summary>
    public HashSet<int> TriggerStarts { get; } = [];

    public bool IsBoundary(int i) => Known(_boundary, i, static (f, w) => f._words.Is(w, "boundary"));

    public bool IsPreposition(int i) =>
        Known(_preposition, i, static (f, w) => f._words.Is(w, "target-prep") || f._words.Is(w, "block-prep") || f._words.Is(w, "agent-prep") || w == "of");

    // the clause readers ask these of the same tokens again and again: each token's answer is worked out once
    // (0 not yet, 1 yes, 2 no)
    private readonly byte[] _boundary, _preposition, _auxiliary, _adverb;

    private bool Known(byte[] known, int i, Func<ArgumentFinder, string, bool> test)
    {
        if (known[i] == 0) known[i] = test(this, _lower[i]) ? (byte)1 : (byte)2;
        return known[i] == 1;
    }

    public int ClauseStart(int pos)
    {
        var j = pos - 1;
        while (j >= 0 && !IsBoundary(j)) j--;
        return j + 1;
    }

    public int ClauseEnd(int pos)
    {
        var j = pos;
        while (j < _lower.Length && !IsBoundary(j)) j++;
        return j;
    }

    /// <summary>The boundary word opening the clause of <paramref name="pos"/>, or null at sentence start.</summary>
    public string? ClauseOpener(int pos)
    {
        var start = ClauseStart(pos);
        return start > 0 ? _lower[start - 1] : null;
    }

    /// <summary>The subject of the predicate at <paramref name="pos"/>.</summary>
    public List<Party> FindSubject(int pos, List<Party>? previousSubject = null)
    {
        var k = pos - 1;
        while (k >= 0 && (IsAdverbial(k) || IsAuxiliary(k))) k--;
        // "Trump accepted ... and extended ...": a conjoined predicate shares the first one's subject.
        // ("welcomed dialogue but warned outside powers" likewise)
        if (k >= 0 && (_words.Is(_lower[k], "and") || _lower[k] == "but") && previousSubject is { Count: > 0 })
        {
            // "Lam had suspended the bill, but protesters said that was not enough and called for her resignation":
            // a saying after the earlier subject brings its own subject, which the conjoined predicate shares
            if (previousSubject[0].Span is { } earlier)
                for (var r = k - 1; r > 0 && _ctx.Line.Tokens[r].Span.Start >= earlier.End; r--)
                {
                    if (!IsReporting(r)) continue;
                    var said = FindSubject(r);
                    if (said.Count > 0 && said.All(p => previousSubject.All(q => !q.SameActorAs(p)))) return said;
                    break;
                }
            return previousSubject;
        }
        // ", accusing them of ...", "without signing": a participle shares the main clause's subject
        if (k >= 0 && _lower[pos].EndsWith("ing", StringComparison.Ordinal) && _lower[k] is "," or "without" or "after" or "before" or "while" or "by")
            return previousSubject ?? (k > 0 ? MainClauseSubject(k) : []);
        if (k >= 0 && _lower[k] == ",")
        {
            // "Greece, whose relations with Ankara are strained, was ...": the head stands before the opening comma
            for (var c = k - 1; c > 0; c--)
            {
                if (_lower[c] is ";" or ":") break;
                if (_lower[c] != ",") continue;
                return _ctx.ActorAt[c - 1] is { } head ? Conjoined(head) : [];
            }
        }

        Placed<ActorMention>? ofHead = null;
        for (var j = pos - 1; j >= 0; j--)
        {
            if (IsBoundary(j))
            {
                if (_lower[j] is "who" or "which" or "whose")
                {
                    var a = j - 1;
                    if (a >= 0 && _lower[a] == ",") a--;
                    if (a >= 0 && _ctx.ActorAt[a] is { } antecedent) return Conjoined(antecedent);
                }
                break;
            }
            // ", and more than 70 countries have offered": a new clause with its own subject
            if (_lower[j] is "and" or "but" && j > 0 && _lower[j - 1] == ",") break;
            if (_ctx.ActorAt[j] is { } placed)
            {
                var s = placed.Start;
                var e = placed.End;
                var adjacent = OnlyAuxiliariesBetween(e, pos);
                var inPhrase = !adjacent && PrecededByPreposition(s) && !(e < _lower.Length && _lower[e].EndsWith("ing", StringComparison.Ordinal));
                var possessed = _ctx.Line.Possessive[e - 1] && !PossessorHeadsSubject(e, pos);
                if (inPhrase || possessed)
                {
                    if (inPhrase && HeadsClauseThrough(s)) ofHead = placed;
                    j = s;
                    continue;
                }
                return Conjoined(placed);
            }
            if (_lower[j] is "he" or "she" or "it") return Pronoun(j);
            if (_lower[j] == "they" && TheyReferent(j) is { Count: > 0 } they) return they;
            if (PluralAnaphorEndingAt(j, subject: true, out var anaphorStart) && PluralReferent(anaphorStart) is { Count: > 0 } both) return both;
            if (DomesticAgentEndingAt(j, out var agentStart) is { Count: > 0 } agent)
            {
                var inPhrase = agentStart > 0 && IsPreposition(agentStart - 1) && !OnlyAuxiliariesBetween(j + 1, pos);
                if (!inPhrase) return agent;
                j = agentStart;
            }
        }
        // "Judges at the International Criminal Court authorised", "Leaders of Mexico, Canada and the United States
        // issued": a common-noun subject stands for the actor its "of/at/from" phrase names
        return ofHead is not null ? ConjoinedRight(ofHead) : [];
    }

    /// <summary>
    /// True when the actor at <paramref name="start"/> follows "of/at/from" after a common noun that opens its
    /// clause ("judges at X", "leaders of X"): the noun phrase is the clause's subject and the actor says whose.
    /// </summary>
    private bool HeadsClauseThrough(int start)
    {
        var k = start - 1;
        if (k >= 0 && _lower[k] is "the" or "a" or "an") k--;
        if (k < 1 || _lower[k] is not ("of" or "at" or "from")) return false;
        var clause = ClauseStart(k);
        if (k - clause > 4) return false;
        for (var i = clause; i < k; i++)
        {
            if (_ctx.ActorAt[i] is not null || _ctx.Line.IsPunctuation(i) || IsPreposition(i) || TriggerStarts.Contains(i)) return false;
        }
        return true;
    }

    /// <summary>
    /// True when <paramref name="pos"/> lies in a ", who/which/whose ... ," relative clause that closes before
    /// <paramref name="trigger"/>.
    /// </summary>
    public bool InsideRelativeClause(int pos, int trigger)
    {
        var open = -1;
        for (var k = pos - 1; k >= Math.Max(1, pos - 10); k--)
        {
            if (_lower[k] is "who" or "which" or "whose" && _lower[k - 1] == ",") { open = k; break; }
            if (_lower[k] is "," or ";" or ":") return false;
        }
        if (open < 0) return false;
        for (var k = pos; k < trigger; k++)
        {
            if (_lower[k] == ",") return true;
        }
        return false;
    }

    /// <summary>
    /// The actors of the noun phrase ending right before <paramref name="pos"/> ("the 17 American and Canadian
    /// missionaries abducted"): the nearest actor within four words, with those conjoined to it.
    /// </summary>
    public List<Party> NounPhraseActorsBefore(int pos)
    {
        for (var j = pos - 1; j >= Math.Max(0, pos - 4); j--)
        {
            if (IsBoundary(j) || _ctx.Line.IsPunctuation(j) || IsPreposition(j) || TriggerStarts.Contains(j)) break;
            if (_ctx.ActorAt[j] is { } placed) return Conjoined(placed);
        }
        return [];
    }

    /// <summary>The first actor after <paramref name="end"/> in its clause (twelve words at most) other than <paramref name="source"/>'s.</summary>
    public List<Party> ActorLaterInClause(int end, IReadOnlyList<Party> source)
    {
        var stop = Math.Min(ClauseEnd(end), end + MaxObjectDistance);
        for (var j = end; j < stop; j++)
        {
            if (_lower[j] is "," or ";" or ":") break;
            if (_ctx.ActorAt[j] is { } placed && source.All(s => !s.SameActorAs(Party.From(placed.Mention)))) return [Party.From(placed.Mention)];
        }
        return [];
    }

    /// <summary>The nearest actor within <paramref name="span"/> words before <paramref name="pos"/> in the clause ("an ICC warrant for").</summary>
    public List<Party> ActorBefore(int pos, int span)
    {
        for (var j = pos - 1; j >= Math.Max(0, pos - span); j--)
        {
            if (IsBoundary(j) || _ctx.Line.IsPunctuation(j)) break;
            if (_ctx.ActorAt[j] is { } placed) return [Party.From(placed.Mention)];
        }
        return [];
    }

    /// <summary>A group named without its country ("protesters", "the government") ending at <paramref name="j"/>, or empty.</summary>
    public List<Party> AgentEndingAt(int j) => DomesticAgentEndingAt(j, out _) ?? [];

    /// <summary>The actors opening a relative clause right after <paramref name="end"/> ("that Indian and U.S. troops are holding").</summary>
    public List<Party> RelativeSubjectAfter(int end)
    {
        if (end + 1 >= _lower.Length || _lower[end] is not ("that" or "which")) return [];
        var a = end + 1;
        if (_lower[a] == "the" && a + 1 < _lower.Length) a++;
        if (_ctx.ActorAt[a] is not { } placed) return [];
        var parties = ConjoinedRight(placed);
        // the actors must be followed by a verb (an auxiliary or a past form), not be the object of one
        var after = placed.End;
        while (after < _lower.Length && _ctx.ActorAt[after] is { } next) after = next.End;
        for (var k = placed.End; k < _lower.Length && k < placed.End + 8; k++)
        {
            if (_ctx.ActorAt[k] is { } more) { k = more.End - 1; after = more.End; continue; }
            if (!_words.Is(_lower[k], "and") && _lower[k] is not ("," or "the")) { after = k; break; }
        }
        return after < _lower.Length && (IsAuxiliary(after) || _lower[after].EndsWith("ed", StringComparison.Ordinal)) ? parties : [];
    }

    /// <summary>
    /// True when the object right after <paramref name="end"/> is a group named without any actor ("foreign
    /// governments", "the international community", "outside powers"; Clauses/Data/function-words.tsv, role unnamed-group).
    /// </summary>
    public bool UnnamedGroupAt(int end)
    {
        // "appealed to the international community"
        if (end < _lower.Length && _words.Is(_lower[end], "target-prep")) end++;
        for (var j = end; j < Math.Min(_lower.Length, end + 4); j++)
        {
            if (_ctx.ActorAt[j] is not null || IsBoundary(j) || IsPreposition(j) || _ctx.Line.IsPunctuation(j)) return false;
            if (_words.Is(_lower[j], "unnamed-group")) return true;
        }
        return false;
    }

    /// <summary>The sender of an event noun: "an apology from X", "a formal invitation from X" (within three words).</summary>
    public List<Party> FindSender(int end)
    {
        for (var j = end; j < Math.Min(_lower.Length - 1, end + 3); j++)
        {
            if (IsBoundary(j) || _ctx.Line.IsPunctuation(j)) break;
            if (_lower[j] != "from") continue;
            var a = j + 1;
            if (a < _lower.Length && _lower[a] is "the" or "a" or "an") a++;
            return a < _lower.Length && _ctx.ActorAt[a] is { } placed ? ConjoinedRight(placed) : [];
        }
        return [];
    }

    /// <summary>The agent of a passive: "by X" after the trigger, within the clause.</summary>
    public List<Party> FindAgent(int end)
    {
        var limit = Math.Min(ClauseEnd(end), end + MaxObjectDistance);
        for (var j = end; j < limit; j++)
        {
            if (_words.Is(_lower[j], "agent-prep"))
            {
                for (var a = j + 1; a < Math.Min(limit, j + 4); a++)
                {
                    if (_ctx.ActorAt[a] is { } placed) return ConjoinedRight(placed);
                    // "by security officers in Yekaterinburg": a group named without its country
                    if (DomesticAgentStartingAt(a) is { } agent) return [agent];
                }
            }
        }
        return [];
    }

    /// <summary>The target after a trigger ending at <paramref name="end"/>: direct object or "with/to/on/against X".</summary>
    public List<Party> FindObject(int end, bool noun, int? limit = null, bool withOnly = false, bool forIsTarget = false, IReadOnlyList<Party>? exclude = null)
    {
        if (withOnly) return FindWith(end);
        var stop = Math.Min(limit ?? ClauseEnd(end), end + MaxObjectDistance);
        var blocked = false;
        for (var j = end; j < stop; j++)
        {
            if (_lower[j] == ",")
            {
                // "freed Vadim Krasikov, a Russian intelligence officer": an apposition names the object's country
                // (or "Hugo Carvajal, the former head of Venezuela's military intelligence")
                if (_ctx.ActorAt[j - 1] is null && _lower.Length > j + 1 && _lower[j + 1] is "a" or "an" or "the")
                {
                    for (var a = j + 2; a < Math.Min(_lower.Length, j + 7); a++)
                    {
                        if (_ctx.ActorAt[a] is { } apposed) return [Party.From(apposed.Mention)];
                        if (_lower[a] == "," || IsBoundary(a) || TriggerStarts.Contains(a)) break;
                    }
                }
                break;
            }
            // "rounding up and deporting Afghans": two verbs sharing one object
            if (j != end && TriggerStarts.Contains(j) && !noun && SharesObject(end, j)) continue;
            if (IsBoundary(j) || (j != end && TriggerStarts.Contains(j))) break;
            var w = _lower[j];
            // "said both forces had violated the agreement, and urged them to": "them" is the pair named before
            if (!blocked && w == "them" && AnaphorBefore(j) is { } anaphor && PluralReferent(anaphor, exclude) is { Count: > 0 } pair) return pair;
            if (!blocked && w == "them" && ObjectPronoun() is { Count: > 0 } them) return them;
            // "stormed its embassy", "welcomed their arrival": the owner of the object is the target
            if (!blocked && w is "its" or "their" && j + 1 < stop && _ctx.ActorAt[j + 1] is null && !_ctx.Line.IsPunctuation(j + 1)
                && OwnerOf(j) is { Count: > 0 } owners && owners.Where(o => exclude is null || exclude.All(x => !x.SameActorAs(o))).ToList() is { Count: > 0 } owned)
                return owned;
            if (_words.Is(w, "target-prep") || (noun && w is "of" or "for") || (forIsTarget && w == "for")) { blocked = false; continue; }
            if (_words.Is(w, "block-prep") || _words.Is(w, "agent-prep") || w == "of")
            {
                blocked = true;
                // "according to refugees", "due to": a block word before "to" keeps the phrase blocked
                if (j + 1 < stop && _words.Is(_lower[j + 1], "target-prep")) j++;
                continue;
            }
            if (_ctx.ActorAt[j] is { } placed)
            {
                // "lifted a U.S. ban on arms sales to Vietnam": the source's own country modifying the object is not the target
                // ("opened an investigation into the president": a whole noun phrase after a preposition is the target, own country or not)
                var own = exclude is not null && exclude.Any(x => x.Country == placed.Mention.Country) && !_ctx.Line.Possessive[placed.End - 1]
                    && !PrecededByPreposition(placed.Start);
                if (!blocked && !own) return ConjoinedRight(placed);
                j = placed.End - 1;
                continue;
            }
            if (!blocked && PluralAnaphorStartingAt(j, out _) && PluralReferent(j, exclude) is { Count: > 0 } both) return both;
            if (!blocked && DomesticAgentStartingAt(j) is { } agent) return [agent];
        }
        return [];
    }

    /// <summary>
    /// True when the object after <paramref name="end"/> is a noun naming an earlier event ("condemned the
    /// decision", "criticised Thursday's move"), or when such a noun opens the clause right before the
    /// subject ("a demand Washington rejected").
    /// </summary>
    public string[]? ObjectIsEventAnaphor(int start, int end)
    {
        for (var j = end; j < Math.Min(_lower.Length, end + 4); j++)
        {
            if (_words.EventAnaphors.TryGetValue(_lower[j], out var codes)) return codes;
            if (_ctx.ActorAt[j] is not null || IsPreposition(j) || IsBoundary(j) || _ctx.Line.IsHardStop(j)) break;
        }
        var k = start - 1;
        while (k >= 0 && IsAuxiliary(k)) k--;
        if (k >= 0 && _ctx.ActorAt[k] is { } subject && subject.Start > 0 && _words.EventAnaphors.TryGetValue(_lower[subject.Start - 1], out var before))
            return before;
        return null;
    }

    /// <summary>True when the trigger at <paramref name="next"/> is a verb coordinated right after the one ending at <paramref name="end"/> ("rounding up and deporting").</summary>
    private bool SharesObject(int end, int next)
    {
        if (next - 1 < end || !_words.Is(_lower[next - 1], "and")) return false;
        for (var k = end; k < next - 1; k++)
            if (!_words.Is(_lower[k], "particle")) return false;
        return true;
    }

    /// <summary>The start of the nearest plural anaphor other than a pronoun ("both forces") before <paramref name="pos"/> in the sentence.</summary>
    private int? AnaphorBefore(int pos)
    {
        for (var j = pos - 1; j >= 0; j--)
        {
            if (_lower[j] is "they" or "them" or "their") continue;
            if (PluralAnaphorStartingAt(j, out _)) return j;
        }
        return null;
    }

    /// <summary>"dispersed them": the source of the story's latest event.</summary>
    private List<Party>? ObjectPronoun() => _story.Events.Count > 0 ? _story.Events[^1].Source : null;

    private bool PrecededByPreposition(int s)
    {
        var k = s - 1;
        if (k >= 0 && _lower[k] is "the" or "a" or "an" or "its" or "their" or "his" or "her") k--;
        return k >= 0 && IsPreposition(k);
    }

    /// <summary>The first place named after <paramref name="end"/> in the clause ("travelled to Manila"), as a party.</summary>
    public List<Party> PlaceAfter(int end)
    {
        var stop = Math.Min(ClauseEnd(end), end + MaxObjectDistance);
        // "sent rescue teams and said it would host a conference in Brussels": a second predicate has its own places
        for (var k = end; k + 1 < stop; k++)
        {
            if (_words.Is(_lower[k], "and") && (IsReporting(k + 1) || TriggerStarts.Contains(k + 1))) { stop = k; break; }
        }
        var place = _ctx.Places.FirstOrDefault(p => p.Start >= end && p.Start < stop);
        return place is null ? [] : [new Party(place.Mention.Country, "", place.Mention.Name, place.Mention.Span)];
    }

    /// <summary>
    /// The authorities of where the story is ("was arrested in Lima", "was detained in October"): the agent of an
    /// arrest or a charge the sentence does not name.
    /// </summary>
    public List<Party> LocalAuthorities() =>
        _story.FocusCountry is { } country ? [new Party(country, "GOV", country, null)] : [];

    /// <summary>
    /// The party the source last dealt with in the story, a few sentences back at most ("Duque demanded that Cuba
    /// hand over the commanders. Havana refused."): whom a reaction with no addressee answers.
    /// </summary>
    public List<Party> RecentCounterpart(IReadOnlyList<Party> source)
    {
        for (var i = _story.Events.Count - 1; i >= 0; i--)
        {
            var e = _story.Events[i];
            if (_ctx.Sentence.Index - e.SentenceIndex > 3) break;
            if (!e.Participants.Any(p => source.Any(s => s.Country == p.Country))) continue;
            var other = e.Participants.FirstOrDefault(p => source.All(s => s.Country != p.Country));
            if (other is not null) return [other];
        }
        return [];
    }

    /// <summary>
    /// Who accused, charged or pressed the source a few sentences back at most ("convicted of espionage by a Russian
    /// court last month, charges he denied"; "a charge the Taliban deny"): whom a denial with no addressee answers.
    /// </summary>
    public List<Party> RecentAccuser(IReadOnlyList<Party> source)
    {
        for (var i = _story.Events.Count - 1; i >= 0; i--)
        {
            var e = _story.Events[i];
            // the accusation is told in the denial's own sentence ("charges he denied", "a charge the Taliban deny");
            // an earlier one may be about something else
            if (e.SentenceIndex != _ctx.Sentence.Index) break;
            if (e.Code[..2] is not ("10" or "11" or "12" or "13" or "17")) continue;
            if (!e.Target.Any(p => source.Any(s => s.Country == p.Country))) continue;
            var accuser = e.Source.FirstOrDefault(p => source.All(s => s.Country != p.Country));
            if (accuser is not null) return [accuser];
        }
        return [];
    }

    /// <summary>The first place named in the sentence, as a party (where a protest took place).</summary>
    public List<Party> AnyPlace()
    {
        var place = _ctx.Places.FirstOrDefault();
        return place is null ? [] : [new Party(place.Mention.Country, "", place.Mention.Name, place.Mention.Span)];
    }

    /// <summary>True when the trigger at <paramref name="pos"/> reads as present or present perfect ("continue to accuse", "has denied").</summary>
    public bool IsPresentTense(int pos)
    {
        var w = _lower[pos];
        if (_ctx.Line.Lemmas[pos].Any(l => l + "s" == w || l + "es" == w)) return true;
        for (var k = pos - 1; k >= Math.Max(0, pos - 4); k--)
        {
            var a = _lower[k];
            if (a is "has" or "have" or "is" or "are" or "am" or "continue" or "continues" or "keep" or "keeps") return true;
            if (a is "had" or "was" or "were" or "did" || _ctx.ActorAt[k] is not null || IsBoundary(k)) return false;
        }
        return false;
    }

    /// <summary>True when a verb of saying precedes <paramref name="pos"/> in the sentence ("said it would lift").</summary>
    public bool AfterReportingVerb(int pos) =>
        Enumerable.Range(0, pos).Any(i => _ctx.Line.Lemmas[i].Any(l => _words.Is(l, "reporting")) || _words.Is(_lower[i], "reporting"));

    private bool IsLightVerb(int j) => _words.Is(_lower[j], "light-verb") || _ctx.Line.Lemmas[j].Any(l => _words.Is(l, "light-verb"));

    /// <summary>
    /// Updates the story's focus country: the place this sentence names ("police in Yekaterinburg"), else the
    /// country the story has named most so far, the headline counting twice (a bare "police" in a story about
    /// Myanmar is Myanmar's, even right after a sentence about Russia).
    /// </summary>
    public void RememberFocus()
    {
        _story.CurrentSentence = _ctx.Sentence.Index;
        _story.FocusBefore = _story.FocusCountry;
        var weight = _ctx.Sentence.Index == 0 ? 2 : 1;
        foreach (var a in _ctx.Actors.Where(a => a.Mention.Country.Length == 3))
            _story.CountryCounts[a.Mention.Country] = _story.CountryCounts.GetValueOrDefault(a.Mention.Country) + weight;
        foreach (var p in _ctx.Places.Where(p => p.Mention.Country.Length == 3))
            _story.CountryCounts[p.Mention.Country] = _story.CountryCounts.GetValueOrDefault(p.Mention.Country) + weight;
        var place = _ctx.Places.LastOrDefault(p => p.Mention.Country.Length > 0);
        if (place is not null) _story.FocusCountry = place.Mention.Country;
        else if (_story.CountryCounts.Count > 0) _story.FocusCountry = _story.CountryCounts.MaxBy(kv => kv.Value).Key;
    }

    /// <summary>The partner named by "with", "between" or "among" after a consultation trigger; its direct object is a topic.</summary>
    private List<Party> FindWith(int end)
    {
        var stop = Math.Min(ClauseEnd(end), end + MaxObjectDistance);
        for (var j = end; j < stop; j++)
        {
            if (IsBoundary(j) || _lower[j] == "," || (j != end && TriggerStarts.Contains(j))) break;
            if (_lower[j] is not ("with" or "between" or "among")) continue;
            for (var a = j + 1; a < Math.Min(stop, j + 5); a++)
            {
                if (_ctx.ActorAt[a] is { } placed) return ConjoinedRight(placed);
                if (IsPreposition(a) || _lower[a] == ",") break;
            }
        }
        return [];
    }

    /// <summary>
    /// The owner of an event noun at <paramref name="start"/>: "China's pledge", "the leaders' talks",
    /// "their meeting", "U.S. tariff reductions"; looks back over modifiers only.
    /// </summary>
    public List<Party> FindPossessor(int start)
    {
        for (var j = start - 1; j >= Math.Max(0, start - 6); j--)
        {
            var w = _lower[j];
            if (_ctx.ActorAt[j] is { } placed) return Conjoined(placed);
            if (w is "'s" or "'")
            {
                if (PluralAnaphorEndingAt(j - 1, subject: false, out var first) && PluralReferent(first) is { Count: > 0 } d) return d;
                continue;
            }
            if (_ctx.Line.Possessive[j] && PluralAnaphorEndingAt(j, subject: false, out var first2) && PluralReferent(first2) is { Count: > 0 } d2) return d2;
            // "gathered in Cebu for their first meeting": the collective subject opening the sentence, else the pair
            if (w == "their") return TheyReferent(j) is { Count: > 0 } they ? they : PluralReferent(j);
            if (w is "his" or "her") return Pronoun(j);
            if (_words.Is(w, "determiner") || IsPreposition(j) || IsBoundary(j) || w is "," or ";" or ":" or "." || _words.Is(w, "and")) return [];
        }
        return [];
    }

    /// <summary>A light verb governing the noun at <paramref name="start"/> ("held a very good phone call"), or -1.</summary>
    public int FindLightVerb(int start)
    {
        for (var j = start - 1; j >= Math.Max(0, start - 8); j--)
        {
            if (_ctx.ActorAt[j] is { } placed)
            {
                if (!_ctx.Line.Possessive[placed.End - 1]) return -1;
                j = placed.Start;
                continue;
            }
            if (IsLightVerb(j) && !_words.Is(_lower[j], "determiner")) return j;
            // "$85 million in humanitarian assistance": a quantity's "in/of" does not end the phrase
            if (_lower[j] is "in" or "of" && j > 0 && IsQuantity(j - 1)) continue;
            if (IsPreposition(j) || IsBoundary(j) || _lower[j] is "," or ";" or ":" or ".") return -1;
        }
        return -1;
    }

    /// <summary>True when the word before <paramref name="start"/> opens a noun phrase (the trigger is a noun).</summary>
    public bool NominalContext(int start)
    {
        for (var j = start - 1; j >= Math.Max(0, start - 4); j--)
        {
            var w = _lower[j];
            if (_ctx.ActorAt[j] is { } placed) return _ctx.Line.Possessive[placed.End - 1];
            if (w is "to" or "will" or "would" or "not" or "n't" or "did" or "also") return false;
            if (_words.Is(w, "determiner") || w is "'s" or "'" || _ctx.Line.Possessive[j]) return true;
            if (IsLightVerb(j)) return true;
            if (IsPreposition(j)) return true;
            if (IsBoundary(j) || w is "," or ";" or ":" || _words.Is(w, "and") || _words.Is(w, "be")) return false;
        }
        return false;
    }

    /// <summary>True when the trigger at <paramref name="pos"/> is a passive participle after a form of "be".</summary>
    public bool IsPassive(int pos)
    {
        if (!IsParticiple(pos)) return false;
        var k = pos - 1;
        while (k >= 0 && IsAdverbial(k)) k--;
        if (k >= 0 && _words.Is(_lower[k], "be") && _lower[k] is not ("be")) return true;
        // "was indicted in 2011 and charged again in 2020": a participle conjoined to a passive is passive too
        if (k < 1 || !_words.Is(_lower[k], "and")) return false;
        for (var j = k - 1; j >= Math.Max(1, k - 6); j--)
        {
            if (IsParticiple(j) && IsPassive(j)) return true;
            // only a time, a place or an adverb may stand between ("was arrested in Lima on Monday and charged")
            var inTime = _ctx.Times.Any(t => j >= t.Start && j < t.End);
            var inPlace = _ctx.Places.Any(p => j >= p.Start && j < p.End);
            if (!inTime && !inPlace && !IsAdverbial(j) && !(_lower[j] is "in" or "on" or "at" or "last" or "again")) return false;
        }
        return false;
    }

    /// <summary>A past participle form ("arrested", "taken", "held"); never an "-ing" form ("were ending").</summary>
    private bool IsParticiple(int pos)
    {
        var w = _lower[pos];
        if (w.EndsWith("ing", StringComparison.Ordinal)) return false;
        return w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal)
            || (_ctx.Line.Lemmas[pos].Length > 0 && !_ctx.Line.Lemmas[pos].Contains(w) && !w.EndsWith('s'));
    }

    /// <summary>Any actor of the sentence from another country than <paramref name="source"/>, nearest after <paramref name="pos"/> first.</summary>
    public List<Party> OtherActor(IReadOnlyList<Party> source, int pos)
    {
        // "a ceasefire brokered by Russian peacekeepers": the agent of another act is nobody's counterpart here
        bool Other(Placed<ActorMention> p) => source.All(s => s.Country != p.Mention.Country)
            && (p.Start == 0 || !_words.Is(_lower[p.Start - 1], "agent-prep"));
        var after = _ctx.Actors.Where(p => p.Start >= pos && Other(p)).OrderBy(p => p.Start).FirstOrDefault();
        var before = _ctx.Actors.Where(p => p.End <= pos && Other(p)).OrderByDescending(p => p.Start).FirstOrDefault();
        var pick = after ?? before;
        return pick is null ? [] : [Party.From(pick.Mention)];
    }

    /// <summary>Remembers the first subject-like actor of the sentence for later pronouns.</summary>
    public void RememberSubject()
    {
        if (PairBefore(_lower.Length) is { } pair)
        {
            _story.LastPair = pair;
            _story.LastPairSentence = _ctx.Sentence.Index;
        }
        foreach (var placed in _ctx.Actors)
        {
            var inPhrase = placed.Start > 0 && IsPreposition(placed.Start - 1);
            if (inPhrase || _ctx.Line.Possessive[placed.End - 1]) continue;
            if (placed.Mention.Kind is ActorKind.Person or ActorKind.Pronoun)
            {
                _story.LastSubject ??= Party.From(placed.Mention);
                _story.LastSubject = Party.From(placed.Mention);
                return;
            }
            _story.LastCollective = Party.From(placed.Mention);
            return;
        }
    }

    private bool IsAdverbial(int k)
    {
        var w = _lower[k];
        return w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 3 && _ctx.ActorAt[k] is null
            || Known(_adverb, k, static (f, w) => f._words.Is(w, "verb-adverb")) || w is "\"" or "'";
    }

    private bool PossessorHeadsSubject(int end, int pos)
    {
        if (pos - end > 4) return false;
        for (var i = end; i < pos; i++)
        {
            if (_lower[i] is "'s" or "'" or "\"") continue;
            if (IsPreposition(i) || IsBoundary(i) || _lower[i] is "," or "to") return false;
        }
        return true;
    }

    private bool PluralAnaphorEndingAt(int j, bool subject, out int start)
    {
        start = j;
        if (j < 0) return false;
        if (IsPluralNoun(j))
        {
            if (j >= 1 && _lower[j - 1] == "both") { start = j - 1; return true; }
            if (j >= 2 && _lower[j - 1] == "two" && _lower[j - 2] == "the") { start = j - 2; return true; }
        }
        foreach (var parts in _words.Phrases("plural-anaphor"))
        {
            if (parts[^1] != _lower[j]) continue;
            if (subject && parts is ["their"] or ["them"]) continue;
            if (!subject && parts is ["they"] or ["them"]) continue;
            var first = j - parts.Length + 1;
            if (first < 0) continue;
            var ok = true;
            for (var p = 0; p < parts.Length && ok; p++) ok = _lower[first + p] == parts[p];
            if (!ok) continue;
            start = first;
            return true;
        }
        return false;
    }

    private List<Party> Pronoun(int j)
    {
        var person = _lower[j] is "he" or "she" or "his" or "her";
        var owner = _lower[j] is "his" or "her";
        // "Japan said it would lift curbs, and Seoul said it would withdraw": the subject of the saying just before
        if (SayerBefore(j) is { } sayer && (sayer.Mention.Kind == ActorKind.Person) == person) return [Party.From(sayer.Mention)];
        Placed<ActorMention>? best = null;
        foreach (var placed in _ctx.Actors)
        {
            if (placed.End > j) break;
            var inPhrase = placed.Start > 0 && IsPreposition(placed.Start - 1);
            if (inPhrase || _ctx.Line.Possessive[placed.End - 1]) continue;
            if ((placed.Mention.Kind == ActorKind.Person) != person) continue;
            // "he" is most often the sentence's subject; "his"/"her" qualify a noun near the person they
            // follow ("Ramaphosa ..., which Putin followed because of a warrant for his arrest").
            if (owner) best = placed;
            else best ??= placed;
        }
        if (best is not null) return [Party.From(best.Mention)];
        var remembered = person ? _story.LastSubject : _story.LastCollective;
        return remembered is { } last ? [last] : [];
    }

    /// <summary>A lower-case plural common noun that names no actor ("forces", "ministers").</summary>
    private bool IsPluralNoun(int k) =>
        _lower[k].Length > 3 && _lower[k].EndsWith('s') && !_lower[k].EndsWith("ss", StringComparison.Ordinal) && _lower[k].All(char.IsLetter)
        && _ctx.ActorAt[k] is null && !TriggerStarts.Contains(k) && char.IsLower(_ctx.Line.Tokens[k].Text[0]);

    /// <summary>The actor saying the clause a pronoun at <paramref name="j"/> opens: "Seoul said (on Monday) (that) it".</summary>
    private Placed<ActorMention>? SayerBefore(int j)
    {
        var r = j - 1;
        if (r >= 0 && _lower[r] == "that") r--;
        var dated = r;
        while (r >= 0 && _ctx.Times.Any(t => r >= t.Start && r < t.End)) r--;
        // "said on Thursday it would": the time's preposition is not part of the time.
        if (r < dated && r >= 1 && IsPreposition(r)) r--;
        if (r < 1 || !IsReporting(r)) return null;
        var k = r - 1;
        while (k >= 0 && (IsAdverbial(k) || IsAuxiliary(k))) k--;
        return k >= 0 && _ctx.ActorAt[k] is { } placed && !_ctx.Line.Possessive[placed.End - 1] ? placed : null;
    }

    // ("the United States": a name's word is no verb of saying)
    private bool IsReporting(int i) => _ctx.ActorAt[i] is null && (_words.Is(_lower[i], "reporting") || _ctx.Line.Lemmas[i].Any(l => _words.Is(l, "reporting")));

    private bool IsQuantity(int k) =>
        _lower[k].Any(char.IsDigit) || _words.Is(_lower[k], "quantity");

    private bool IsAuxiliary(int k) =>
        Known(_auxiliary, k, static (f, w) => f._words.Is(w, "be") || f._words.Is(w, "perfect") || f._words.Is(w, "auxiliary"));

    private bool OnlyAuxiliariesBetween(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!IsAdverbial(i) && !IsAuxiliary(i)) return false;
        }
        return true;
    }

    private List<Party>? DomesticAgentEndingAt(int j, out int start)
    {
        start = j;
        foreach (var (parts, name, sector) in _words.AgentsByLastWord[_lower[j]])
        {
            var first = j - parts.Length + 1;
            if (first < 0 || !Enumerable.Range(0, parts.Length).All(p => _lower[first + p] == parts[p])) continue;
            // "its forces", "their fighters", "whose troops": the owner the pronoun refers to
            var own = first - 1;
            while (own >= 0 && first - own <= 2 && !IsOwnerPronoun(own) && IsModifierWord(own)) own--;
            if (own >= 0 && first - own <= 3 && IsOwnerPronoun(own) && OwnerOf(own) is { Count: > 0 } owners)
            {
                start = own;
                var span = _ctx.SpanOf(own, j + 1);
                return owners.GroupBy(o => o.Country).Select(g => new Party(g.Key, sector, name, span)).ToList();
            }
            // "Haiti's interim government", "Kenyan police officers": the actor just before names the country;
            // a bare "police" takes the story's country
            var country = _story.FocusCountry;
            for (var b = first - 1; b >= Math.Max(0, first - 3); b--)
            {
                if (_ctx.ActorAt[b] is { } owner)
                {
                    // "Japanese and Indian ministers": each conjoined country's group
                    if (owner.Mention.Kind == ActorKind.Adjective && Conjoined(owner) is { Count: > 1 } several)
                    {
                        start = first;
                        var groupSpan = _ctx.SpanOf(first, j + 1);
                        return several.Select(p => p.Country).Distinct().Select(c => new Party(c, sector, name, groupSpan)).ToList();
                    }
                    country = owner.Mention.Country;
                    break;
                }
                if (IsPreposition(b) || IsBoundary(b) || _ctx.Line.IsHardStop(b)) break;
            }
            if (country is null) return null;
            start = first;
            return [new Party(country, sector, name, _ctx.SpanOf(first, j + 1))];
        }
        return null;
    }

    private Party? DomesticAgentStartingAt(int j)
    {
        foreach (var (parts, name, sector) in _words.AgentsByFirstWord[_lower[j]])
        {
            if (j + parts.Length > _lower.Length || !Enumerable.Range(0, parts.Length).All(p => _lower[j + p] == parts[p])) continue;
            if (_story.FocusCountry is not { } country) return null;
            return new Party(country, sector, name, _ctx.SpanOf(j, j + parts.Length));
        }
        return null;
    }

    private bool PluralAnaphorStartingAt(int j, out int end)
    {
        end = j;
        // "both forces", "the two ministers": any plural noun after "both" or "the two"
        var head = _lower[j] == "both" ? j + 1 : _lower[j] == "the" && j + 1 < _lower.Length && _lower[j + 1] == "two" ? j + 2 : -1;
        if (head > 0 && head < _lower.Length && IsPluralNoun(head))
        {
            end = head;
            return true;
        }
        foreach (var parts in _words.Phrases("plural-anaphor"))
        {
            if (parts[0] != _lower[j]) continue;
            if (parts is ["they"] or ["them"] or ["their"]) continue;
            if (j + parts.Length > _lower.Length || !Enumerable.Range(0, parts.Length).All(p => _lower[j + p] == parts[p])) continue;
            end = j + parts.Length - 1;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The subject of the main clause a participle hangs on ("Beijing responded within minutes by announcing",
    /// "the IMF's board approved ..., praising"): the first actor of the sentence outside a prepositional phrase.
    /// </summary>
    private List<Party> MainClauseSubject(int k)
    {
        foreach (var placed in _ctx.Actors)
        {
            if (placed.Start >= k) break;
            if (PrecededByPreposition(placed.Start)) continue;
            return placed.End < _lower.Length && _words.Is(_lower[placed.End], "and") ? ConjoinedRight(placed) : [Party.From(placed.Mention)];
        }
        return FindSubject(k);
    }

    private bool IsOwnerPronoun(int k) => _lower[k] is "its" or "their" or "his" or "her" or "whose";

    /// <summary>A plain adjective or noun modifier between a possessive pronoun and its noun ("their own fighters").</summary>
    private bool IsModifierWord(int k) =>
        _ctx.ActorAt[k] is null && !IsPreposition(k) && !IsBoundary(k) && !_ctx.Line.IsPunctuation(k) && !_words.Is(_lower[k], "determiner");

    /// <summary>Who a possessive pronoun at <paramref name="k"/> refers to: "whose" its antecedent, "its"/"their" the sentence's subject or the story's.</summary>
    private List<Party> OwnerOf(int k)
    {
        if (_lower[k] == "whose")
        {
            var a = k - 1;
            if (a >= 0 && _lower[a] == ",") a--;
            return a >= 0 && _ctx.ActorAt[a] is { } antecedent ? Conjoined(antecedent) : [];
        }
        if (_lower[k] == "their") return TheyReferent(k) is { Count: > 0 } they ? they : PluralReferent(k);
        return Pronoun(k);
    }

    /// <summary>
    /// "they"/"their": the collective subject opening the sentence ("Niger's rulers said they were ending"),
    /// none when a single person opens it.
    /// </summary>
    private List<Party> TheyReferent(int j)
    {
        foreach (var placed in _ctx.Actors)
        {
            if (placed.End > j) break;
            if (placed.Start > 0 && IsPreposition(placed.Start - 1)) continue;
            var coordinated = placed.End < _lower.Length && _words.Is(_lower[placed.End], "and");
            if (placed.Mention.Kind is ActorKind.Person or ActorKind.Pronoun && !coordinated) return [];
            return coordinated ? ConjoinedRight(placed) : Conjoined(placed);
        }
        return [];
    }

    /// <summary>
    /// "both countries", "the two sides", "their": the pair coordinated nearest before <paramref name="pos"/> in the
    /// sentence ("tariffs on Mexico and Canada after both countries promised"), else the story's latest two parties.
    /// </summary>
    private List<Party> PluralReferent(int pos, IReadOnlyList<Party>? exclude = null)
    {
        // an object's "both forces" is never the subject's own pair ("Washington and Riyadh said both forces ...")
        bool Clash(IEnumerable<Party> pair) => exclude is not null && pair.All(p => exclude.Any(x => x.SameActorAs(p)));
        if (PairBefore(pos) is { } pair && !Clash(pair)) return pair;
        // the more recent of the story's latest event pair and its latest coordinated pair
        if (_story.LastPair is { } last && !Clash(last) && (_story.Dyad is null || _story.LastPairSentence > _story.DyadSentence)) return last;
        if (_story.Dyad is { } dyad && !Clash([dyad.A, dyad.B])) return [dyad.A, dyad.B];
        if (_story.LastPair is { } older && !Clash(older)) return older;
        return [];
    }

    /// <summary>Two actors of different countries coordinated by "and" before <paramref name="pos"/>, nearest first.</summary>
    private List<Party>? PairBefore(int pos)
    {
        for (var i = _ctx.Actors.Count - 1; i >= 1; i--)
        {
            var b = _ctx.Actors[i];
            if (b.End > pos) continue;
            var a = _ctx.Actors[i - 1];
            // "X and Y", "X, Y and the paramilitary Z": "and" first, then an article and a modifier or two
            var gap = Enumerable.Range(a.End, Math.Max(0, b.Start - a.End)).ToList();
            if (gap.Count == 0 || gap.Count > 4 || !gap.Any(k => _words.Is(_lower[k], "and"))) continue;
            if (gap.Any(k => !(_lower[k] is "," or "the" || _words.Is(_lower[k], "and") || (k > gap[0] && IsModifierWord(k) && !TriggerStarts.Contains(k) && char.IsLower(_ctx.Line.Tokens[k].Text[0]))))) continue;
            if (a.Mention.Country == b.Mention.Country && a.Mention.Sector == b.Mention.Sector) continue;
            return Conjoined(b);
        }
        return null;
    }

    private List<Party> Conjoined(Placed<ActorMention> placed)
    {
        var parties = new List<Party> { Party.From(placed.Mention) };
        var j = SkipModifiersLeft(placed.Start - 1);
        while (j >= 1 && (_words.Is(_lower[j], "and") || _lower[j] == ",") && _ctx.ActorAt[j - 1] is { } before)
        {
            parties.Insert(0, Party.From(before.Mention));
            j = SkipModifiersLeft(before.Start - 1);
        }
        return Distinct(parties);
    }

    /// <summary>"X and the South American bloc Mercosur": skips an article and up to three modifiers before a conjunct.</summary>
    private int SkipModifiersLeft(int j)
    {
        var start = j;
        for (var n = 0; n < 4 && j >= 0; n++, j--)
        {
            if (_words.Is(_lower[j], "and") || _lower[j] == ",") return j;
            if (_lower[j] is "the" or "his" or "her" or "its" or "their") continue;
            // "and his Chinese counterpart Qin Gang": a country adjective modifies the conjunct
            if (_ctx.ActorAt[j] is { Mention.Kind: ActorKind.Adjective } adjective) { j = adjective.Start; continue; }
            if (IsPreposition(j) || IsBoundary(j) || _ctx.Line.IsPunctuation(j) || _ctx.ActorAt[j] is not null || TriggerStarts.Contains(j)) return start;
        }
        return j >= 0 && (_words.Is(_lower[j], "and") || _lower[j] == ",") ? j : start;
    }

    private List<Party> ConjoinedRight(Placed<ActorMention> placed)
    {
        var parties = new List<Party> { Party.From(placed.Mention) };
        var j = placed.End;
        while (j + 1 < _lower.Length && (_words.Is(_lower[j], "and") || _lower[j] == ","))
        {
            var n = j + 1;
            if (_lower[n] == "the" && n + 1 < _lower.Length) n++;
            if (_ctx.ActorAt[n] is not { } next) break;
            parties.Add(Party.From(next.Mention));
            j = next.End;
        }
        return Distinct(parties);
    }

    private static List<Party> Distinct(List<Party> parties) =>
        parties.GroupBy(p => p.Country + "/" + p.Sector).Select(g => g.First()).ToList();
}
