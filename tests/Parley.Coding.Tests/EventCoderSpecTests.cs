using Parley.Coding.Events;
using Parley.Core.Model;

namespace Parley.Coding.Tests;

/// <summary>Runs every case of Specs/event-coder.spec through <see cref="EventCoderStage"/>.</summary>
public sealed class EventCoderSpecTests
{
    private static readonly EventCoderStage Stage = new();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in SpecFile.Load().Cases) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var spec = SpecFile.Load();
        var c = spec.Cases.Single(x => x.Name == name);
        var document = HandDocument.Build(c.Text, HandDocument.Day(c.Published), spec.Actors, c.Times, spec.Places);
        Stage.Process(document);
        Assert.Empty(document.CheckSpans());
        var produced = document.Events.Select(Describe).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var expected = c.Expect.OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(produced),
            $"expected:\n  {string.Join("\n  ", expected)}\nproduced:\n  {string.Join("\n  ", produced)}");
    }

    /// <summary>The spec's one-line form of an event: SOURCE>TARGET CODE DATE STATUS.</summary>
    public static string Describe(CodedEvent e)
    {
        var source = string.Join('+', e.Actor1.Select(a => a.Country));
        var target = e.Actor2.Count == 0 ? "-" : string.Join('+', e.Actor2.Select(a => a.Country));
        return $"{source}>{target} {e.Cameo} {e.Date} {e.Status}";
    }
}

/// <summary>The parsed spec file.</summary>
public sealed class SpecFile
{
    private static readonly Lazy<SpecFile> Instance = new(() => Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Specs", "event-coder.spec"))));

    public List<HandActor> Actors { get; } = [];
    public Dictionary<string, string> Places { get; } = [];
    public List<SpecCase> Cases { get; } = [];

    public static SpecFile Load() => Instance.Value;

    private static SpecFile Parse(string[] lines)
    {
        var spec = new SpecFile();
        string? section = null;
        SpecCase? current = null;
        string? field = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('#')) continue;
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                current = new SpecCase { Name = line[4..].Trim() };
                spec.Cases.Add(current);
                section = null;
                field = null;
                continue;
            }
            if (current is null)
            {
                if (line is "[actors]" or "[places]") { section = line; continue; }
                if (line.Length == 0) continue;
                var cells = line.Split('\t');
                if (section == "[actors]") spec.Actors.Add(new HandActor(cells[0], cells[1], cells[2], Enum.Parse<ActorKind>(cells[3])));
                else if (section == "[places]") spec.Places[cells[0]] = cells[1];
                continue;
            }
            if (line.StartsWith("published:", StringComparison.Ordinal)) current.Published = line[10..].Trim();
            else if (line.StartsWith("times:", StringComparison.Ordinal))
            {
                foreach (var pair in line[6..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.LastIndexOf('=');
                    current.Times[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
                }
            }
            else if (line == "text:") field = "text";
            else if (line == "expect:") field = "expect";
            else if (field == "text") current.Text += line + "\n";
            else if (field == "expect" && line.Length > 0 && line != "none") current.Expect.Add(line.Trim());
        }
        return spec;
    }
}

/// <summary>One case of the spec file.</summary>
public sealed class SpecCase
{
    public required string Name { get; init; }
    public string Published { get; set; } = "2025-11-24";
    public Dictionary<string, string> Times { get; } = [];
    public string Text { get; set; } = "";
    public List<string> Expect { get; } = [];
}
