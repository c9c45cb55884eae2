using Parley.Core.Data;

namespace Parley.Coding.Status;

/// <summary>
/// How a pledge, threat, refusal, appeal or demand changes the code of the event it governs
/// (Status/Data/derived-codes.tsv): "pledged to resume purchases" 061 -> 0311. Immutable and thread-safe.
/// </summary>
public sealed class DerivedCodes
{
    private readonly Dictionary<string, List<(string From, string To)>> _rules;

    private DerivedCodes(Dictionary<string, List<(string, string)>> rules) => _rules = rules;

    /// <summary>Reads the embedded rules.</summary>
    public static DerivedCodes Load()
    {
        var rules = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(typeof(DerivedCodes).Assembly, "Status/Data/derived-codes.tsv"))
        {
            if (!rules.TryGetValue(row["derive"], out var list)) rules[row["derive"]] = list = [];
            list.Add((row["from"], row["to"]));
        }
        return new DerivedCodes(rules);
    }

    /// <summary>The code for <paramref name="code"/> under <paramref name="derive"/>; the code itself when no rule applies.</summary>
    public string Derive(string derive, string code)
    {
        if (!_rules.TryGetValue(derive, out var rules)) return code;
        string? best = null;
        var bestLength = -1;
        foreach (var (from, to) in rules)
        {
            if (code.StartsWith(from, StringComparison.Ordinal) && from.Length > bestLength)
            {
                best = to;
                bestLength = from.Length;
            }
        }
        return best is null or "=" ? code : best;
    }
}
