using Parley.Coding.Cameo;
using Parley.Coding.Clauses;
using Parley.Coding.Patterns;
using Parley.Coding.Status;
using Parley.Core.Model;

namespace Parley.Coding.Events;

/// <summary>Codes the events of one sentence (see <see cref="EventCoderStage"/>).</summary>
internal sealed class SentenceCoder
{
    private readonly CoderResources _r;
    private readonly SentenceContext _ctx;
    private readonly ArgumentFinder _args;
    private readonly StoryState _story;
    private readonly TokenLine _line;
    private readonly ParseRoles _parse;
    // The events coded so far in the current sentence, in trigger order.
    private List<DraftEvent> _coded = [];
    private readonly Dictionary<PatternMatch, PatternMatch> _alternatives = [];
    private List<PatternMatch> _selected = [];

    public SentenceCoder(CoderResources resources, SentenceContext ctx, ArgumentFinder args, StoryState story)
    {
        _r = resources;
        _ctx = ctx;
        _args = args;
        _story = story;
        _line = ctx.Line;
        _parse = new ParseRoles(ctx);
    }

    public List<DraftEvent> Code()
    {
        var triggers = SelectTriggers();
        _selected = triggers;
        var cues = _r.Cues.Find(_line);
        foreach (var t in triggers) _args.TriggerStarts.Add(t.Start);
        if (TracePath is not null)
            Trace($"\n# {_ctx.Document.Text[_ctx.Sentence.Span.Start.._ctx.Sentence.Span.End]}\n"
                + $"actors: {string.Join("; ", _ctx.Actors.Select(a => a.Mention.Country + a.Mention.Sector + ":" + _ctx.Document.Text[a.Mention.Span.Start..a.Mention.Span.End]))}\n"
                + $"triggers: {string.Join(", ", triggers.Select(t => t.Pattern.Code + ":" + string.Join(" ", t.Tokens.Select(i => _line.Lower[i]))))}");

        // which control cue governs which trigger ("pledged to resume purchases"); the cue's own trigger is absorbed
        var governed = new Dictionary<PatternMatch, CueMatch>();
        var absorbed = new HashSet<PatternMatch>();
        foreach (var t in triggers)
        {
            var cue = GoverningCue(t, cues, triggers);
            if (cue is null) continue;
            governed[t] = cue;
            foreach (var other in triggers)
            {
                if (other != t && other.Tokens.Any(i => i >= cue.Start && i < cue.End)) absorbed.Add(other);
            }
        }

        var events = new List<DraftEvent>();
        _coded = events;
        var fallbacks = new List<DraftEvent>();
        List<Party>? previousSubject = null;
        foreach (var t in triggers)
        {
            if (absorbed.Contains(t) || IsAllegationContent(t, triggers) || IsViolenceAnaphor(t) || IsDomainOfAnotherAct(t, triggers) || IsRestatedByNoun(t, triggers))
            {
                if (TracePath is not null) Trace($"  {Describe(t)}: absorbed, alleged or anaphor");
                continue;
            }
            governed.TryGetValue(t, out var cue);
            if (cue is null && (IsPurposeClause(t, triggers) || IsPurposeObject(t, triggers)))
            {
                if (TracePath is not null) Trace($"  {Describe(t)}: purpose clause");
                continue;
            }
            var e = CodeTrigger(t, cue, cues, previousSubject, out var subject);
            if (TracePath is not null)
                Trace($"  {Describe(t)} cue={cue?.Cue.Pattern.Text ?? "-"}: " + (e is null ? "no event" : $"{e.Code} {e.Status} {string.Join("+", e.Source.Select(p => p.Country + p.Sector))} -> {string.Join("+", e.Target.Select(p => p.Country + p.Sector))}"));
            // "fired a missile into the sea": when the targeted reading finds no target, the untargeted one stands
            if (e is null && t.Pattern.NeedsPair && _alternatives.TryGetValue(t, out var fallback))
                e = CodeTrigger(fallback, cue, cues, previousSubject, out subject);
            if (t.Pattern.Kind == TriggerKind.Verb && subject.Count > 0) previousSubject = subject;
            if (TracePath is not null)
                Trace($"  {t.Pattern.Code} '{string.Join(" ", t.Tokens.Select(i => _line.Lower[i]))}' -> "
                    + (e is null ? "none" : $"{string.Join(",", e.Source.Select(p => p.Country + p.Sector))} -> {string.Join(",", e.Target.Select(p => p.Country + p.Sector))} {e.Code}"));
            if (e is null)
            {
                // a cue whose complement could not be coded ("urged all parties to resolve the conflict through dialogue")
                // is coded by its own pattern
                if (cue is not null)
                    foreach (var own in triggers.Where(o => absorbed.Contains(o) && o.Tokens.Any(i => i >= cue.Start && i < cue.End)).ToList())
                    {
                        absorbed.Remove(own);
                        if (CodeTrigger(own, null, cues, previousSubject, out _) is { } ownEvent) events.Add(ownEvent);
                    }
                continue;
            }
            (t.Pattern.Fallback ? fallbacks : events).Add(e);
            // "denied carrying out the attack": the attack stays denied; the denial itself is an event (016)
            if (cue?.Cue.Derive == "deny")
            {
                var denial = new DraftEvent
                {
                    Code = "016", Status = EventStatus.Occurred, Source = e.Source, Target = e.Target,
                    SentenceIndex = e.SentenceIndex, ParagraphIndex = e.ParagraphIndex, ContinuesPrevious = e.ContinuesPrevious, Present = e.Present,
                    Date = e.Date, Precision = e.Precision, DateSource = e.DateSource, RelativeDate = e.RelativeDate, Time = e.Time, Place = e.Place,
                };
                denial.Evidence.AddRange(e.Evidence);
                denial.ReportedBy.AddRange(e.ReportedBy);
                _story.Events.Add(denial);
                events.Add(denial);
            }
        }
        return events.Count > 0 ? events : fallbacks;
    }

    // A developer's trace of how each sentence was coded (actors, triggers, chosen source and target),
    // appended to the file named by PARLEY_CODER_TRACE; read once, so it costs nothing when unset.
    private static readonly string? TracePath = Environment.GetEnvironmentVariable("PARLEY_CODER_TRACE") is { Length: > 0 } path ? path : null;
    private static readonly Lock TraceGate = new();

    private static void Trace(string message)
    {
        if (TracePath is null) return;
        lock (TraceGate) File.AppendAllText(TracePath, message + "\n");
    }

    private string Describe(PatternMatch t) => $"{t.Pattern.Code}:{string.Join(" ", t.Tokens.Select(i => _line.Lower[i]))}";

    /// <summary>Every pattern match, the most specific first, with no two sharing a token.</summary>
    private List<PatternMatch> SelectTriggers()
    {
        var candidates = new List<PatternMatch>();
        for (var i = 0; i < _line.Count; i++)
        {
            if (_ctx.ActorAt[i] is not null || _line.IsPunctuation(i)) continue;
            _r.Patterns.AddMatchesAt(_line, i, candidates);
        }
        var chosen = new List<PatternMatch>();
        var used = new bool[_line.Count];
        foreach (var m in MostSpecificFirst(candidates))
        {
            if (UsesAny(m, used)) continue;
            if (m.Tokens.Any(i => _ctx.ActorAt[i] is not null) && !ObjectNamesPatient(m)) continue;
            if (IsAdjectivalParticiple(m)) continue;
            if (TaggedOtherwise(m)) continue;
            // "recalled its diplomats in protest", "walked out in support of": a manner adverbial, not an event of its own
            if (!m.Pattern.Blocks && m.Pattern.Root is "05" or "11" or "14" && m.Start > 0 && _line.Lower[m.Start - 1] == "in") continue;
            if (m.Tokens.Any(i => _ctx.Times.Any(t => i >= t.Start && i < t.End))) continue;
            chosen.Add(m);
            // the words inside a gap modify the trigger's object ("reached a trade truce"): no trigger of their own
            for (var i = m.Start; i < m.End; i++) used[i] = true;
        }
        // blocking patterns ("hit by the earthquake") only kept their words from shorter triggers
        chosen.RemoveAll(m => m.Pattern.Blocks);
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        foreach (var m in chosen.Where(m => m.Pattern.NeedsPair))
        {
            var alternative = candidates.Where(c => c.Start == m.Start && !c.Pattern.NeedsPair && c.Tokens.All(i => i < m.End))
                .OrderByDescending(c => c.Score).FirstOrDefault();
            if (alternative is not null) _alternatives[m] = alternative;
        }
        return chosen;
    }

