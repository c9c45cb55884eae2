using System.Globalization;
using Parley.Coding.Plover;
using Parley.Core.Data;
using Parley.Core.Model;

namespace Parley.Coding.Cameo;

/// <summary>
/// The CAMEO 1.1b3 codebook (Cameo/Data/cameo-codebook.tsv) joined with the PLOVER 2.0 mapping
/// (Plover/Data/cameo-plover.tsv): label, Goldstein score, quad class and PLOVER type of every code.
/// Immutable and thread-safe; <see cref="Default"/> loads the embedded files once.
/// </summary>
public sealed class CameoCodebook
{
    private static readonly Lazy<CameoCodebook> DefaultInstance = new(Load);
    private readonly Dictionary<string, CameoCode> _codes;

    private CameoCodebook(Dictionary<string, CameoCode> codes) => _codes = codes;

    /// <summary>The codebook read from the embedded data files.</summary>
    public static CameoCodebook Default => DefaultInstance.Value;

    /// <summary>Every code, in file order.</summary>
    public IReadOnlyCollection<CameoCode> Codes => _codes.Values;

    /// <summary>The entry for <paramref name="code"/>, or null when the codebook has no such code.</summary>
    public CameoCode? Lookup(string code) => _codes.GetValueOrDefault(code);

    /// <summary>True when <paramref name="code"/> is in the codebook.</summary>
    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>
    /// True for codes whose two sides act jointly, so that "A met B" and "B met A" are the same event:
    /// talks, calls, negotiations, agreements, cooperation, ceasefires, clashes.
    /// </summary>
    public static bool IsSymmetric(string code) =>
        (code.StartsWith("04", StringComparison.Ordinal) && code is not ("042" or "043" or "045"))
        || code.StartsWith("057", StringComparison.Ordinal)
        || code.StartsWith("06", StringComparison.Ordinal)
        || code.StartsWith("0871", StringComparison.Ordinal)
        || code is "190" or "193" or "194";

    /// <summary>Reads the embedded codebook and PLOVER mapping.</summary>
    /// <exception cref="InvalidDataException">A row is malformed (code PARLEY-C001) or a code lacks a PLOVER type (PARLEY-C002).</exception>
    public static CameoCodebook Load()
    {
        var assembly = typeof(CameoCodebook).Assembly;
        var plover = PloverMapping.Load();
        var codes = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        foreach (var row in DataFile.ReadTsv(assembly, "Cameo/Data/cameo-codebook.tsv"))
        {
            var code = row["code"];
            if (!double.TryParse(row["goldstein"], NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein)
                || !int.TryParse(row["quad"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quad))
                throw new InvalidDataException($"PARLEY-C001: {row.File} line {row.Line}: code '{code}' has a bad goldstein or quad value.");
            if (!plover.TryGetValue(code, out var type))
                throw new InvalidDataException($"PARLEY-C002: {row.File} line {row.Line}: code '{code}' has no PLOVER type in Plover/Data/cameo-plover.tsv.");
            codes[code] = new CameoCode(code, row["label"], row["description"], goldstein, quad, type);
        }
        return new CameoCodebook(codes);
    }
}
