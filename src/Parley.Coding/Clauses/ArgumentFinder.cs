using Parley.Coding.Events;
using Parley.Core.Model;

namespace Parley.Coding.Clauses;

/// <summary>Story-level memory the clause reader needs across sentences of one document.</summary>
internal sealed class StoryState
{
    /// <summary>The two parties of the latest bilateral event: what "their", "both sides" refer to.</summary>
    public (Party A, Party B)? Dyad { get; set; }

    /// <summary>The latest person (or other actor) in subject position: what "he" or "she" refers to.</summary>
    public Party? LastSubject { get; set; }
}

/// <summary>
/// Finds an event's source and target in one sentence by word order and function words: the subject
/// before the verb within the clause (conjoined subjects, "who" relatives, pronouns, "their"), the object
/// after it ("with X", "on X", direct objects; never "in X"), possessors of event nouns ("China's
/// pledge", "the leaders' talks"), the agent of a passive ("by X"). When a parser has filled
/// <see cref="Token.Head"/> the word-order reading still applies: it is robust on news prose.
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
    }

    /// <summary>Token positions where another trigger starts: object search stops there.</summary>
    public HashSet<int> TriggerStarts { get; } = [];

    public bool IsBoundary(int i) => _words.Is(_lower[i], "boundary");

    public bool IsPreposition(int i) =>
        _words.Is(_lower[i], "target-prep") || _words.Is(_lower[i], "block-prep") || _words.Is(_lower[i], "agent-prep") || _lower[i] == "of";

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
        // "Trump accepted ... and extended ...": a conjoined predicate shares the first one's subject.
        var k = pos - 1;
        while (k >= 0 && IsAdverbial(k)) k--;
        if (k >= 0 && _words.Is(_lower[k], "and") && previousSubject is { Count: > 0 }) return previousSubject;

        for (var j = pos - 1; j >= 0; j--)
        {
            if (IsBoundary(j))
            {
                if (_lower[j] is "who" or "which")
                {
                    var a = j - 1;
                    if (a >= 0 && _lower[a] == ",") a--;
                    if (a >= 0 && _ctx.ActorAt[a] is { } antecedent) return Conjoined(antecedent);
                }
                break;
            }
            if (_ctx.ActorAt[j] is { } placed)
            {
                var s = placed.Start;
                var e = placed.End;
                var inPhrase = s > 0 && IsPreposition(s - 1) && !(e < _lower.Length && _lower[e].EndsWith("ing", StringComparison.Ordinal));
                var possessed = _ctx.Line.Possessive[e - 1] && !PossessorHeadsSubject(e, pos);
                if (inPhrase || possessed)
                {
                    j = s;
                    continue;
                }
                return Conjoined(placed);
            }
            if (_words.Is(_lower[j], "pronoun") && _lower[j] is "he" or "she") return Pronoun(j);
            if (PluralAnaphorEndingAt(j, subject: true) && _story.Dyad is { } dyad) return [dyad.A, dyad.B];
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
                }
            }
        }
        return [];
    }

    /// <summary>The target after a trigger ending at <paramref name="end"/>: direct object or "with/to/on/against X".</summary>
    public List<Party> FindObject(int end, bool noun, int? limit = null, bool withOnly = false)
    {
        if (withOnly) return FindWith(end);
        var stop = Math.Min(limit ?? ClauseEnd(end), end + MaxObjectDistance);
        var blocked = false;
        for (var j = end; j < stop; j++)
        {
            if (IsBoundary(j) || _lower[j] == "," || (j != end && TriggerStarts.Contains(j))) break;
            var w = _lower[j];
            if (_words.Is(w, "target-prep") || (noun && w == "of")) { blocked = false; continue; }
            if (_words.Is(w, "block-prep") || _words.Is(w, "agent-prep") || w == "of") { blocked = true; continue; }
            if (_ctx.ActorAt[j] is { } placed)
            {
                if (!blocked) return ConjoinedRight(placed);
                j = placed.End - 1;
            }
        }
        return [];
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
                if (PluralAnaphorEndingAt(j - 1, subject: false) && _story.Dyad is { } d) return [d.A, d.B];
                continue;
            }
            if (_ctx.Line.Possessive[j] && PluralAnaphorEndingAt(j, subject: false) && _story.Dyad is { } d2) return [d2.A, d2.B];
            if (w == "their") return _story.Dyad is { } d3 ? [d3.A, d3.B] : [];
            if (w is "his" or "her") return Pronoun(j);
            if (_words.Is(w, "determiner") || IsPreposition(j) || IsBoundary(j) || w is "," or ";" or ":" or "." || _words.Is(w, "and")) return [];
        }
        return [];
    }

    /// <summary>A light verb governing the noun at <paramref name="start"/> ("held a very good phone call"), or -1.</summary>
    public int FindLightVerb(int start)
    {
        for (var j = start - 1; j >= Math.Max(0, start - 6); j--)
        {
            if (_ctx.ActorAt[j] is { } placed)
            {
                if (!_ctx.Line.Possessive[placed.End - 1]) return -1;
                j = placed.Start;
                continue;
            }
            if (_words["light-verb"].Any(v => _ctx.Line.Is(j, v)) && !_words.Is(_lower[j], "determiner")) return j;
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
            if (_words["light-verb"].Any(v => _ctx.Line.Is(j, v))) return true;
            if (IsPreposition(j)) return true;
            if (IsBoundary(j) || w is "," or ";" or ":" || _words.Is(w, "and") || _words.Is(w, "be")) return false;
        }
        return false;
    }

    /// <summary>True when the trigger at <paramref name="pos"/> is a passive participle after a form of "be".</summary>
    public bool IsPassive(int pos)
    {
        var w = _lower[pos];
        var participle = w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal)
            || (_ctx.Line.Lemmas[pos].Length > 0 && !_ctx.Line.Lemmas[pos].Contains(w) && !w.EndsWith('s'));
        if (!participle) return false;
        var k = pos - 1;
        while (k >= 0 && IsAdverbial(k)) k--;
        return k >= 0 && _words.Is(_lower[k], "be") && _lower[k] is not ("be");
    }

    /// <summary>Any actor of the sentence from another country than <paramref name="source"/>, nearest after <paramref name="pos"/> first.</summary>
    public List<Party> OtherActor(IReadOnlyList<Party> source, int pos)
    {
        bool Other(Placed<ActorMention> p) => source.All(s => s.Country != p.Mention.Country);
        var after = _ctx.Actors.Where(p => p.Start >= pos && Other(p)).OrderBy(p => p.Start).FirstOrDefault();
        var before = _ctx.Actors.Where(p => p.End <= pos && Other(p)).OrderByDescending(p => p.Start).FirstOrDefault();
        var pick = after ?? before;
        return pick is null ? [] : [Party.From(pick.Mention)];
    }

    /// <summary>Remembers the first subject-like actor of the sentence for later pronouns.</summary>
    public void RememberSubject()
    {
        foreach (var placed in _ctx.Actors)
        {
            var inPhrase = placed.Start > 0 && IsPreposition(placed.Start - 1);
            if (inPhrase || _ctx.Line.Possessive[placed.End - 1]) continue;
            if (placed.Mention.Kind is ActorKind.Person or ActorKind.Description or ActorKind.Pronoun)
            {
                _story.LastSubject = Party.From(placed.Mention);
                return;
            }
        }
    }

    private bool IsAdverbial(int k)
    {
        var w = _lower[k];
        return w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 3 && _ctx.ActorAt[k] is null
            || w is "also" or "then" or "later" or "still" or "again" or "reportedly" or "allegedly" or "\"" or "'";
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

    private bool PluralAnaphorEndingAt(int j, bool subject)
    {
        if (j < 0) return false;
        foreach (var phrase in _words["plural-anaphor"])
        {
            if (subject && phrase is "their" or "them") continue;
            if (!subject && phrase is "they" or "them") continue;
            var parts = phrase.Split(' ');
            var first = j - parts.Length + 1;
            if (first < 0) continue;
            var ok = true;
            for (var p = 0; p < parts.Length && ok; p++) ok = _lower[first + p] == parts[p];
            if (ok) return true;
        }
        return false;
    }

    private List<Party> Pronoun(int j)
    {
        Placed<ActorMention>? best = null;
        foreach (var placed in _ctx.Actors)
        {
            if (placed.End > j) break;
            var inPhrase = placed.Start > 0 && IsPreposition(placed.Start - 1);
            if (inPhrase || _ctx.Line.Possessive[placed.End - 1]) continue;
            if (best is null || placed.Mention.Kind == ActorKind.Person || best.Mention.Kind != ActorKind.Person) best = placed;
        }
        if (best is not null) return [Party.From(best.Mention)];
        return _story.LastSubject is { } last ? [last] : [];
    }

    private List<Party> Conjoined(Placed<ActorMention> placed)
    {
        var parties = new List<Party> { Party.From(placed.Mention) };
        var j = placed.Start - 1;
        while (j >= 1 && (_words.Is(_lower[j], "and") || _lower[j] == ",") && _ctx.ActorAt[j - 1] is { } before)
        {
            parties.Insert(0, Party.From(before.Mention));
            j = before.Start - 1;
        }
        return Distinct(parties);
    }

    private List<Party> ConjoinedRight(Placed<ActorMention> placed)
    {
        var parties = new List<Party> { Party.From(placed.Mention) };
        var j = placed.End;
        while (j + 1 < _lower.Length && (_words.Is(_lower[j], "and") || _lower[j] == ",") && _ctx.ActorAt[j + 1] is { } next)
        {
            parties.Add(Party.From(next.Mention));
            j = next.End;
        }
        return Distinct(parties);
    }

    private static List<Party> Distinct(List<Party> parties) =>
        parties.GroupBy(p => p.Country + "/" + p.Sector).Select(g => g.First()).ToList();
}