    /// <summary>
    /// Where the tagger ran: a verb pattern whose verb it read as a noun ("a dispute over trade"), or a noun pattern
    /// whose head noun it read as a verb form other than -ing ("Seoul has called the measures retaliation": no phone call;
    /// "their first face-to-face meeting" stays a meeting however it is tagged), is not that trigger.
    /// </summary>
    private bool TaggedOtherwise(PatternMatch m) => m.Pattern.Kind == TriggerKind.Verb
        ? _line.Tokens[m.Tokens[0]].Upos is "NOUN" or "PROPN"
        : _line.Tokens[m.Tokens[^1]] is { Upos: "VERB", Xpos: "VBD" or "VBN" or "VBZ" or "VBP" or "VB" };

    /// <summary>
    /// The candidates by score (highest first), then kind penalty, then start, keeping their order on ties
    /// (as a stable sort does); each key is worked out once.
    /// </summary>
    private List<PatternMatch> MostSpecificFirst(List<PatternMatch> candidates)
    {
        if (candidates.Count < 2) return candidates;
        var keys = new (int Score, int Penalty, int Start, int Order)[candidates.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = (-candidates[i].Score, KindPenalty(candidates[i]), candidates[i].Start, i);
        Array.Sort(keys);
        var sorted = new List<PatternMatch>(keys.Length);
        foreach (var key in keys) sorted.Add(candidates[key.Order]);
        return sorted;
    }

    private static bool UsesAny(PatternMatch m, bool[] used)
    {
        foreach (var i in m.Tokens)
            if (used[i]) return true;
        return false;
    }

    /// <summary>
    /// "summoned the Chinese ambassador", "expelled 60 Russian diplomats", "stormed Congress": the pattern's object
    /// word is the head of an actor mention, and that actor is the act's target. Only where the object of the act is
    /// its patient (criticism, rejection, protest, reduced relations, coercion, violence); where it is the source's
    /// instrument ("deployed troops", "withdrew forces", "sent peacekeepers") the actor words stay out of triggers.
    /// </summary>
    private bool ObjectNamesPatient(PatternMatch m)
    {
        if (m.Pattern.Root is not ("11" or "12" or "14" or "16" or "17" or "18" or "19" or "20")) return false;
        // the trigger's own first word (the verb) is never inside a name
        return m.Tokens.Length > 1 && _ctx.ActorAt[m.Tokens[0]] is null;
    }

    /// <summary>"the detained journalists": a participle after a determiner describes, it does not report an act.</summary>
    private bool IsAdjectivalParticiple(PatternMatch m)
    {
        if (m.Pattern.Kind != TriggerKind.Verb) return false;
        // "crossed back into", "handed back by": where the tagger ran, a verb pattern whose first word it read
        // as an adverb, preposition or particle is not a predicate
        if (_line.Tokens[m.Start].Upos is "ADV" or "ADP" or "PART") return true;
        // "for alleged illicit enrichment", "the disputed islands": a one-word verb pattern the tagger read as an adjective
        if (m.Tokens.Length == 1 && _line.Tokens[m.Start].Upos == "ADJ") return true;
        // "a free trade agreement": a one-word verb pattern the tagger read as a noun modifying the next noun
        if (m.Tokens.Length == 1 && _line.Tokens[m.Start].Upos == "NOUN" && m.Start + 1 < _line.Count && _line.Tokens[m.Start + 1].Upos == "NOUN") return true;
        if (m.Start == 0) return false;
        // "for alleged illicit enrichment": a one-word "-ed" pattern between a preposition and a word it modifies
        if (m.Tokens.Length == 1 && _line.Lower[m.Start].EndsWith("ed", StringComparison.Ordinal) && _args.IsPreposition(m.Start - 1)
            && m.End < _line.Count && !_line.IsPunctuation(m.End) && !_args.IsPreposition(m.End) && !_r.Words.Is(_line.Lower[m.End], "determiner"))
            return true;
        // "a steep decline": a verb pattern right after an article is a noun
        if (_line.Lower[m.Start - 1] is "a" or "an" or "the") return true;
        if (m.Tokens.Length > 1) return false;
        var w = _line.Lower[m.Start];
        return (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal))
            && _r.Words.Is(_line.Lower[m.Start - 1], "determiner");
    }

    /// <summary>0 when the match's kind fits its context (a verb form, or a noun after a determiner), else 1.</summary>
    private int KindPenalty(PatternMatch m)
    {
        var w = _line.Lower[m.Start];
        var pastForm = w.EndsWith("ed", StringComparison.Ordinal) || (_line.Lemmas[m.Start].Length > 0 && !_line.Lemmas[m.Start].Contains(w)
            && !w.EndsWith('s') && !w.EndsWith("ing", StringComparison.Ordinal));
        var nominal = !pastForm && _args.NominalContext(m.Start);
        return (m.Pattern.Kind == TriggerKind.Noun) == nominal ? 0 : 1;
    }

    private CueMatch? GoverningCue(PatternMatch t, List<CueMatch> cues, List<PatternMatch> triggers)
    {
        CueMatch? best = null;
        foreach (var c in cues)
        {
            if (c.Cue.Kind != CueKind.Control || c.End > t.Start) continue;
            // "signed the orders imposing the tariffs": a cue word after a determiner is a noun naming a document
            if (c.Cue.Derive is "order" or "demand" && c.Start > 0 && _r.Words.Is(_line.Lower[c.Start - 1], "determiner")) continue;
            if (t.Tokens.Any(i => i >= c.Start && i < c.End)) continue;
            var ok = false;
            if (c.End == t.Start && _line.Lower[t.Start].EndsWith("ing", StringComparison.Ordinal)) ok = true;
            for (var k = c.End; k < t.Start && !ok; k++)
            {
                if (_args.IsBoundary(k) || _line.Lower[k] is ";" or ":") break;
                if (_line.Lower[k] == "to" && k - c.End <= 6 && t.Start - k <= 5) ok = true;
            }
            // "demanded that Cuba arrest the commanders": what is demanded or urged, in a that-clause with its own subject
            // ("demanded that Cuba, which has hosted the talks since 2018, arrest ...": a relative clause on the subject is skipped)
            if (!ok && ThatClauseOf(c) && _line.Tokens[t.Start].Upos is null or "VERB")
            {
                var words = 0;
                var clear = true;
                for (var k = c.End + 1; k < t.Start && clear; k++)
                {
                    if (k + 1 < t.Start && OpensRelativeClause(k + 1))
                    {
                        // skipped when a comma closes it before the trigger
                        var close = RelativeClauseEnd(k + 1);
                        if (close >= t.Start || _line.Lower[close] != ",") { clear = false; break; }
                        k = close;
                        continue;
                    }
                    clear = !_args.IsBoundary(k) && !_line.IsHardStop(k);
                    words++;
                }
                ok = clear && words <= 9;
            }
            // a cue's direct object naming an event: "threatened military strikes", "pledged aid"
            // ("ordered a mobilisation" is the orderer's own act, not a demand)
            if (!ok && t.Start - c.End <= 3 && t.Start > c.End && c.Cue.Derive != "order")
                ok = Enumerable.Range(c.End, t.Start - c.End).All(k => !_args.IsBoundary(k) && !_args.IsPreposition(k) && !_line.IsHardStop(k)
                    && _line.Lower[k] is not ("and" or "or"));
            if (!ok) continue;
            // no other trigger between the cue and this one (except the cue's own)
            // (nor one inside a relative clause on the that-clause's subject: "that Cuba, which has hosted the negotiations, arrest")
            if (triggers.Any(o => o != t && o.Start >= c.End && o.Start < t.Start && !(ThatClauseOf(c) && RelativeClauseAround(o.Start) is { } r && r.End < t.Start))) continue;
            // the cue closest to the complement wins; of two ending together, the longer ("accepted an invitation")
            if (best is null || c.End > best.End || (c.End == best.End && c.Start < best.Start)) best = c;
        }
        return best;
    }

    /// <summary>
    /// "lifted a ban on arms sales to Vietnam", "called for a freeze on arms sales": an event noun after "on" that
    /// follows another trigger names the domain of that act, not an act of its own.
    /// </summary>
    private bool IsDomainOfAnotherAct(PatternMatch t, List<PatternMatch> triggers)
    {
        // a noun, or a one-word verb pattern read on a plural noun ("killings")
        if (t.Pattern.Kind != TriggerKind.Noun && !(t.Tokens.Length == 1 && _line.Lower[t.Start].EndsWith("ings", StringComparison.Ordinal))) return false;
        var k = t.Start - 1;
        while (k > 0 && t.Start - k <= 3 && !_args.IsPreposition(k) && !_args.IsBoundary(k) && !_line.IsHardStop(k) && _ctx.ActorAt[k] is null) k--;
        if (k <= 0) return false;
        // "a ban on arms sales", "a freeze on": right after the other act
        if (_line.Lower[k] == "on") return triggers.Any(o => o != t && o.End <= k && k - o.Tokens[^1] <= 2);
        // "an investigation into killings", "sanctions ... over the continued detention of": the topic or the grounds
        // of an act earlier in the clause
        if (_line.Lower[k] is "into" or "over")
        {
            var clause = _args.ClauseStart(k);
            return triggers.Any(o => o != t && o.End <= k && o.Start >= clause);
        }
        return false;
    }

