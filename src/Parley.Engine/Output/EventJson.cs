using System.Text.Json.Nodes;
using Parley.Storage;

namespace Parley.Engine.Output;

/// <summary>Stored events as JSON objects in the event contract, for scoring in-process.</summary>
public static class EventJson
{
    /// <summary>Each event as the object <c>parley events --format jsonl</c> prints for it.</summary>
    public static IReadOnlyList<JsonObject> ToObjects(IEnumerable<StoredEvent> events) =>
        events.Select(e => JsonNode.Parse(EventJsonWriter.ToJson(e))!.AsObject()).ToList();
}
