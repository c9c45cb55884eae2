using Parley.Core.Data;

namespace Parley.Coding.Clauses;

/// <summary>The function words of Clauses/Data/function-words.tsv, grouped by role. Immutable and thread-safe.</summary>
public sealed class FunctionWords
{
    private readonly Dictionary<string, HashSet<string>> _byRole;

    private FunctionWords(Dictionary<string, HashSet<string>> byRole, Dictionary<string, string> agents, Dictionary<string, string[]> anaphors)
    {
        _byRole = byRole;
        DomesticAgents = agents;
        EventAnaphors = anaphors;
    }

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
        return new FunctionWords(byRole, agents, anaphors);
    }

    /// <summary>Words (and phrases) with <paramref name="role"/>.</summary>
    public IReadOnlySet<string> this[string role] => _byRole.GetValueOrDefault(role) ?? (IReadOnlySet<string>)new HashSet<string>();

    /// <summary>True when <paramref name="word"/> has <paramref name="role"/>.</summary>
    public bool Is(string word, string role) => _byRole.TryGetValue(role, out var set) && set.Contains(word);

    /// <summary>Every word named, for the lexicon.</summary>
    public IEnumerable<string> AllWords => _byRole.Values.SelectMany(s => s).Concat(DomesticAgents.Keys).SelectMany(w => w.Split(' '));
}