    /// <summary>
    /// True when the verb at <paramref name="verb"/> opens a clause ", which X (has) called ..." whose "which" stands for
    /// the whole clause before the comma: only the subject's words, "the" and auxiliaries lie between "which" and the verb.
    /// </summary>
    private bool CommentsOnClauseBefore(int verb)
    {
        var k = verb - 1;
        while (k >= 0 && (_ctx.ActorAt[k] is not null || _line.Lower[k] == "the" || _r.Words.Is(_line.Lower[k], "perfect"))) k--;
        return k >= 1 && k < verb - 1 && _line.Lower[k] == "which" && _line.Lower[k - 1] == ",";
    }

    /// <summary>True when "not" or "never" stands between the cue and its trigger ("agreed on Thursday not to threaten").</summary>
    private bool RefrainsFrom(CueMatch cue, PatternMatch t)
    {
        for (var k = cue.End; k < t.Start; k++)
            if (_line.Lower[k] is "not" or "never") return true;
        return false;
    }

    /// <summary>True for a demand or appeal cue followed by "that" ("demanded that Cuba hand over ...").</summary>
    private bool ThatClauseOf(CueMatch c) =>
        c.Cue.Derive is "demand" or "appeal" && c.End < _line.Count && _line.Lower[c.End] == "that";

    /// <summary>"accused Beijing of supporting Moscow", "of ramming and firing", "accused China of a cyber campaign":
    /// the gerunds (or, after an accusation, the event nouns) are what is alleged, not events.</summary>
    private bool IsAllegationContent(PatternMatch t, List<PatternMatch> triggers)
    {
        // "accused the West of trying to destroy Russia": the act after "trying/planning to" is alleged like a gerund
        var gerund = _line.Lower[t.Start].EndsWith("ing", StringComparison.Ordinal)
            || (t.Start >= 2 && _line.Lower[t.Start - 1] == "to" && _line.Lower[t.Start - 2].EndsWith("ing", StringComparison.Ordinal));
        if (!gerund && t.Pattern.Kind != TriggerKind.Noun) return false;
        var clause = _args.ClauseStart(t.Start);
        var accusation = triggers.LastOrDefault(o => o.Start < t.Start && o.Start >= clause
            && (o.Pattern.Root is "09" or "10" or "11" or "12" or "13" || o.Pattern.Code == "016"));
        if (accusation is null) return false;
        // "accused China of a years-long cyber espionage campaign": the alleged act named by a noun
        if (!gerund && !accusation.Pattern.Code.StartsWith("112", StringComparison.Ordinal)) return false;
        return Enumerable.Range(accusation.End, Math.Max(0, t.Start - accusation.End)).Any(k => _line.Lower[k] is "of" or "for");
    }

    /// <summary>
    /// "condemned the attack", "failing to prevent the attack": a definite act of violence with no actor of its own,
    /// told after the story already reported violence, names that earlier event rather than a new one.
    /// </summary>
    private bool IsViolenceAnaphor(PatternMatch t)
    {
        if (t.Pattern.Kind != TriggerKind.Noun || t.Pattern.Root is not ("18" or "19" or "20") || t.Start == 0) return false;
        if (_line.Lower[t.Start - 1] is not ("the" or "this" or "these" or "that")) return false;
        return _story.Events.Any(e => e.SentenceIndex < _ctx.Sentence.Index && string.CompareOrdinal(e.Code[..2], "14") >= 0);
    }

    /// <summary>
    /// "a car bomb attack on a police academy killed 21 people", "the strike killed ten": a violent verb whose subject
    /// is a violent event noun of the sentence tells that event's toll, not another act (read from the parse).
    /// </summary>
    private bool IsRestatedByNoun(PatternMatch t, List<PatternMatch> triggers)
    {
        if (t.Pattern.Kind != TriggerKind.Verb || !IsViolent(t.Pattern.Root)) return false;
        var nouns = triggers.Where(o => o != t && o.Pattern.Kind == TriggerKind.Noun && IsViolent(o.Pattern.Root)).ToList();
        if (nouns.Count == 0) return false;
        var head = _parse.SubjectHead(t.Tokens[0]);
        if (head >= 0 && nouns.Any(o => o.Tokens.Contains(head)))
            return true;
        // by word order: the noun right before the verb, or before a prepositional phrase that leads to it
        // ("a car bomb attack on a police academy in Bogota killed"), with no other predicate between
        return nouns.Any(o => o.End <= t.Start
            && t.Start - o.End <= 8 && (o.End == t.Start || _args.IsPreposition(o.End))
            && Enumerable.Range(o.End, t.Start - o.End).All(k => !_line.IsPunctuation(k) && !_args.IsBoundary(k) && !_r.Words.Is(_line.Lower[k], "and")
                && _line.Tokens[k].Upos is not ("VERB" or "AUX")));
    }

    /// <summary>Assault, fight and mass violence: the roots whose acts a violent event noun can restate.</summary>
    private static bool IsViolent(string root) => root is "18" or "19" or "20";

    /// <summary>
    /// "was in touch with Iranian authorities to ensure the early release of the crew", "arrived to help Haitian
    /// authorities investigate the assassination": an act named as the object (or the complement) of a purpose
    /// infinitive that is no trigger is the aim of the earlier act, not an act that happened (where the tagger ran).
    /// </summary>
    private bool IsPurposeObject(PatternMatch t, List<PatternMatch> triggers)
    {
        if (_line.Tokens[t.Start].Upos is null) return false;
        for (var p = t.Start - 2; p >= Math.Max(0, t.Start - 8); p--)
        {
            if (_line.IsHardStop(p) || _args.IsBoundary(p) || triggers.Any(o => o != t && o.Tokens.Contains(p))) return false;
            if (_line.Lower[p] != "to" || _line.Tokens[p + 1].Upos != "VERB") continue;
            // between the infinitive and the trigger only its object's words (no other predicate)
            for (var k = p + 2; k < t.Start; k++)
                if (_line.Tokens[k].Upos is "VERB" or "AUX" || _args.IsBoundary(k) || _line.IsHardStop(k)) return false;
            var clause = _args.ClauseStart(p);
            return triggers.Any(o => o != t && o.End <= p && o.Start >= clause);
        }
        return false;
    }

    /// <summary>"summoned the ambassadors to protest", "flew to Montevideo to announce": a purpose infinitive restates the main act.</summary>
    private bool IsPurposeClause(PatternMatch t, List<PatternMatch> triggers)
    {
        if (t.Start == 0 || _line.Lower[t.Start - 1] != "to") return false;
        var clause = _args.ClauseStart(t.Start);
        // "prompting Tokyo to lodge a protest": an infinitive with its own subject, the object of a verb that is no
        // trigger, is that actor's act, not the purpose of an earlier one
        if (t.Start >= 2 && _ctx.ActorAt[t.Start - 2] is { } own && own.Start > 0
            && !triggers.Any(o => o.Tokens.Contains(own.Start - 1)) && !_line.IsPunctuation(own.Start - 1)
            && !_args.IsPreposition(own.Start - 1) && !_r.Words.Is(_line.Lower[own.Start - 1], "determiner"))
            return false;
        return triggers.Any(o => o.End <= t.Start && o.Start >= clause);
    }

