using Parley.Core.Data;

namespace Parley.Coding.Clauses;

/// <summary>The function words of Clauses/Data/function-words.tsv, grouped by role. Immutable and thread-safe.</summary>
public sealed class FunctionWords
{
    private readonly Dictionary<string, HashSet<string>> _byRole;

    private readonly Dictionary<string, string> _nounClasses;

    private FunctionWords(Dictionary<string, HashSet<string>> byRole, Dictionary<string, string> agents, Dictionary<string, string[]> anaphors,
        Dictionary<string, string> nounClasses)
    {
        _byRole = byRole;
        _nounClasses = nounClasses;
        DomesticAgents = agents;
        EventAnaphors = anaphors;
    }

    /// <summary>Domestic agents split into words, longest first, for matching on tokens.</summary>
    public IReadOnlyList<(string[] Words, string Name, string Sector)> DomesticAgentPhrases =>
        _agentPhrases ??= DomesticAgents.OrderByDescending(a => a.Key.Length).Select(a => (a.Key.Split(' '), a.Key, a.Value)).ToArray();

    /// <summary>The phrases of <paramref name="role"/> split into words, longest first.</summary>
    public IReadOnlyList<string[]> Phrases(string role) =>
        // Called for every token the coder looks at: a lock-free cache (a racing first call builds the same list twice, harmlessly).
        _phrases.GetOrAdd(role, r => this[r].OrderByDescending(p => p.Length).Select(p => p.Split(' ')).ToArray());

    /// <summary>Domestic agents indexed by their last word (for matching backwards from a token).</summary>
    public ILookup<string, (string[] Words, string Name, string Sector)> AgentsByLastWord => _byLast ??= DomesticAgentPhrases.ToLookup(a => a.Words[^1], StringComparer.Ordinal);

    /// <summary>Domestic agents indexed by their first word.</summary>
    public ILookup<string, (string[] Words, string Name, string Sector)> AgentsByFirstWord => _byFirst ??= DomesticAgentPhrases.ToLookup(a => a.Words[0], StringComparer.Ordinal);

    private ILookup<string, (string[] Words, string Name, string Sector)>? _byLast, _byFirst;
    private (string[] Words, string Name, string Sector)[]? _agentPhrases;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[][]> _phrases = new(StringComparer.Ordinal);

    /// <summary>Nouns that refer back to an event, with the code prefixes of the events they can name (Clauses/Data/event-anaphors.tsv).</summary>
    public IReadOnlyDictionary<string, string[]> EventAnaphors { get; }

    /// <summary>Groups named without their country ("riot police"), with their sector (Clauses/Data/domestic-agents.tsv).</summary>
    public IReadOnlyDictionary<string, string> DomesticAgents { get; }

    /// <summary>Reads the embedded list.</summary>
    public static FunctionWords Load()
    {
        var byRole = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(typeof(FunctionWords).Assembly, "Clauses/Data/function-words.tsv"))
        {
            if (!byRole.TryGetValue(row["role"], out var set)) byRole[row["role"]] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(row["word"]);
        }
        var agents = DataFile.ReadTsv(typeof(FunctionWords).Assembly, "Clauses/Data/domestic-agents.tsv")
            .ToDictionary(r => r["name"], r => r["sector"], StringComparer.Ordinal);
        var anaphors = DataFile.ReadTsv(typeof(FunctionWords).Assembly, "Clauses/Data/event-anaphors.tsv")
            .ToDictionary(r => r["noun"], r => r.List("codes"), StringComparer.Ordinal);
        var classes = DataFile.ReadTsv(typeof(FunctionWords).Assembly, "Clauses/Data/noun-classes.tsv")
            .ToDictionary(r => r["noun"], r => r["class"], StringComparer.Ordinal);
        return new FunctionWords(byRole, agents, anaphors, classes);
    }

    /// <summary>The semantic class of a common noun ("person" for "journalists", "missionaries", "group"), or null (Clauses/Data/noun-classes.tsv).</summary>
    public string? NounClass(string noun) => _nounClasses.GetValueOrDefault(noun);

    /// <summary>Words (and phrases) with <paramref name="role"/>.</summary>
    public IReadOnlySet<string> this[string role] => _byRole.GetValueOrDefault(role) ?? (IReadOnlySet<string>)new HashSet<string>();

    /// <summary>True when <paramref name="word"/> has <paramref name="role"/>.</summary>
    public bool Is(string word, string role) => _byRole.TryGetValue(role, out var set) && set.Contains(word);

    /// <summary>Every word named, for the lexicon.</summary>
    public IEnumerable<string> AllWords => _byRole.Values.SelectMany(s => s).Concat(DomesticAgents.Keys).SelectMany(w => w.Split(' '));
}
