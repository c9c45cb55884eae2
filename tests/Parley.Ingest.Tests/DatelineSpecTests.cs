using System.Globalization;
using Parley.Ingest.Dates;

namespace Parley.Ingest.Tests;

/// <summary>Driven by Samples/datelines.tsv: each printed line and the instant it must give.</summary>
public class DatelineSpecTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        var header = true;
        foreach (var line in File.ReadLines(Samples.Path("datelines.tsv")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (header) { header = false; continue; }
            var cells = line.Split('\t');
            data.Add(cells[0], cells[1], cells[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dateline_gives_the_printed_instant(string line, string expected, string note)
    {
        var match = Dateline.Match(line);
        if (expected == "none")
        {
            Assert.True(match is null, $"{note}: '{line}' read as {match?.Date.Value:o}");
            return;
        }
        Assert.NotNull(match);
        var want = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(want, match.Date.Value);
        Assert.Equal(want.Offset, match.Date.Value.Offset);
    }
}
