using Parley.Coding.Events;
using Parley.Core.Model;

namespace Parley.Coding.Clauses;

/// <summary>
/// Reads a trigger verb's actors from the dependency parse (<see cref="Token.Head"/>, <see cref="Token.Relation"/>)
/// when a parser ran: the subject is the verb's <c>nsubj</c> (or its governing verb's, through <c>xcomp</c>/<c>conj</c>),
/// a passive's target is its <c>nsubj:pass</c> and its source the <c>obl:agent</c>, the object is <c>obj</c>/<c>iobj</c>
/// or a "with X" <c>obl</c>; conjoined actors follow <c>conj</c>. Every method returns an empty list when there is
/// no parse or the parse names no actor, so the word-order reading (<see cref="ArgumentFinder"/>) stays the fallback.
/// </summary>
internal sealed class ParseRoles
{
    private readonly SentenceContext _ctx;
    private readonly int[] _head;          // sentence-local head, -1 root or outside the sentence
    private readonly string[] _rel;
    private readonly List<int>[] _children;
    private static readonly List<int> NoChildren = [];

    public ParseRoles(SentenceContext ctx)
    {
        _ctx = ctx;
        var tokens = ctx.Line.Tokens;
        var n = tokens.Length;
        _head = new int[n];
        _rel = new string[n];
        _children = new List<int>[n];
        // most tokens have no dependents: they share one empty list, never added to
        Array.Fill(_children, NoChildren);
        var first = n > 0 ? tokens[0].Index : 0;
        for (var i = 0; i < n; i++)
        {
            if (tokens[i].Head is not { } h || tokens[i].Relation is not { } r)
            {
                Available = false;
                return;
            }
            var local = h - first;
            _head[i] = local >= 0 && local < n && local != i ? local : -1;
            _rel[i] = r;
            if (_head[i] < 0) continue;
            if (ReferenceEquals(_children[_head[i]], NoChildren)) _children[_head[i]] = [];
            _children[_head[i]].Add(i);
        }
        Available = n > 0;
    }

    /// <summary>True when every token of the sentence carries a head and a relation.</summary>
    public bool Available { get; }

    /// <summary>The subject of the verb at <paramref name="verb"/>, climbing through xcomp and conj to the governing verb.</summary>
    public List<Party> Subject(int verb) => SubjectHead(verb) is var head and >= 0 ? Actors(head) : [];

    /// <summary>
    /// The token heading the subject of <paramref name="verb"/> (climbing like <see cref="Subject"/>), or -1: lets the
    /// caller read a subject that names no actor ("protesters said", "Yoon's lawyers said").
    /// </summary>
    public int SubjectHead(int verb)
    {
        if (!Available) return -1;
        var v = verb;
        for (var hops = 0; hops < 4 && v >= 0; hops++)
        {
            var subjects = _children[v].Where(c => _rel[c] is "nsubj" or "csubj").ToList();
            if (subjects.Count > 0) return subjects[0];
            // "pledged to resume", "met Xi and signed": the controlling or first conjoined verb's subject
            if (_rel[v] is not ("xcomp" or "conj")) break;
            if (_rel[v] == "conj" && StrandedSubject(_head[v], v) is var stranded and >= 0) return stranded;
            if (_rel[v] == "conj" && ParallelParticiple(_head[v], v) is var parallel and >= 0)
            {
                v = parallel;
                continue;
            }
            v = _head[v];
        }
        return -1;
    }

    /// <summary>
    /// A nominal the parse conjoined to verb <paramref name="governor"/> between it and its conjoined verb
    /// <paramref name="verb"/>, or -1: "Spain sent rescuers on Sunday, and a British team arrived on Monday" read as
    /// team = conj(sent). UD never conjoins a noun to a verb, so the noun is the second clause's own subject,
    /// which the parser lost; the first verb's subject is not inherited across it.
    /// </summary>
    /// <remarks>
    /// Likewise a verb "conjoined" with no coordinator or comma before it, right after a noun: "cut ties with
    /// Iran after protesters stormed its embassy" read as stormed = conj(cut) and "after protesters" as an
    /// oblique. A coordination has a coordinator or a comma; without one the noun before the verb is its subject.
    /// </remarks>
    private int StrandedSubject(int governor, int verb)
    {
        if (governor < 0 || governor > verb || _ctx.Line.Tokens[governor].Upos != "VERB") return -1;
        var found = -1;
        foreach (var c in _children[governor])
        {
            if (c > governor && c < verb && _rel[c] == "conj" && IsNominal(c)) found = c;
        }
        if (found >= 0) return found;
        var coordinated = _children[verb].Any(c => c < verb && _rel[c] is "cc" or "punct");
        var before = verb - 1;
        return !coordinated && before > governor && IsNominal(before) && !Within(before, verb) ? before : -1;
    }

