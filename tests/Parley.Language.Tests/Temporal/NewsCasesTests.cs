using Parley.Core.Model;
using Parley.Language.Temporal;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Language.Tests.Temporal;

/// <summary>The news readings in Temporal/Data/news-cases.tsv, one Theory over all rows.</summary>
public sealed class NewsCasesTests
{
    private static readonly TemporalStage Stage = new();

    public static IEnumerable<object[]> Cases()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "Parley.Language.Tests", "Temporal", "Data", "news-cases.tsv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split('\t');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            string Cell(string name) => cells[Array.IndexOf(header, name)];
            yield return [Cell("reference"), Cell("text"), Cell("expression"), Cell("value"), Cell("end"), Cell("granularity"), Cell("kind")];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_resolves_as_news_reads_it(string reference, string text, string expression, string value, string end, string granularity, string kind)
    {
        var doc = TestDocuments.Build(text.Replace(" || ", "\n\n"), DateTimeOffset.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        Stage.Process(doc);
        var found = doc.Times.FirstOrDefault(t => t.Text.Equals(expression, StringComparison.OrdinalIgnoreCase));
        var all = string.Join("; ", doc.Times.Select(t => $"[{t.Text}]={t.Value}"));
        if (value == "-")
        {
            Assert.True(doc.Times.All(t => !t.Text.Contains(expression, StringComparison.OrdinalIgnoreCase)), $"'{expression}' must not be a time; found {all}");
            return;
        }
        Assert.True(found is not null, $"'{expression}' not found; found {all}");
        Assert.Equal(value, found!.Value);
        Assert.Equal(end == "-" ? null : end, found.EndValue);
        Assert.Equal(Enum.Parse<TimeGranularity>(granularity), found.Granularity);
        Assert.Equal(Enum.Parse<TimeKind>(kind), found.Kind);
        Assert.Empty(doc.CheckSpans());
    }
}
