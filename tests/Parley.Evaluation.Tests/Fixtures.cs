using System.Text.Json.Nodes;
using Parley.Evaluation.Events;
using Parley.Testing;

namespace Parley.Evaluation.Tests;

/// <summary>Paths of the test fixtures and of the repository's own gold set.</summary>
internal static class Fixtures
{
    public static string DataDir => Path.Combine(SharedData.RepositoryRoot, "tests", "Parley.Evaluation.Tests", "Data");
    public static string Path_(string name) => Path.Combine(DataDir, name);
    public static string OwnGold => Path.Combine(SharedData.RepositoryRoot, "tests", "data", "gold", "own-events.jsonl");
    public static string Articles => Path.Combine(SharedData.RepositoryRoot, "samples", "articles");

    public static IReadOnlyList<GoldEvent> Gold => GoldEvent.Load(Path_("fixture-gold.jsonl"));
    public static IReadOnlyList<JsonObject> Produced(string name) => ProducedEvents.Load(Path_(name));

    /// <summary>What a coder that reproduced the gold exactly would print: one event per gold
    /// line, with its first actors, code, date and evidence string.</summary>
    public static List<JsonObject> FromGold(IEnumerable<GoldEvent> gold) => gold.Select(g => new JsonObject
    {
        ["date"] = g.Dates[0],
        ["actor1"] = g.Actor1[0] is { } a1 ? new JsonObject { ["country"] = a1 } : null,
        ["actor2"] = g.Actor2[0] is { } a2 ? new JsonObject { ["country"] = a2 } : null,
        ["cameo"] = g.Codes[0],
        ["evidence"] = new JsonObject { ["text"] = "... " + g.EvidenceAny[0] + " ..." },
        ["status"] = g.Status ?? "occurred",
    }).ToList();
}
