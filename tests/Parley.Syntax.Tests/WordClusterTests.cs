using System.IO.Compression;
using Parley.Core.Data;

namespace Parley.Syntax.Tests;

/// <summary>
/// The shipped word clusters (Data/word-clusters.tsv.gz) group words that are used alike, which is
/// what lets the tagger and parser carry treebank knowledge over to unseen words.
/// </summary>
public sealed class WordClusterTests
{
    private static readonly Lazy<(string Header, Dictionary<string, string> Paths)> Table = new(Read);

    [Theory]
    [InlineData("monday|tuesday|wednesday|thursday|friday|saturday", 8)]
    [InlineData("january|march|october", 6)]
    [InlineData("russia|ukraine|germany|japan|china|france", 6)]
    public void Words_used_alike_share_a_long_path_prefix(string words, int bits)
    {
        var paths = words.Split('|').Select(w => Table.Value.Paths[w]).ToList();
        var shared = paths.Aggregate((a, b) => new string(a.Zip(b).TakeWhile(p => p.First == p.Second).Select(p => p.First).ToArray()));
        Assert.True(shared.Length >= bits, $"{words}: shared prefix '{shared}'");
    }

    [Theory]
    [InlineData("the", "said")]
    [InlineData("monday", "quickly")]
    public void Words_used_differently_part_early(string a, string b)
    {
        var pa = Table.Value.Paths[a];
        var pb = Table.Value.Paths[b];
        Assert.NotEqual(pa[..4], pb[..4]);
    }

    [Fact]
    public void The_table_states_its_source_and_licence()
    {
        Assert.Contains("public domain", Table.Value.Header, StringComparison.Ordinal);
        Assert.Contains("CC BY 2.5", Table.Value.Header, StringComparison.Ordinal);
        Assert.True(Table.Value.Paths.Count > 20000);
    }

    private static (string, Dictionary<string, string>) Read()
    {
        using var reader = new StreamReader(new GZipStream(DataFile.Open(typeof(SyntaxModels).Assembly, "Data/word-clusters.tsv.gz"), CompressionMode.Decompress));
        var header = new System.Text.StringBuilder();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) { header.AppendLine(line); continue; }
            if (!columns) { columns = true; continue; }
            var cells = line.Split('\t');
            paths[cells[0]] = cells[1];
        }
        return (header.ToString(), paths);
    }
}