    private DraftEvent? CodeTrigger(PatternMatch t, CueMatch? cue, List<CueMatch> cues, List<Party>? previousSubject, out List<Party> subject)
    {
        var noun = t.Pattern.Kind == TriggerKind.Noun;
        var code = t.Pattern.Code;
        var status = EventStatus.Occurred;
        List<Party> source, target;
        var anchor = t.Start;
        subject = [];

        if (cue is not null)
        {
            anchor = cue.Start;
            status = cue.Cue.Status;
            // "agreed not to threaten or use force", "vowed never to attack": a hostile act promised not to happen is
            // a promise of restraint, an intent to cooperate (030); a cooperative act agreed not to happen is denied
            if (cue.Cue.Derive is "agree" or "intent" && RefrainsFrom(cue, t))
            {
                if (string.CompareOrdinal(code[..2], "09") >= 0)
                {
                    code = "030";
                    status = cue.Cue.Derive == "agree" ? EventStatus.Occurred : EventStatus.Pledged;
                }
                else status = EventStatus.Denied;
            }
            else if (cue.Cue.Derive is "consider")
            {
                // "considering suspending talks" threatens (134); "considering sending aid" intends (033)
                var conflict = string.CompareOrdinal(code[..2], "09") >= 0;
                code = _r.Derived.Derive(conflict ? "threat" : "intent", code);
                status = conflict ? EventStatus.Threatened : EventStatus.Hypothetical;
            }
            else if (cue.Cue.Derive is "agree")
            {
                // "agreed to pause tariffs" promises the concession; "agreed to ban Belarusian airlines" decides a measure
                // (the act's code, planned), not a threat; "agreed to restore relations" is an intent (03x) that happened
                var hostile = string.CompareOrdinal(code[..2], "10") >= 0;
                code = code[..2] == "08" || hostile ? code : _r.Derived.Derive("intent", code);
                if (hostile) status = EventStatus.Planned;
                if (code[..2] == "03") status = EventStatus.Occurred;
            }
            else if (cue.Cue.Derive is "order") code = _r.Derived.Derive("demand", code);
            // "invited Lula to visit" intends the meeting (036); "invited Japan to a naval exercise" appeals (020)
            else if (cue.Cue.Derive is "invite") code = _r.Derived.Derive(string.CompareOrdinal(code[..2], "09") < 0 ? "intent" : "appeal", code);
            // "vowed to take legal action", "vowed to hunt down those responsible": promising a hostile act threatens it
            else if (cue.Cue.Derive is "intent" && status == EventStatus.Pledged && string.CompareOrdinal(code[..2], "11") >= 0)
            {
                if (!code.StartsWith("13", StringComparison.Ordinal)) code = _r.Derived.Derive("threat", code);
                status = EventStatus.Occurred;
            }
            else if (cue.Cue.Derive is { } derive and not "deny") code = _r.Derived.Derive(derive, code);
            // "refused to meet" is itself a rejection (125) that happened; "refused to comment on X" keeps Denied
            if (cue.Cue.Derive == "refuse" && code.StartsWith("12", StringComparison.Ordinal)) status = EventStatus.Occurred;
            source = cue.Start > 0 && (_line.Possessive[cue.Start - 1] || _line.Lower[cue.Start - 1] is "'s" or "'" or "their")
                ? _args.FindPossessor(cue.Start)
                : SubjectOf(cue.Start, previousSubject);
            subject = source;
            var to = Enumerable.Range(cue.End, Math.Max(0, t.Start - cue.End)).FirstOrDefault(k => _line.Lower[k] == "to", -1);
            target = cue.Cue.Derive is "appeal" or "demand" or "order" or "invite" && to > cue.End
                ? _args.FindObject(cue.End, noun: false, limit: to, exclude: source)
                : ThatClauseOf(cue) ? _args.FindSubject(t.Start)
                : _args.FindObject(t.End, noun);
        }
        else if (noun)
        {
            source = _args.FindPossessor(t.Start);
            target = _args.FindObject(t.End, noun: true, withOnly: t.Pattern.TargetWithOnly);
            // "an International Criminal Court warrant for his arrest", "since her detention": a person's arrest
            // names who is held; the one acting is the issuer named before "for", else the local authorities
            if (code[..2] == "17" && source.Count > 0 && t.Start > 0 && _line.Lower[t.Start - 1] is "his" or "her")
            {
                target = source;
                source = t.Start >= 2 && _line.Lower[t.Start - 2] == "for" ? _args.ActorBefore(t.Start - 2, 4) : [];
                if (source.Count == 0) source = _args.LocalAuthorities();
            }
            // "talks brokered by Saudi Arabia": the agent of a participle after the noun is that participle's, not the noun's
            var agent = IsReducedRelative(t.End) ? [] : _args.FindAgent(t.End);
            if (source.Count == 0 && agent.Count > 0) source = agent;
            // "exercises that Indian and U.S. troops are holding": the relative clause's subject holds them
            if (source.Count == 0) source = _args.RelativeSubjectAfter(t.End);
            var light = _args.FindLightVerb(t.Start);
            if (light >= 0) anchor = light;
            // "is to receive a formal apology from Steinmeier": the sender is the source, the receiver the target
            if (source.Count == 0 && _args.FindSender(t.End) is { Count: > 0 } sender)
            {
                source = sender;
                target = _args.FindSubject(light >= 0 ? light : t.Start, previousSubject);
            }
            if (source.Count == 0 && light >= 0) source = SubjectOf(light, previousSubject);
            // "a ceasefire between Israel and Hamas": the parties between are both sides
            if (source.Count == 0 && target.Count >= 2 && Enumerable.Range(t.End, Math.Min(3, _line.Count - t.End)).Any(k => _line.Lower[k] is "between" or "among"))
            {
                source = [target[0]];
                target = target.Skip(1).ToList();
            }
            // "joint military exercises that Indian and U.S. troops are holding": the relative clause names the doers
            if (source.Count == 0 && t.End + 1 < _line.Count && _line.Lower[t.End] is "that" or "which" && _ctx.ActorAt[t.End + 1] is not null)
            {
                var doers = _args.FindObject(t.End + 1, noun: false);
                source = doers.Take(1).ToList();
                if (target.Count == 0) target = doers.Skip(1).ToList();
            }
            // "a suicide bomber killed 13 service members": a noun right before a past verb is that verb's subject,
            // not the object of what came before it
            if (source.Count == 0 && target.Count > 0 && !IsPastVerb(t.End)) source = _args.FindSubject(t.Start, previousSubject);
            // "he is under investigation", "remains under house arrest": the subject undergoes it, at the authorities' hands
            if (code[..2] is "09" or "17" && t.Start > 0 && _line.Lower[t.Start - 1] == "under" && _args.FindSubject(t.Start - 1, previousSubject) is { Count: > 0 } undergoing)
            {
                target = undergoing;
                source = _args.LocalAuthorities();
            }
        }
        else if (t.Tokens.Length == 1 && IsReducedRelative(t.Start))
        {
            // "talks brokered by Saudi Arabia", "missionaries abducted near Port-au-Prince": a participle modifying a
            // noun is a passive whose agent follows "by" and whose patient is the noun's actor
            source = _args.FindAgent(t.End);
            target = _args.NounPhraseActorsBefore(t.Start);
            if (source.Count == 0 && (code[..2] == "17" || code.StartsWith("084", StringComparison.Ordinal))) source = _args.LocalAuthorities();
        }
        else if (_args.IsPassive(t.Start))
        {
            target = _parse.PassiveSubject(t.Tokens[0]);
            if (target.Count == 0) target = _args.FindSubject(t.Start);
            source = _parse.Agent(t.Tokens[0]);
            if (source.Count == 0) source = _args.FindAgent(t.End);
            // "was arrested in Lima": an arrest or charge with no agent is by the authorities where it happened
            // "was released from prison on Monday": so is a release with no agent
            if (source.Count == 0 && (code[..2] == "17" || code.StartsWith("084", StringComparison.Ordinal))) source = _args.LocalAuthorities();
            // "the island's forces were placed on high alert": a show of force without agent is the subject's own
            if (source.Count == 0 && code[..2] == "15")
            {
                source = target;
                target = [];
            }
        }
        else
        {
            source = SubjectOf(t.Start, previousSubject);
            subject = source;
            if (code == "042" && _args.PlaceAfter(t.End) is [var destination] && destination.Span is { } ds && ds.Start - _ctx.SpanOf(t.Start, t.End).End <= 4)
            {
                target = [destination];
                goto found;
            }
            // "called for her resignation", "demanded the president's ouster": the owner of the pattern's last noun is the target
            if (t.Pattern.TargetIsOwner && _args.FindPossessor(t.Tokens[^1]).Where(p => source.All(x => !x.SameActorAs(p))).ToList() is { Count: > 0 } owner)
            {
                target = owner;
                goto found;
            }
            if (t.Pattern.TargetInComplement && t.Tokens.Length > 1)
            {
                target = VerdictTarget(t, source);
                goto found;
            }
            // "held exercises with Guyana's military, which Caracas called a provocation": a "which" after a comma stands
            // for the clause before it, so the act judged is that clause's event and its actor is the target
            if (CommentsOnClauseBefore(t.Start) && _coded.Count > 0 && _coded[^1].Source is { Count: > 0 } judged
                && judged.All(a => source.All(s => !s.SameActorAs(a))))
            {
                target = [.. judged];
                goto found;
            }
            // the object may stand inside the pattern's gap: "asked the EU for assistance", "accused Beijing of"
            target = _parse.Object(t.Tokens[0], t.Pattern.TargetWithOnly).Where(p => source.All(x => !x.SameActorAs(p))).ToList();
            if (target.Count == 0)
                target = _args.FindObject(t.Tokens[0] + 1, noun: false, withOnly: t.Pattern.TargetWithOnly, forIsTarget: code[..2] == "05" && t.End < _line.Count && _line.Lower[t.End] == "for", exclude: source);
        }
        found:

        // the cue word itself carries the status when it is the trigger ("Xi pledged stricter controls")
        if (cue is null)
        {
            var self = cues.FirstOrDefault(c => c.Cue.Kind == CueKind.Control && c.Start <= t.Start && c.End > t.Start
                && (c.Cue.Status is EventStatus.Pledged or EventStatus.Planned
                    || (c.Cue.Status == EventStatus.Threatened && code.StartsWith("13", StringComparison.Ordinal))));
            if (self is not null) status = self.Cue.Status;
        }
        // "the group was seized", "seized two journalists": a seizure of people is an abduction, not a seizure of property
        // (Clauses/Data/noun-classes.tsv)
        if (code == "1711" && !noun && t.Tokens.Length == 1 && PatientIsPerson(t.Tokens[0], target)) code = "181";
        // "Army warplanes struck RSF positions": an attack by aircraft or drones is coded by its instrument (Patterns/Data/instruments.tsv)
        if (code == "190" && !noun && _r.Instruments.CodeOfSubject(_line, t.Start, _r.Words) is { } byInstrument) code = byInstrument;
        status = ApplyModality(anchor, status);
        // "said it would not attend the talks", "would not cooperate with the investigation": a cooperative act
        // declared not to come is a refusal (12x), and the refusal happened
        if (status == EventStatus.Denied && cue is null && code[..2] is "04" or "05" or "06" or "07" or "08" && DeclaredRefusal(anchor))
        {
            code = _r.Derived.Derive("refuse", code);
            status = EventStatus.Occurred;
        }
        // "may resume missile tests", "could strike": a possible act of force is a threat (CAMEO 13)
        if (status == EventStatus.Hypothetical && string.CompareOrdinal(code[..2], "14") >= 0
            && !_r.Cues.Cues.Any(c => c.Kind == CueKind.Condition && c.Pattern.Text == _args.ClauseOpener(anchor)))
        {
            code = _r.Derived.Derive("threat", code);
            status = EventStatus.Threatened;
        }

        // "threatened to impose sanctions", "vowed retaliation": the threat (13x) is the act, and it happened
        if (status is EventStatus.Threatened or EventStatus.Pledged && code.StartsWith("13", StringComparison.Ordinal)) status = EventStatus.Occurred;

        // a protest with no named protesters is by the people of the place it happens in
        if (source.Count == 0 && code[..2] == "14") source = _args.AnyPlace().Select(p => p with { Sector = "OPP" }).ToList();
        // ("Protests against the call-up broke out in dozens of Russian cities": anywhere in the clause)
        if (source.Count == 0 && code[..2] == "14" && _ctx.Actors.FirstOrDefault(a => a.Mention.Kind == ActorKind.Adjective
                && (Math.Abs(a.Start - t.Start) <= 6 || (a.Start > t.Start && a.Start < _args.ClauseEnd(t.End)))) is { } people)
            source = [new Party(people.Mention.Country, "OPP", people.Mention.Name, people.Mention.Span)];
        if (TracePath is not null) Trace($"    {code}: source [{string.Join(",", source.Select(p => p.Country + p.Sector + ":" + p.Name))}] target [{string.Join(",", target.Select(p => p.Country + p.Sector + ":" + p.Name))}]");
        if (source.Count == 0) return null;
        target = target.Where(p => source.All(s => !s.SameActorAs(p))).ToList();
        // "condemned the decision": the target is the other party of the story's latest event
        // "criticised joint exercises by India and the United States": the object event's doers are the target
        if (target.Count == 0 && ObjectEvent(t) is { } objectEvent) target = ObjectEventParties(objectEvent, source);
        if (target.Count == 0 && _args.ObjectIsEventAnaphor(cue?.Start ?? t.Start, t.End) is { } kinds) target = OtherPartyOfLatestEvent(source, kinds);
        // "authorised an investigation into killings committed during Duterte's war on drugs": what is investigated names
        // no one, so the actor its phrase goes on to name is the target
        if (target.Count == 0 && code[..2] == "09") target = _args.ActorLaterInClause(t.End, source);
        // "talks brokered by Saudi Arabia and the United States": a mediator's target is the parties of what it mediated
        if (target.Count == 0 && code.StartsWith("045", StringComparison.Ordinal)) target = PartiesOfLatestEvent(source);
        // "demanded that Cuba hand over ...": the addressee of a demand or appeal can follow "that"
        if (target.Count == 0 && code[..2] is "02" or "10" or "13" && t.End < _line.Count && _line.Lower[t.End] == "that")
        {
            target = _args.FindObject(t.End + 1, noun: false);
            // "Putin warned that Moscow would use all means": the speaker's own side acting is the content of the
            // warning, which addresses the counterpart; with none, the clause's subject stays the target
            if (target.Count > 0 && target.All(p => source.Any(s => s.SameActorAs(p))) && _args.RecentCounterpart(source) is { Count: > 0 } addressee)
                target = addressee;
        }
        // a show of force or an attack aimed at a place ("exercises around Taiwan") targets that place's country
        // "called on all parties in Haiti to remain calm", "pledged $500 million for the reconstruction of Gaza":
        // an appeal or a promise with no named addressee is addressed to the place it names
        if (target.Count == 0 && code[..2] is "02" or "03" or "07" or "10")
            target = _args.PlaceAfter(t.End).Where(p => source.All(s => s.Country != p.Country)).ToList();
        if (target.Count == 0 && code[..2] is "09" or "15" or "18" or "19" or "20")
            target = _args.PlaceAfter(t.End).Where(p => source.All(s => s.Country != p.Country)).ToList();
        // a visit goes to the place named ("travelled to Manila")
        if (target.Count == 0 && code is "042" or "036") target = _args.PlaceAfter(t.End).Where(p => source.All(s => s.Country != p.Country)).ToList();
        // "EU ministers froze the assets of the officials": an act continuing the source's previous one keeps its target
        // "accused foreign governments", "called on the international community": an addressee named only as an
        // unnamed group is nobody in particular, neither a continued target nor the story's latest counterpart
        var unnamed = _args.UnnamedGroupAt(cue?.End ?? (t.Tokens.Length > 1 ? t.Tokens[0] + 1 : t.End));
        // (not an act told in an "after/before/since" clause: "a week after soldiers seized power" is another event)
        if (target.Count == 0 && code[..2] is not ("01" or "02" or "03" or "04" or "05" or "06" or "14") && !InTimeClause(t.Start) && !unnamed) target = ContinuedTarget(source);
        // aid with no recipient named goes where the story is ("Spain sent 56 rescuers" after the earthquake in Morocco)
        // (where the story was before this sentence, not the last place it names: "sent rescue teams and said it
        // would host a conference in Brussels")
        if (target.Count == 0 && code[..2] == "07" && (_story.FocusBefore ?? _story.FocusCountry) is { } focus && source.All(p => p.Country != focus))
            target = [new Party(focus, "", focus, null)];
        // strikes and rallies address their own government; arrests and crackdowns fall on their own people
        if (target.Count == 0 && code[..2] == "14") target = [new Party(source[0].Country, "GOV", source[0].Country, null)];
        // "Lam suspended the legislation": a concession with no one else named is made to the source's own people
        if (target.Count == 0 && code[..2] == "08" && !noun && _story.FocusCountry == source[0].Country)
            target = [new Party(source[0].Country, "CVL", source[0].Country, null)];
        if (target.Count == 0 && code[..2] == "17" && code is not ("171" or "1711" or "1712"))
            target = [new Party(source[0].Country, "CVL", source[0].Country, null)];
        if (target.Count == 0 && source.Count >= 2 && code != "045" && (code[..2] is "03" or "04" or "06" || code.StartsWith("057", StringComparison.Ordinal) || code is "190" or "193" or "194"))
        {
            target = source.Skip(1).ToList();
            source = [source[0]];
        }
        if (target.Count == 0 && (code[..2] == "03" || cue?.Cue.Derive is "intent" or "agree"))
        {
            target = _args.OtherActor(source, t.End);
            if (target.Count == 0 && _story.Dyad is { } dyad)
                target = [source.Any(p => p.Country == dyad.A.Country) ? dyad.B : dyad.A];
            target = target.Where(p => source.All(s => s.Country != p.Country)).ToList();
        }
        // "Havana refused": a demand, rebuke, rejection or threat with no addressee answers the source's latest counterpart
        // ("a charge he denied": a denial answers its accuser likewise)
        if (target.Count == 0 && !unnamed && code[..2] is "02" or "08" or "10" or "11" or "12" or "13") target = _args.RecentCounterpart(source);
        if (target.Count == 0 && code == "016") target = _args.RecentAccuser(source);
        // "gangs have attacked police stations and prisons": violence with no victim named falls where the story is
        if (target.Count == 0 && code[..2] is "18" or "19" or "20" && !noun && status == EventStatus.Occurred
            && _story.FocusCountry is { } scene && source.Any(p => p.Country == scene))
            target = [new Party(scene, "", scene, null)];
        if (target.Count == 0 && t.Pattern.NeedsPair) return null;
        // a directed act (a consultation, a criticism, an attack) with no addressee found is an incomplete
        // reading: say so instead of putting a half-event into dyadic data (Cameo/Data/cameo-targets.tsv)
        if (target.Count == 0 && CameoTargets.Default.NeedsTarget(code))
        {
            var trigger = _ctx.SpanOf(t.Start, t.End);
            _ctx.Document.Diagnostics.Add(new Diagnostic("PARLEY-C004", "events",
                $"'{_ctx.Document.Text[trigger.Start..trigger.End]}' at {trigger.Start} read as CAMEO {code}, but no target was found: not emitted"));
            return null;
        }
        if (source.Count > 0 && target.Count > 0 && source[0].Country != target[0].Country)
            _story.Dyad = (source[0], target[0]);

        var draft = new DraftEvent
        {
            Code = code,
            Status = status,
            Source = source,
            Target = target,
            SentenceIndex = _ctx.Sentence.Index,
            ParagraphIndex = _ctx.Sentence.ParagraphIndex,
            ContinuesPrevious = Enumerable.Range(0, _line.Count).Any(i => _r.Words.Is(_line.Lower[i], "also")),
            Present = _args.IsPresentTense(cue?.Start ?? t.Start),
        };
        _story.Events.Add(draft);
        var time = ChooseTime(anchor, t);
        if (time is not null && EventDating.Normalize(time) is { } date)
        {
            draft.Time = time;
            draft.Date = EventDating.NotAfterPublication(date.Date, time, status, _ctx.Document.Metadata.Published);
            draft.Precision = date.Precision;
            draft.DateSource = DateSource.Explicit;
            draft.RelativeDate = time.Anchor != "absolute";
        }
        else if (SayingTime(anchor) is { } saying && EventDating.Normalize(saying) is { } said)
        {
            // "Shoigu said on Wednesday that Russia would expand ...": a pledge or plan is dated by its statement;
            // a reported past act only falls back on the saying's day when nothing else dates it (EventDating)
            if (status is EventStatus.Pledged or EventStatus.Planned)
            {
                draft.Time = saying;
                draft.Date = said.Date;
                draft.Precision = said.Precision;
                draft.DateSource = DateSource.Explicit;
                draft.RelativeDate = saying.Anchor != "absolute";
            }
            else draft.SayingTime = saying;
        }
        // "ended the talks on Friday, a day after a car bomb attack killed 21 people": an act told after "a day after"
        // is dated from the main clause's day
        if (IntervalBefore(t.Start) is { } interval && MainClauseDay(interval.Word) is { } mainDay)
        {
            draft.Date = mainDay.AddDays(interval.Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            draft.Precision = TimeGranularity.Day;
            draft.DateSource = DateSource.Explicit;
            draft.RelativeDate = true;
            draft.Time = null;
            draft.SayingTime = null;
        }
        draft.Place = ChoosePlace(anchor, t);
        var triggerSpan = _ctx.SpanOf(t.Start, t.End);
        if (cue is not null) triggerSpan = triggerSpan.Union(_ctx.SpanOf(cue.Start, cue.End));
        draft.Evidence.Add(new EventEvidence
        {
            SentenceIndex = _ctx.Sentence.Index,
            Sentence = _ctx.Sentence.Span,
            Trigger = triggerSpan,
            Actor1 = source[0].Span is { } a1 && _ctx.Sentence.Span.Contains(a1) ? a1 : null,
            Actor2 = target.Count > 0 && target[0].Span is { } a2 && _ctx.Sentence.Span.Contains(a2) ? a2 : null,
            Time = time?.Span,
        });
        draft.ReportedBy.AddRange(ReportedBy());
        return draft;
    }

    /// <summary>
    /// The subject of the verb at <paramref name="verb"/>: the parse's first (when a parser ran), the word-order
    /// reading when the parse names no actor, or when word order finds the same mentions and more (conjoined subjects
    /// the parse split: "the EU and the South American bloc Mercosur").
    /// </summary>
    private List<Party> SubjectOf(int verb, List<Party>? previousSubject)
    {
        var parsed = _parse.Subject(verb);
        // "protesters said ... and called", "Yoon's lawyers vowed": a subject naming no actor is a group of the
        // story's country or the possessor's
        if (parsed.Count == 0 && _parse.SubjectHead(verb) is var head && head >= 0 && _ctx.ActorAt[head] is null)
        {
            if (_args.AgentEndingAt(head) is { Count: > 0 } agent) return agent;
            if (_parse.Possessor(head) is { } owner) return [owner];
        }
        var byOrder = _args.FindSubject(verb, previousSubject);
        // Only the same mentions count: "Kim described the treaty as the strongest between the two countries and
        // promised" finds "the two countries" by order, which contain Kim's country but are not his coordination.
        return parsed.Count == 0 || (parsed.All(p => byOrder.Any(b => b.SameActorAs(p) && b.Span == p.Span)) && byOrder.Count > parsed.Count) ? byOrder : parsed;
    }

    /// <summary>
    /// What a reported verdict judges ("said the military's campaign was ethnic cleansing", "said both forces had
    /// violated the agreement"): the subject of the reported clause, else the actor named nearest before its verb,
    /// else, for a thing judged that names no one ("said the election was neither free nor fair"), the story's country.
    /// </summary>
    private List<Party> VerdictTarget(PatternMatch t, List<Party> source)
    {
        var verb = t.Tokens[1];
        var subject = _args.FindSubject(verb).Where(p => source.All(s => !s.SameActorAs(p))).ToList();
        if (subject.Count > 0) return subject;
        for (var j = verb - 1; j > t.Tokens[0]; j--)
            if (_ctx.ActorAt[j] is { } named && source.All(s => !s.SameActorAs(Party.From(named.Mention)))) return [Party.From(named.Mention)];
        if (_args.RecentCounterpart(source) is { Count: > 0 } counterpart) return counterpart;
        return _story.FocusCountry is { } scene && source.All(s => s.Country != scene) ? [new Party(scene, "", scene, null)] : [];
    }

    /// <summary>"will not", "would not", "won't", "would never" just before the predicate: a refusal declared.</summary>
    private bool DeclaredRefusal(int anchor)
    {
        for (var i = Math.Max(1, anchor - 3); i < anchor; i++)
            if (_line.Lower[i] is "not" or "n't" or "never" && _line.Lower[i - 1] is "will" or "would" or "wo" or "'ll" or "shall") return true;
        return false;
    }

    private EventStatus ApplyModality(int anchor, EventStatus status)
    {
        var clause = _args.ClauseStart(anchor);
        var from = Math.Max(clause, anchor - 3);
        var modal = EventStatus.Occurred;
        foreach (var c in _r.Cues.Modal)
        {
            for (var i = from; i < anchor; i++)
            {
                // "Theresa May praised": a modal word inside a name is no modal
                if (_ctx.ActorAt[i] is not null || c.Pattern.Match(_line, i, anchor) is null) continue;
                // "said that was not enough and called for her resignation": the negation closes its own conjunct
                if (Enumerable.Range(i + 1, Math.Max(0, anchor - i - 1)).Any(k => _line.Lower[k] is "and" or "or" or "but" or ",")) continue;
                if (c.Status == EventStatus.Denied) return EventStatus.Denied;
                var reading = c.Status;
                // "said it would lift": future in the past, a plan reported
                if (reading == EventStatus.Hypothetical && c.Pattern.Text == "would" && _args.AfterReportingVerb(i)) reading = EventStatus.Planned;
                if (modal == EventStatus.Occurred) modal = reading;
            }
        }
        var opener = _args.ClauseOpener(anchor);
        if (opener is not null && _r.Cues.IsCondition(opener))
            return EventStatus.Hypothetical;
        return status == EventStatus.Occurred ? modal : status;
    }

    /// <summary>The time expression nearest the trigger within its clause (or opening the sentence).</summary>
    private TimeMention? ChooseTime(int anchor, PatternMatch t)
    {
        var clauseStart = _args.ClauseStart(anchor);
        var clauseEnd = _args.ClauseEnd(t.End);
        TimeMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var placed in _ctx.Times)
        {
            if (EventDating.Normalize(placed.Mention) is null) continue;
            // "Beijing, which fought a war in 1979, said ...": the relative clause's time is not the main clause's
            var between = Enumerable.Range(Math.Min(placed.End, t.Start), Math.Abs(t.Start - placed.End));
            if (between.Any(k => _line.Lower[k] == ",") && between.Any(k => _line.Lower[k] is "which" or "who")) continue;
            // "The Taliban, who took control of Kabul on August 15, condemned": the time inside a relative clause
            // that closes before the trigger dates that clause only
            if (placed.End <= t.Start && _args.InsideRelativeClause(placed.Start, t.Start)) continue;
            // "a 2019 murder": a date modifying another noun does not date this event
            if (placed.Start > 0 && placed.End != t.Start && _line.Lower[placed.Start - 1] is "a" or "an" or "the" or "this" or "that"
                && placed.End < _line.Count && !_line.IsPunctuation(placed.End)) continue;
            // "last month's summit", "Thursday's bombing": a possessive time dates only the noun it modifies
            if (IsPossessiveTime(placed) && (t.Start < placed.End || t.Start - placed.End > 3)) continue;
            // "Algeria, which cut relations in 2021, opened ...": a time inside a relative clause dates that clause only
            if (RelativeClauseAround(placed.Start) is { } relative && (t.Start < relative.Start || t.Start >= relative.End)) continue;
            int distance;
            if (placed.Start >= clauseStart && placed.End <= clauseEnd)
            {
                // "called the riot outrageous and invited Lula to visit in February": a later trigger nearer the time owns it
                if (placed.Start >= t.End && _selected.Any(o => o.Start >= t.End && o.End <= placed.Start
                    && Enumerable.Range(t.End, o.Start - t.End).Any(k => _line.Lower[k] is "and" or "but"))) continue;
                // "lifted a ban in 2016, and Trump held a summit": a time before ", and" belongs to the first conjunct
                if (placed.End <= anchor && !FramesSentence(placed)
                    && Enumerable.Range(placed.End, anchor - placed.End).Any(k => _line.Lower[k] is "and" or "but" or "while" && k > 0 && _line.Lower[k - 1] == ",")) continue;
                if (placed.Start >= t.End)
                {
                    // "after a steep decline earlier in 2025": a time inside a following "after/before/since" phrase dates that phrase
                    if (Enumerable.Range(t.End, placed.Start - t.End).Any(k => _r.Words.Is(_line.Lower[k], "subordinate-time")
                        && !(k == t.End && _line.Lower[k] == "since"))) continue;
                    // "revive a pact signed in 2001": a time after a participle modifying a later noun dates that participle
                    if (AnyReducedRelative(t.End + 1, placed.Start)) continue;
                    // "condemned the attack and began evacuating its citizens on Tuesday": a time after a second predicate dates that one
                    if (Enumerable.Range(t.End + 1, Math.Max(0, placed.Start - t.End - 2))
                        .Any(k => _line.Lower[k] is "and" or "but" && IsPastVerb(k + 1))) continue;
                    distance = placed.Start - t.End;
                }
                else
                {
                    distance = Math.Max(0, anchor - placed.End);
                }
                distance += Enumerable.Range(Math.Min(placed.Start, t.Start), Math.Abs(placed.Start - t.Start)).Count(k => _line.Lower[k] == ",") * 6;
            }
            // "Last year, bombers flew near Japan while Biden was visiting Tokyo": a time fronted with a comma frames every clause
            else if (placed.End <= anchor && FramesSentence(placed) && (clauseStart == 0 || (FrontedWithComma(placed))))
            {
                distance = 20;
            }
            else continue;
            if (distance < bestDistance)
            {
                best = placed.Mention;
                bestDistance = distance;
            }
        }
        if (best is null && _args.ClauseOpener(anchor) == "when")
        {
            // "since August 2022, when it fired missiles": the "when" clause happens at the time just named
            var opener = clauseStart - 1;
            var before = opener - 1 >= 0 && _line.Lower[opener - 1] == "," ? opener - 1 : opener;
            best = _ctx.Times.FirstOrDefault(x => x.End == before && EventDating.Normalize(x.Mention) is not null)?.Mention;
        }
        return best;
    }

