using Parley.Core.Model;
using Parley.Language.Quotes;
using Parley.Language.Tests.Temporal;
using Parley.Testing;

namespace Parley.Language.Tests.Quotes;

/// <summary>The cases in Quotes/quote-cases.tsv, one Theory over all rows.</summary>
public sealed class QuoteCasesTests
{
    private static readonly QuoteStage Stage = new();

    public static IEnumerable<object[]> Cases()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Parley.Language.Tests", "Quotes", "quote-cases.tsv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split('\t');
        var row = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            string Cell(string name) => cells[Array.IndexOf(header, name)];
            yield return [++row, Cell("text"), Cell("actors"), Cell("check"), Cell("key"), Cell("speaker"), Cell("code")];
        }
    }

    private static Document Build(string text, string actors)
    {
        var doc = TestDocuments.Build(text.Replace(" || ", "\n\n"), new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
        var entries = new List<HandActors.Entry>();
        if (actors != "-")
        {
            foreach (var item in actors.Split(';'))
            {
                var (surface, rest) = (item[..item.IndexOf('=')], item[(item.IndexOf('=') + 1)..]);
                var parts = rest.Split('/');
                var code = parts[1].Split(':');
                entries.Add(new HandActors.Entry(surface, parts[0], code[0], code[1], Enum.Parse<ActorKind>(parts[2])));
            }
        }
        HandActors.Add(doc, [.. entries]);
        Stage.Process(doc);
        return doc;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quote_or_source_is_found_as_expected(int row, string text, string actors, string check, string key, string speaker, string code)
    {
        var doc = Build(text, actors);
        var all = $"row {row}: quotes [{string.Join(" | ", doc.Quotes.Select(q => $"{(q.Reported ? "R" : "D")}:{q.Text}<-{q.Speaker}"))}] sources [{string.Join(" | ", doc.Sources.Select(s => $"{s.Name}/{s.Cue}/{s.Code}"))}]";
        switch (check)
        {
            case "direct":
            case "reported":
            {
                var q = doc.Quotes.FirstOrDefault(q => q.Reported == (check == "reported") && (check == "direct" ? q.Text == key : q.Text.StartsWith(key, StringComparison.Ordinal)));
                Assert.True(q is not null, all);
                Assert.True(speaker == q!.Speaker, all);
                Assert.True((code == "-" ? null : code) == q.SpeakerCode, all);
                break;
            }
            case "source":
            {
                var s = doc.Sources.FirstOrDefault(s => s.Name == key && s.Cue == speaker);
                Assert.True(s is not null, all);
                Assert.True((code == "-" ? null : code) == s!.Code, all);
                break;
            }
            case "none-source":
                Assert.True(doc.Sources.Count == 0, all);
                break;
            default:
                throw new InvalidOperationException($"row {row}: unknown check '{check}'");
        }
        Assert.Empty(doc.CheckSpans());
    }
}
