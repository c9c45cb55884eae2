using Parley.Language.Actors;
using Parley.Testing;

namespace Parley.Language.Tests.Actors;

/// <summary>Runs the readable spec cases in actor-cases.tsv through <see cref="ActorStage"/>.</summary>
public sealed class ActorCaseTests
{
    private static readonly ActorStage Stage = new();

    public static TheoryData<string> Cases() => CaseFile.Ids("Actors/actor-cases.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string id)
    {
        var row = CaseFile.Row("Actors/actor-cases.tsv", id);
        var document = TestDocuments.Make(row["text"], row["published"]);
        Stage.Process(document);
        var found = string.Join(" | ", document.Actors.Select(a => $"{a.Text}={a.Code}[{a.Role}]@{a.EntityId}"));
        foreach (var expectation in CaseFile.Items(row["expect"]))
        {
            if (expectation.StartsWith('!'))
            {
                Assert.False(document.Actors.Any(a => a.Text == expectation[1..]), $"{id}: '{expectation[1..]}' must not be an actor; found {found}");
                continue;
            }
            var (text, code, role, entity) = CaseFile.Parse(expectation);
            var mention = document.Actors.FirstOrDefault(a => a.Text == text);
            Assert.True(mention is not null, $"{id}: no actor '{text}'; found {found}");
            Assert.True(code == mention!.Code, $"{id}: '{text}' is {mention.Code}, expected {code}; found {found}");
            if (role is not null) Assert.True(role == mention.Role, $"{id}: '{text}' has role '{mention.Role}', expected '{role}'");
            if (entity is not null) Assert.True(entity == mention.EntityId, $"{id}: '{text}' is {mention.EntityId}, expected {entity}");
        }
    }
}

/// <summary>Reads the spec case files kept beside the tests (found from the repository root, not copied to the output).</summary>
internal static class CaseFile
{
    private static readonly Dictionary<string, List<Dictionary<string, string>>> Cache = [];

    public static TheoryData<string> Ids(string file)
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows(file)) data.Add(row["id"]);
        return data;
    }

    public static Dictionary<string, string> Row(string file, string id) => Rows(file).Single(r => r["id"] == id);

    public static IEnumerable<string> Items(string cell) =>
        cell.Split(" ; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "text -> CODE [role] @entity"
    public static (string Text, string Code, string? Role, string? Entity) Parse(string item)
    {
        var arrow = item.LastIndexOf(" -> ", StringComparison.Ordinal);
        var text = item[..arrow].Trim();
        var rest = item[(arrow + 4)..].Trim();
        string? entity = null, role = null;
        var at = rest.IndexOf(" @", StringComparison.Ordinal);
        if (at >= 0) { entity = rest[(at + 2)..].Trim(); rest = rest[..at].Trim(); }
        var bracket = rest.IndexOf(" [", StringComparison.Ordinal);
        if (bracket >= 0) { role = rest[(bracket + 2)..].TrimEnd(']').Trim(); rest = rest[..bracket].Trim(); }
        return (text, rest, role, entity);
    }

    private static List<Dictionary<string, string>> Rows(string file)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(file, out var cached)) return cached;
            var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Parley.Language.Tests", file);
            string[]? header = null;
            var rows = new List<Dictionary<string, string>>();
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0 || line.StartsWith('#')) continue;
                var cells = line.Split('\t');
                if (header is null) { header = cells; continue; }
                rows.Add(header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v));
            }
            return Cache[file] = rows;
        }
    }
}