    /// <summary>
    /// The time of the reporting clause that governs the trigger's clause ("X said on Wednesday that ...",
    /// "On Friday, X told reporters ..."): a time between the reporting verb's clause start and the trigger's clause.
    /// </summary>
    private TimeMention? SayingTime(int anchor)
    {
        var clauseStart = _args.ClauseStart(anchor);
        if (clauseStart <= 0) return null;
        var report = -1;
        for (var i = clauseStart - 1; i >= 0 && report < 0; i--)
            if (_r.Words.Is(_line.Lower[i], "reporting") || _line.Lemmas[i].Any(l => _r.Words.Is(l, "reporting"))) report = i;
        if (report < 0) return null;
        var reportStart = _args.ClauseStart(report);
        return _ctx.Times
            .Where(x => x.Start >= reportStart && x.End <= clauseStart && EventDating.Normalize(x.Mention) is not null
                && !IsPossessiveTime(x) && RelativeClauseAround(x.Start) is null)
            .OrderBy(x => Math.Abs(x.Start - report))
            .Select(x => x.Mention)
            .FirstOrDefault();
    }

    /// <summary>True for a past verb form opening a predicate: a regular "-ed" form, or an irregular one the lexicon
    /// lemmatises to another word ("began" -> "begin"), when not a plural or participle noun.</summary>
    private bool IsPastVerb(int k)
    {
        if (k >= _line.Count || _line.IsPunctuation(k)) return false;
        var w = _line.Lower[k];
        if (w.EndsWith("ed", StringComparison.Ordinal)) return k + 1 < _line.Count && !_line.IsPunctuation(k + 1);
        return Patterns.Inflector.IsIrregularPast(w);
    }

