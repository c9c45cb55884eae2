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
    private readonly Dictionary<string, EventPattern[]> _byFirstWord;

    private PatternDictionary(IReadOnlyList<EventPattern> patterns)
    {
        Patterns = patterns;
        _byFirstWord = patterns
            .SelectMany(p => p.Pattern.FirstWords.Select(w => (w, p)))
            .GroupBy(x => x.w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.p).Distinct().ToArray(), StringComparer.Ordinal);
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
            patterns.Add(new EventPattern(code, kind, pattern, flags.Contains("pair"), flags.Contains("fallback"), row.Line, flags.Contains("with"), flags.Contains("verdict")));
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
        // A pattern can be reached through the word and through its lemmas: try it once. The candidate lists are
        // short, so a reference search beats a hash set (a record's hash walks all its fields) at every token.
        var lemmas = line.Lemmas[start];
        EventPattern[]? first = null;
        List<EventPattern[]>? earlier = null;
        for (var k = -1; k < lemmas.Length; k++)
        {
            if (!_byFirstWord.TryGetValue(k < 0 ? line.Lower[start] : lemmas[k], out var candidates)) continue;
            foreach (var pattern in candidates)
            {
                if (first is not null && TriedBefore(first, earlier, pattern)) continue;
                var tokens = pattern.Pattern.Match(line, start, line.Count);
                if (tokens is not null) found.Add(new PatternMatch(pattern, tokens));
            }
            if (first is null) first = candidates;
            else (earlier ??= []).Add(candidates);
        }
    }

    private static bool TriedBefore(EventPattern[] first, List<EventPattern[]>? earlier, EventPattern pattern)
    {
        if (Holds(first, pattern)) return true;
        if (earlier is null) return false;
        foreach (var list in earlier)
            if (Holds(list, pattern)) return true;
        return false;
    }

    private static bool Holds(EventPattern[] list, EventPattern pattern)
    {
        foreach (var tried in list)
            if (ReferenceEquals(tried, pattern)) return true;
        return false;
    }
}
