using Parley.Core.Data;
using Parley.Core.Model;

namespace Parley.Coding.Plover;

/// <summary>The CAMEO to PLOVER 2.0 mapping read from Plover/Data/cameo-plover.tsv.</summary>
public static class PloverMapping
{
    /// <summary>The sixteen PLOVER 2.0 event types.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    };

    /// <summary>Reads the mapping: CAMEO code to PLOVER type and mode.</summary>
    /// <exception cref="InvalidDataException">A row names a type that PLOVER 2.0 does not have (code PARLEY-C003).</exception>
    public static Dictionary<string, PloverType> Load()
    {
        var map = new Dictionary<string, PloverType>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(typeof(PloverMapping).Assembly, "Plover/Data/cameo-plover.tsv"))
        {
            var type = row["type"];
            if (!Types.Contains(type))
                throw new InvalidDataException($"PARLEY-C003: {row.File} line {row.Line}: '{type}' is not a PLOVER 2.0 event type.");
            var mode = row["mode"];
            map[row["cameo"]] = new PloverType(type, mode.Length == 0 ? null : mode);
        }
        return map;
    }
}