    /// <summary>True for a time in the possessive ("last month's", "Thursday's").</summary>
    private bool IsPossessiveTime(Placed<TimeMention> placed) =>
        (placed.End < _line.Count && _line.Lower[placed.End] is "'s" or "'" or "\u2019s") || (placed.End > 0 && _line.Possessive[placed.End - 1]);

    /// <summary>The token range of the relative clause (", which/who/whose/where ... ,") holding <paramref name="k"/>, if any.</summary>
    private (int Start, int End)? RelativeClauseAround(int k)
    {
        for (var i = k - 1; i > 0; i--)
        {
            if (OpensRelativeClause(i))
            {
                var end = RelativeClauseEnd(i);
                return end > k ? (i, end) : null;
            }
            if (_line.Lower[i] is "," or ";" or ":") return null;
        }
        return null;
    }

    /// <summary>True when the word at <paramref name="i"/> opens a relative clause set off by a comma (", which", ", who":
    /// role "relative" of Clauses/Data/function-words.tsv).</summary>
    private bool OpensRelativeClause(int i) => i > 0 && _line.Lower[i - 1] == "," && _r.Words.Is(_line.Lower[i], "relative");

    /// <summary>Where the relative clause opened at <paramref name="i"/> ends: its first comma, semicolon, colon or full stop
    /// (or the sentence's end).</summary>
    private int RelativeClauseEnd(int i)
    {
        var end = i + 1;
        while (end < _line.Count && _line.Lower[end] is not ("," or ";" or ":" or ".")) end++;
        return end;
    }