    /// <summary>
    /// For an -ing participle <paramref name="verb"/> the parse conjoined to a finite verb <paramref name="governor"/>,
    /// the participle it is really coordinated with, or -1: coordination joins like forms, so in "saying the region did
    /// not need blocs and warning Manila" or "with Xi describing reunification as a priority and urging Washington"
    /// the second participle belongs with the nearest participle before it on the governor's path (saying, describing),
    /// whose subject it shares, not with the finite verb whose subject it would otherwise take.
    /// </summary>
    private int ParallelParticiple(int governor, int verb)
    {
        var tokens = _ctx.Line.Tokens;
        if (governor < 0 || tokens[verb].Xpos != "VBG" || _children[verb].Any(c => _rel[c] is "aux" or "aux:pass")) return -1;
        var finite = tokens[governor].Xpos is "VBD" or "VBZ" or "VBP" || _children[governor].Any(c => _rel[c] == "aux" && tokens[c].Xpos is "VBD" or "VBZ" or "VBP" or "MD");
        if (!finite) return -1;
        // The governor's own participle dependents before the verb ("describing" under "featured"), nearest first ...
        foreach (var c in _children[governor].Where(c => c < verb).OrderByDescending(c => c))
            if (tokens[c].Xpos == "VBG" && _rel[c] is "advcl" or "acl" or "xcomp") return c;
        // ... else the nearest participle the governor hangs under ("need" under "saying").
        for (var (g, hops) = (_head[governor], 0); g >= 0 && hops < 3; g = _head[g], hops++)
            if (tokens[g].Xpos == "VBG" && g < verb) return g;
        return -1;
    }

    private bool IsNominal(int token) => _ctx.Line.Tokens[token].Upos is "NOUN" or "PROPN" or "PRON";

    /// <summary>Whether <paramref name="token"/> lies in the subtree of <paramref name="root"/>.</summary>
    private bool Within(int token, int root)
    {
        for (var (t, hops) = (token, 0); t >= 0 && hops < 64; t = _head[t], hops++)
            if (t == root) return true;
        return false;
    }

    /// <summary>The actor a noun's possessive modifier names ("Yoon's lawyers", "the IMF's board"), or null.</summary>
    public Party? Possessor(int noun)
    {
        if (!Available) return null;
        foreach (var c in _children[noun])
        {
            if (_rel[c] == "nmod:poss" && _ctx.ActorAt[c] is { } placed) return Party.From(placed.Mention);
        }
        return null;
    }

    /// <summary>The token heading what <paramref name="verb"/> acts on (its object or passive subject), or -1.</summary>
    public int PatientHead(int verb)
    {
        if (!Available) return -1;
        foreach (var c in _children[verb])
            if (_rel[c] is "obj" or "nsubj:pass") return c;
        return -1;
    }

    /// <summary>The passive subject of <paramref name="verb"/>: what the act was done to.</summary>
    public List<Party> PassiveSubject(int verb) =>
        Available ? _children[verb].Where(c => _rel[c] == "nsubj:pass").Select(Actors).FirstOrDefault() ?? [] : [];

    /// <summary>The "by X" agent of a passive <paramref name="verb"/>.</summary>
    public List<Party> Agent(int verb) =>
        Available ? _children[verb].Where(c => _rel[c] == "obl:agent").Select(Actors).FirstOrDefault(a => a.Count > 0) ?? [] : [];

    /// <summary>The direct or indirect object of <paramref name="verb"/>, or its "with X" partner.</summary>
    /// <param name="verb">The trigger verb.</param>
    /// <param name="withOnly">Only the "with X" partner counts (a consultation's direct object is its topic).</param>
    public List<Party> Object(int verb, bool withOnly)
    {
        if (!Available) return [];
        foreach (var c in _children[verb].Where(c => !withOnly && _rel[c] is "iobj" or "obj"))
        {
            var a = Actors(c);
            if (a.Count > 0) return a;
        }
        foreach (var c in _children[verb].Where(c => _rel[c] == "obl" && IsWith(c)))
        {
            var a = Actors(c);
            if (a.Count > 0) return a;
        }
        // UD attaches the partner to the noun it qualifies: "attend (the round of) talks with the United States".
        foreach (var c in _children[verb].Where(c => _rel[c] == "obj"))
        {
            if (WithModifier(c, depth: 2) is { Count: > 0 } a) return a;
        }
        return [];
    }

    /// <summary>Whether nominal <paramref name="i"/> is introduced by "with".</summary>
    private bool IsWith(int i) => _children[i].Any(k => _rel[k] == "case" && _ctx.Line.Lower[k] == "with");

    /// <summary>The actor of a "with X" modifier of noun <paramref name="noun"/> or of its nominal modifiers, <paramref name="depth"/> levels down.</summary>
    private List<Party>? WithModifier(int noun, int depth)
    {
        foreach (var c in _children[noun].Where(c => _rel[c] == "nmod"))
        {
            if (IsWith(c) && Actors(c) is { Count: > 0 } a) return a;
            if (depth > 1 && WithModifier(c, depth - 1) is { Count: > 0 } deeper) return deeper;
        }
        return null;
    }

    /// <summary>The actor a nominal head names, and those conjoined with it ("the US and China").</summary>
    private List<Party> Actors(int head)
    {
        var parties = new List<Party>();
        if (ActorOf(head) is { } a) parties.Add(a);
        else return [];
        foreach (var c in _children[head].Where(c => _rel[c] == "conj"))
        {
            if (ActorOf(c) is { } b && parties.All(p => p.Country + "/" + p.Sector != b.Country + "/" + b.Sector)) parties.Add(b);
        }
        return parties;
    }

    /// <summary>The actor mention covering a nominal head, or one of its name parts ("Foreign Minister Wang Yi").</summary>
    private Party? ActorOf(int i)
    {
        if (_ctx.ActorAt[i] is { } placed && !_ctx.Line.Possessive[placed.End - 1]) return Party.From(placed.Mention);
        foreach (var c in _children[i].Where(c => _rel[c] is "compound" or "flat" or "appos"))
        {
            if (_ctx.ActorAt[c] is { } part && !_ctx.Line.Possessive[part.End - 1]) return Party.From(part.Mention);
        }
        return null;
    }
}
