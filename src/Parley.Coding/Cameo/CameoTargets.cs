using Parley.Core.Data;

namespace Parley.Coding.Cameo;

/// <summary>
/// Which CAMEO root categories need a target actor (Cameo/Data/cameo-targets.tsv): a consultation,
/// criticism or attack whose addressee could not be found is an incomplete reading, not an event.
/// Immutable and thread-safe; <see cref="Default"/> loads the embedded file once.
/// </summary>
public sealed class CameoTargets
{
    private static readonly Lazy<CameoTargets> DefaultInstance = new(Load);
    private readonly HashSet<string> _directedRoots;

    private CameoTargets(HashSet<string> directedRoots) => _directedRoots = directedRoots;

    /// <summary>The table read from the embedded data file.</summary>
    public static CameoTargets Default => DefaultInstance.Value;

    /// <summary>True when an event coded <paramref name="code"/> must name whom it is directed at.</summary>
    public bool NeedsTarget(string code) => code.Length >= 2 && _directedRoots.Contains(code[..2]);

    /// <summary>Reads the embedded table.</summary>
    /// <exception cref="InvalidDataException">A row is malformed (code PARLEY-C003).</exception>
    public static CameoTargets Load()
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(typeof(CameoTargets).Assembly, "Cameo/Data/cameo-targets.tsv"))
        {
            var value = row["needs_target"];
            if (row["root"].Length != 2 || value is not ("yes" or "no"))
                throw new InvalidDataException($"PARLEY-C003: {row.File} line {row.Line}: expected a two-digit root and yes|no.");
            if (value == "yes") roots.Add(row["root"]);
        }
        return new CameoTargets(roots);
    }
}