    /// <summary>True for a time that opens the sentence ("On Monday, ..."): it frames the main clause.</summary>
    private bool FramesSentence(Placed<TimeMention> placed) => placed.Start <= 1;

    /// <summary>True for a time set off by a comma ("Last year, ..."): a fronted adverbial of the whole sentence.</summary>
    private bool FrontedWithComma(Placed<TimeMention> placed) => placed.End < _line.Count && _line.Lower[placed.End] == ",";

    /// <summary>
    /// True when <paramref name="k"/> is a past form after a noun ("a pact signed in 2001", "agreements signed by
    /// Beijing", "missionaries abducted near the capital"): a reduced relative clause or a new predicate, whose
    /// time, agent and place are its own.
    /// </summary>
    private bool IsReducedRelative(int k)
    {
        // only where the tagger ran: by word shape alone "said its soldiers attacked" reads the same as "a pact signed"
        if (k < 1 || k >= _line.Count || _line.Tokens[k].Xpos is not { } tag) return false;
        // a past participle (not a past tense) right after a noun, attached to it where the parser ran (the tagger
        // alone reads "farmers protested" as one), in a clause whose predicate came before
        return tag == "VBN" && _line.Tokens[k - 1].Upos is "NOUN" or "PROPN" or "NUM" && _line.Tokens[k].Relation is null or "acl"
            && FirstPredicate < k - 1;
    }

    private bool AnyReducedRelative(int from, int to)
    {
        for (var k = from; k < to; k++)
            if (IsReducedRelative(k)) return true;
        return false;
    }

    /// <summary>The first token the tagger read as a verb or auxiliary (the sentence length when none), found once.</summary>
    private int FirstPredicate
    {
        get
        {
            if (_firstPredicate < 0)
            {
                _firstPredicate = _line.Count;
                for (var i = 0; i < _line.Count; i++)
                    if (_line.Tokens[i].Upos is "VERB" or "AUX") { _firstPredicate = i; break; }
            }
            return _firstPredicate;
        }
    }

    private int _firstPredicate = -1;

