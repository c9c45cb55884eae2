using Parley.Coding.Cameo;
using Parley.Core.Data;

namespace Parley.Coding.Patterns;

/// <summary>
/// The trigger dictionary (Patterns/Data/verbs.tsv) compiled and indexed by the words that open a
/// match, with the <see cref="Lexicon"/> of every inflection it needs. Immutable and thread-safe.
/// </summary>
public sealed class PatternDictionary
{
    private static readonly Lazy<PatternDictionary> DefaultInstance = new(() => Load(CameoCodebook.Default));
    // each word that opens a pattern: the patterns it opens, each with the phrases of its first segment the word opens
    private readonly Dictionary<string, Opening[]> _byFirstWord;

    /// <summary>
    /// A pattern a word opens, with the phrases of the pattern's first segment that the word opens. Where each of
    /// those phrases needs a second word right after the opening one, <paramref name="Follows"/> holds that word's
    /// entry id in the lexicon the opening was made for (<see cref="OpeningsFor"/>), else null.
    /// </summary>
    internal readonly record struct Opening(EventPattern Pattern, int[] Phrases, int[]? Follows = null);

    /// <summary>
    /// Each word that opens a pattern, with the patterns it opens and, where it applies, the word each opened phrase
    /// needs next as an entry id of <paramref name="lexicon"/> (for <see cref="Lexicon.Attach"/>; the dictionary itself is unchanged).
    /// </summary>
    internal IEnumerable<KeyValuePair<string, Opening[]>> OpeningsFor(Lexicon lexicon) =>
        _byFirstWord.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Select(o => o with { Follows = Following(o, kv.Key, lexicon) }).ToArray()));

    // the entry id of the second word of each phrase, when every phrase opens with the word itself (required, unsplit)
    // and needs a second required word right after it; else null
    private static int[]? Following(Opening opening, string word, Lexicon lexicon)
    {
        var ids = new int[opening.Phrases.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var phrase = opening.Pattern.Pattern.Segments[0][opening.Phrases[i]];
            if (phrase.Length < 2 || phrase[0].Optional || phrase[0].Parts is not null || phrase[0].Word != word
                || phrase[1].Optional || phrase[1].Parts is not null || lexicon.Find(phrase[1].Word) is not { } next) return null;
            ids[i] = next.Id;
        }
        return ids;
    }

    /// <summary>
    /// False when no phrase of <paramref name="opening"/> can match at <paramref name="start"/>: each needs its second
    /// word next and the next token is not that word in any of its forms (by entry, so nothing is hashed or compared).
    /// </summary>
    private static bool MayMatch(TokenLine line, int start, Opening opening)
    {
        if (opening.Follows is not { } follows) return true;
        var next = start + 1;
        if (next >= line.Count) return false;
        var entry = line.Entries[next];
        var lemmas = line.LemmaEntries[next];
        foreach (var id in follows)
        {
            if (entry?.Id == id) return true;
            foreach (var lemma in lemmas)
                if (lemma?.Id == id) return true;
        }
        return false;
    }

    private PatternDictionary(IReadOnlyList<EventPattern> patterns)
    {
        Patterns = patterns;
        _byFirstWord = patterns
            .SelectMany(p => p.Pattern.FirstWords.Select(w => (w, p)))
            .GroupBy(x => x.w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.p).Distinct().Select(p => new Opening(p, p.Pattern.FirstOpenings(g.Key))).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The dictionary read from the embedded data file.</summary>
    public static PatternDictionary Default => DefaultInstance.Value;

    /// <summary>Every pattern, in file order.</summary>
    public IReadOnlyList<EventPattern> Patterns { get; }

    /// <summary>Reads the embedded dictionary, checking every code against <paramref name="codebook"/>.</summary>
    /// <remarks>A row coded <see cref="EventPattern.NoEvent"/> ("-") matches words that are not an event
    /// ("hit by the earthquake", "fight the case"): it takes its words so that no shorter pattern codes them.</remarks>
    /// <exception cref="InvalidDataException">A row names an unknown code or kind (code PARLEY-C011).</exception>
    public static PatternDictionary Load(CameoCodebook codebook)
    {
        var patterns = new List<EventPattern>();
        foreach (var row in DataFile.ReadTsv(typeof(PatternDictionary).Assembly, "Patterns/Data/verbs.tsv"))
        {
            var code = row["code"];
            if (code != EventPattern.NoEvent && !codebook.Contains(code))
                throw new InvalidDataException($"PARLEY-C011: {row.File} line {row.Line}: '{code}' is not a CAMEO code.");
            var kind = row["kind"] switch
            {
                "V" => TriggerKind.Verb,
                "N" => TriggerKind.Noun,
                var k => throw new InvalidDataException($"PARLEY-C011: {row.File} line {row.Line}: kind '{k}' is neither V nor N."),
            };
            var flags = row.List("flags").Select(f => f.Split(','))
                .SelectMany(f => f).Select(f => f.Trim()).ToHashSet(StringComparer.Ordinal);
            WordPattern pattern;
            try { pattern = WordPattern.Parse(row["pattern"]); }
            catch (FormatException e) { throw new InvalidDataException($"{row.File} line {row.Line}: {e.Message}", e); }
            patterns.Add(new EventPattern(code, kind, pattern, flags.Contains("pair"), flags.Contains("fallback"), row.Line, flags.Contains("with"), flags.Contains("verdict"), flags.Contains("owner")));
        }
        return new PatternDictionary(patterns);
    }

    /// <summary>Every pattern matching at token <paramref name="start"/> of <paramref name="line"/>.</summary>
    public IEnumerable<PatternMatch> MatchesAt(TokenLine line, int start)
    {
        var found = new List<PatternMatch>();
        AddMatchesAt(line, start, found);
        return found;
    }

    /// <summary>Adds every pattern matching at token <paramref name="start"/> of <paramref name="line"/> to <paramref name="found"/>,
    /// in the order of <see cref="MatchesAt"/>; called for every token, so it allocates nothing when no pattern opens there.</summary>
    internal void AddMatchesAt(TokenLine line, int start, List<PatternMatch> found)
    {
        // The word and each of its lemmas can open patterns; most often only one of them does.
        var lemmas = line.Lemmas[start];
        // the token's entries already hold what each of its forms opens, when the line was read with this dictionary's lexicon
        var attached = ReferenceEquals(line.Lexicon.Patterns, this);
        var entries = line.LemmaEntries[start];
        Opening[]? only = null;
        List<Opening[]>? several = null;
        for (var k = -1; k < lemmas.Length; k++)
        {
            Opening[]? candidates;
            if (attached) candidates = (k < 0 ? line.Entries[start] : entries[k])?.Patterns;
            else _byFirstWord.TryGetValue(k < 0 ? line.Lower[start] : lemmas[k], out candidates);
            if (candidates is null || ReferenceEquals(candidates, only)) continue;
            if (only is null) only = candidates;
            else if (several is null) several = [only, candidates];
            else if (!several.Contains(candidates)) several.Add(candidates);
        }
        if (several is null)
        {
            if (only is null) return;
            foreach (var opening in only)
            {
                if (attached && !MayMatch(line, start, opening)) continue;
                Add(found, opening.Pattern, opening.Pattern.Pattern.MatchOpening(line, start, line.Count, opening.Phrases));
            }
            return;
        }
        // A pattern reached through several forms is tried once, where first reached, and matched afresh so that
        // it opens with every phrase any of the forms opens. The lists are short, so a reference search beats a
        // hash set (a record's hash walks all its fields).
        for (var i = 0; i < several.Count; i++)
        {
            foreach (var opening in several[i])
            {
                var pattern = opening.Pattern;
                if (HeldBy(several, 0, i, pattern)) continue;
                int[]? tokens;
                if (HeldBy(several, i + 1, several.Count, pattern)) tokens = pattern.Pattern.Match(line, start, line.Count);
                else if (attached && !MayMatch(line, start, opening)) continue;
                else tokens = pattern.Pattern.MatchOpening(line, start, line.Count, opening.Phrases);
                Add(found, pattern, tokens);
            }
        }
    }

    private static void Add(List<PatternMatch> found, EventPattern pattern, int[]? tokens)
    {
        if (tokens is not null) found.Add(new PatternMatch(pattern, tokens));
    }

    private static bool HeldBy(List<Opening[]> lists, int from, int to, EventPattern pattern)
    {
        for (var i = from; i < to; i++)
            foreach (var opening in lists[i])
                if (ReferenceEquals(opening.Pattern, pattern)) return true;
        return false;
    }
}
