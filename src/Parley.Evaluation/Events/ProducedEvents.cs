using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Evaluation.Events;

/// <summary>
/// Reads coded events as <c>parley events --format jsonl</c> writes them: one JSON object a line
/// with at least <c>date</c>, <c>actor1</c>, <c>actor2</c>, <c>cameo</c> and <c>evidence</c>.
/// </summary>
public static class ProducedEvents
{
    /// <summary>Reads a JSON Lines file of produced events, blank lines ignored.</summary>
    /// <exception cref="FormatException">A line is not a JSON object (code PARLEY-EVAL002).</exception>
    public static IReadOnlyList<JsonObject> Load(string path) => Parse(File.ReadLines(path), path);

    /// <summary>Parses JSON Lines; <paramref name="source"/> names them in error messages.</summary>
    /// <exception cref="FormatException">A line is not a JSON object (code PARLEY-EVAL002).</exception>
    public static IReadOnlyList<JsonObject> Parse(IEnumerable<string> lines, string source = "events")
    {
        var events = new List<JsonObject>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (PythonText.Strip(line).Length == 0) continue;
            try
            {
                events.Add(JsonNode.Parse(line) as JsonObject
                    ?? throw new FormatException($"PARLEY-EVAL002: {source}:{number}: not a JSON object; each line must be one event object"));
            }
            catch (JsonException e)
            {
                throw new FormatException($"PARLEY-EVAL002: {source}:{number}: not valid JSON ({e.Message}); each line must be one event object", e);
            }
        }
        return events;
    }
}