    /// <summary>The place named with "in/at/near" in the trigger's clause, or opening the sentence ("In Busan, ...").</summary>
    private PlaceMention? ChoosePlace(int anchor, PatternMatch t)
    {
        var clauseStart = _args.ClauseStart(anchor);
        var clauseEnd = _args.ClauseEnd(t.End);
        PlaceMention? best = null;
        var bestDistance = int.MaxValue;
        foreach (var placed in _ctx.Places)
        {
            if (placed.Start == 0 || _line.Lower[placed.Start - 1] is not ("in" or "at" or "near" or "outside")) continue;
            int distance;
            if (placed.Start >= clauseStart && placed.End <= clauseEnd) distance = Math.Abs(placed.Start - t.Start);
            else if (placed.Start <= 1) distance = 30;
            else continue;
            if (distance < bestDistance)
            {
                best = placed.Mention;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>A noun trigger standing as this verb's object ("criticised joint military exercises").</summary>
    private PatternMatch? ObjectEvent(PatternMatch t)
    {
        if (t.Pattern.Kind != TriggerKind.Verb) return null;
        return _selected.FirstOrDefault(o => o.Pattern.Kind == TriggerKind.Noun && o.Start > t.End - 1 && o.Start - t.End <= 4
            && Enumerable.Range(t.End, o.Start - t.End).All(k => !_args.IsPreposition(k) && !_args.IsBoundary(k) && !_line.IsHardStop(k)));
    }

    private List<Party> ObjectEventParties(PatternMatch objectEvent, List<Party> source)
    {
        var doers = _args.FindPossessor(objectEvent.Start);
        if (doers.Count == 0) doers = _args.FindAgent(objectEvent.End);
        if (doers.Count == 0) doers = _args.RelativeSubjectAfter(objectEvent.End);
        if (doers.Count == 0) doers = _args.FindObject(objectEvent.End, noun: true);
        return doers.Where(p => source.All(s => !s.SameActorAs(p))).ToList();
    }

    /// <summary>True when what the verb at <paramref name="verb"/> acts on is a person or a group of people: a person
    /// named as its target, or a parsed object or passive subject whose noun is of the class "person".</summary>
    private bool PatientIsPerson(int verb, List<Party> target)
    {
        if (target.Any(p => p.Span is { } span && _ctx.Actors.Any(a => a.Mention.Span == span && a.Mention.Kind == ActorKind.Person))) return true;
        var patient = _parse.PatientHead(verb);
        if (patient >= 0 && _r.Words.NounClass(_line.Lower[patient]) == "person") return true;
        return PatientNounByOrder(verb) is { } noun && _r.Words.NounClass(_line.Lower[noun]) == "person";
    }

    /// <summary>
    /// The patient's head noun by word order: a passive's subject ("The group, which includes five children, was
    /// seized": the noun before the relative clause), else the last word of the object phrase ("seized a tanker in").
    /// </summary>
    private int? PatientNounByOrder(int verb)
    {
        if (_args.IsPassive(verb))
        {
            var k = verb - 1;
            while (k >= 0 && (_r.Words.Is(_line.Lower[k], "be") || _r.Words.Is(_line.Lower[k], "perfect") || _r.Words.Is(_line.Lower[k], "verb-adverb"))) k--;
            // skip a ", which/who ... ," relative clause back to its antecedent (across the commas of a list inside it:
            // "The group, which includes five children, two women and a man, was seized")
            if (k > 0 && _line.Lower[k] == ",")
                for (var c = k - 1; c > 0; c--)
                    if (OpensRelativeClause(c + 1)) { k = c - 1; break; }
            return k >= 0 && !_line.IsPunctuation(k) ? k : null;
        }
        int? last = null;
        for (var j = verb + 1; j < Math.Min(_line.Count, verb + 7); j++)
        {
            if (_line.IsPunctuation(j) || _args.IsPreposition(j) || _args.IsBoundary(j) || _r.Words.Is(_line.Lower[j], "and")) break;
            last = j;
        }
        return last;
    }

    /// <summary>
    /// "a day after", "two weeks before", "less than 24 hours after" opening the phrase of the trigger at
    /// <paramref name="start"/>: the "after/before" word and the days to add to the main clause's date (negative after).
    /// </summary>
    private (int Word, int Days)? IntervalBefore(int start)
    {
        for (var k = start - 1; k >= Math.Max(2, start - 12); k--)
        {
            if (_line.Lower[k] is not ("after" or "before"))
            {
                if (_line.IsHardStop(k) || _args.IsBoundary(k)) return null;
                continue;
            }
            // a unit of fixed length (Parley.Core Lexicon/Data/units.tsv): "days", "weeks", "a fortnight", "hours"
            if (!_r.Numbers.Units.TryGetValue(_line.Lower[k - 1], out var unit) || unit.Seconds is null) return null;
            var n = _r.Numbers.WholeNumber(_line.Lower[k - 2]);
            // "hours after" needs no count: it is the same day
            if (n is null && !unit.ShorterThanADay) return null;
            // the interval stands on its own before "after" (", a day after", "less than 24 hours after"), not as
            // the object of another word ("paused tariffs for 30 days after")
            var before = n is null ? k - 2 : k - 3;
            if (before >= 0 && !_args.IsBoundary(before) && _line.Lower[before] != "," && !_r.Words.Is(_line.Lower[before], "interval-hedge"))
                return null;
            var days = n is null ? 0 : unit.WholeDays(n.Value)!.Value;
            return (k, _line.Lower[k] == "after" ? -days : days);
        }
        return null;
    }

    /// <summary>The day of the event this sentence coded before the word at <paramref name="word"/>, dated to the day in its own clause.</summary>
    private DateOnly? MainClauseDay(int word)
    {
        var at = _ctx.SpanOf(word, word + 1).Start;
        foreach (var e in _story.Events)
        {
            if (e.SentenceIndex != _ctx.Sentence.Index || e.DateSource != DateSource.Explicit || e.Precision != TimeGranularity.Day || e.Date is null) continue;
            if (e.Evidence.Count == 0 || e.Evidence[0].Trigger.Start >= at) continue;
            if (DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                return day;
        }
        return null;
    }

    /// <summary>The participants of the story's latest event (this sentence or the two before) in which the source took no part.</summary>
    private List<Party> PartiesOfLatestEvent(List<Party> source)
    {
        for (var i = _story.Events.Count - 1; i >= 0; i--)
        {
            var e = _story.Events[i];
            if (_ctx.Sentence.Index - e.SentenceIndex > 2) break;
            if (e.Participants.Any(p => source.Any(s => s.Country == p.Country))) continue;
            return e.Participants.GroupBy(p => p.Country + "/" + p.Sector).Select(g => g.First()).ToList();
        }
        return [];
    }

    private List<Party> OtherPartyOfLatestEvent(List<Party> source, string[] kinds)
    {
        Party? domestic = null;
        for (var i = _story.Events.Count - 1; i >= 0; i--)
        {
            var e = _story.Events[i];
            if (!kinds.Any(k => k == "*" || e.Code.StartsWith(k, StringComparison.Ordinal))) continue;
            var other = e.Participants.Where(p => source.All(s => s.Country != p.Country)).ToList();
            if (other.Count > 0) return [other[0]];
            // "a government spokesman dismissed the strike": a domestic event's other side is of the same country
            domestic ??= e.Participants.FirstOrDefault(p => source.All(s => !s.SameActorAs(p)));
        }
        return domestic is null ? [] : [domestic];
    }

    /// <summary>True when a subordinating time word ("after", "before", "since", "when") opens the trigger's phrase, a few words before it.</summary>
    private bool InTimeClause(int start)
    {
        for (var k = start - 1; k >= Math.Max(0, start - 4); k--)
        {
            if (_r.Words.Is(_line.Lower[k], "subordinate-time")) return true;
            if (_args.IsBoundary(k) || _line.Lower[k] is "," or ";") return false;
        }
        return false;
    }

    private List<Party> ContinuedTarget(List<Party> source)
    {
        for (var i = _story.Events.Count - 1; i >= 0; i--)
        {
            var e = _story.Events[i];
            if (_ctx.Sentence.Index - e.SentenceIndex > 2) break;
            if (e.Target.Count > 0 && e.Source.Count > 0 && e.Source[0].Country == source[0].Country)
                return e.Target.Where(p => source.All(s => !s.SameActorAs(p))).ToList();
        }
        return [];
    }

    private IEnumerable<string> ReportedBy()
    {
        var paragraph = _ctx.Sentence.ParagraphIndex;
        return SourceNames.Collapse(_ctx.Document.Sources
            .Where(s => s.SentenceIndex == _ctx.Sentence.Index
                || (s.SentenceIndex >= 0 && s.SentenceIndex < _ctx.Document.Sentences.Count && _ctx.Document.Sentences[s.SentenceIndex].ParagraphIndex == paragraph))
            .Select(s => s.Name));
    }
}
