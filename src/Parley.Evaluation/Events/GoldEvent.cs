using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Evaluation.Events;

/// <summary>
/// One hand-coded event of a gold file (JSON Lines, the format of
/// <c>../shared/gold/seed-events.jsonl</c> and <c>tests/data/gold/own-events.jsonl</c>; see
/// tests/data/gold/README.md). Every list holds the acceptable alternatives.
/// </summary>
/// <param name="Id">Unique name of the event ("007-ecowas-sanctions").</param>
/// <param name="Required">Whether recall counts it; optional events only protect precision.</param>
/// <param name="Actor1">Acceptable source actor codes; null accepts a missing actor.</param>
/// <param name="Actor2">Acceptable target actor codes; null accepts a missing actor.</param>
/// <param name="Symmetric">Whether either direction is right.</param>
/// <param name="Codes">Acceptable CAMEO code prefixes; the first is the event's main code.</param>
/// <param name="Dates">Acceptable date prefixes ("2025-11-24", "2026-04", "2019").</param>
/// <param name="EvidenceAny">Substrings of the sentence(s) stating the event; one must occur.</param>
/// <param name="Status">"pledged", "planned", "denied"... or null for an event that occurred.</param>
/// <param name="Note">The analyst's note.</param>
public sealed record GoldEvent(
    string Id,
    bool Required,
    IReadOnlyList<string?> Actor1,
    IReadOnlyList<string?> Actor2,
    bool Symmetric,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> Dates,
    IReadOnlyList<string> EvidenceAny,
    string? Status = null,
    string? Note = null)
{
    /// <summary>The CAMEO root category of the event's main (first) code: its first two digits.</summary>
    public string Root => CameoRoots.RootOf(Codes.Count > 0 ? Codes[0] : "");

    /// <summary>Reads a gold file: one JSON object a line, blank lines ignored.</summary>
    /// <exception cref="FormatException">A line is not a valid gold event (code PARLEY-EVAL001).</exception>
    public static IReadOnlyList<GoldEvent> Load(string path) => Parse(File.ReadLines(path), path);

    /// <summary>Parses gold lines; <paramref name="source"/> names them in error messages.</summary>
    /// <exception cref="FormatException">A line is not a valid gold event (code PARLEY-EVAL001).</exception>
    public static IReadOnlyList<GoldEvent> Parse(IEnumerable<string> lines, string source = "gold")
    {
        var events = new List<GoldEvent>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (PythonText.Strip(line).Length == 0) continue;
            events.Add(ParseLine(line, $"{source}:{number}"));
        }
        return events;
    }

    /// <summary>Parses one gold line.</summary>
    /// <exception cref="FormatException">The line is not a valid gold event (code PARLEY-EVAL001).</exception>
    public static GoldEvent ParseLine(string line, string where = "gold")
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(line) as JsonObject ?? throw Error(where, "not a JSON object");
        }
        catch (JsonException e)
        {
            throw Error(where, "not valid JSON: " + e.Message);
        }
        return new GoldEvent(
            Id: PythonText.AsString(obj["id"]) ?? throw Error(where, "\"id\" must be a string"),
            Required: obj.ContainsKey("required") ? PythonText.Truthy(obj["required"]) : throw Error(where, "\"required\" is missing"),
            Actor1: Actors(obj, "actor1", where),
            Actor2: Actors(obj, "actor2", where),
            Symmetric: PythonText.Truthy(obj["symmetric"]),
            Codes: Strings(obj, "codes", where),
            Dates: Strings(obj, "dates", where),
            EvidenceAny: Strings(obj, "evidence_any", where),
            Status: PythonText.AsString(obj["status"]),
            Note: PythonText.AsString(obj["note"]));
    }

    private static IReadOnlyList<string?> Actors(JsonObject obj, string key, string where)
    {
        if (obj[key] is not JsonArray array) throw Error(where, $"\"{key}\" must be a list of codes (null allowed)");
        return array.Select(n => n is null ? null : PythonText.AsString(n) ?? throw Error(where, $"\"{key}\" holds a non-string")).ToList();
    }

    private static IReadOnlyList<string> Strings(JsonObject obj, string key, string where)
    {
        if (obj[key] is not JsonArray array) throw Error(where, $"\"{key}\" must be a list of strings");
        return array.Select(n => PythonText.AsString(n) ?? throw Error(where, $"\"{key}\" holds a non-string")).ToList();
    }

    private static FormatException Error(string where, string what) =>
        new($"PARLEY-EVAL001: {where}: {what}; a gold line is {{\"id\", \"required\", \"actor1\": [...], \"actor2\": [...], \"codes\": [...], \"dates\": [...], \"evidence_any\": [...]}} (see tests/data/gold/README.md)");
}
