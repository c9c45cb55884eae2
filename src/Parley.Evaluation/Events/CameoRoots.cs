using Parley.Core.Data;

namespace Parley.Evaluation.Events;

/// <summary>The twenty CAMEO root categories and their labels (Events/Data/cameo-roots.tsv).</summary>
public static class CameoRoots
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Labels = new(() =>
        DataFile.ReadTsv(typeof(CameoRoots).Assembly, "Events/Data/cameo-roots.tsv")
            .ToDictionary(row => row["root"], row => row["label"]));

    /// <summary>All root codes in order, "01" to "20".</summary>
    public static IReadOnlyList<string> All => Labels.Value.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The root of a CAMEO code: its first two characters ("0841" -> "08"); "??" when
    /// the code is shorter than two characters.</summary>
    public static string RootOf(string code) => code.Length >= 2 ? code[..2] : "??";

    /// <summary>The label of a root ("14" -> "protest"), or "unknown".</summary>
    public static string Label(string root) => Labels.Value.TryGetValue(root, out var label) ? label : "unknown";
}
