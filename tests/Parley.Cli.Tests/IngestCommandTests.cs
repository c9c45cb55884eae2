using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Article = TestArticles.KenyaTanzania;

    [Fact]
    public void Ingesting_the_same_folder_twice_adds_nothing_the_second_time()
    {
        _cli.Write("kenya.txt", Article);
        var folder = Path.Combine(_cli.Folder, "in");

        var first = _cli.Run("ingest", folder, "--db", _cli.Db);
        var eventsAfterFirst = _cli.Run("events", "--db", _cli.Db, "--format", "jsonl").Output;
        var second = _cli.Run("ingest", folder, "--db", _cli.Db);
        var reread = _cli.Run("ingest", folder, "--db", _cli.Db, "--reread");
        var eventsAfterSecond = _cli.Run("events", "--db", _cli.Db, "--format", "jsonl").Output;

        Assert.Equal(0, first.Exit);
        Assert.Contains("stored 1,", first.Output);
        Assert.Equal(0, second.Exit);
        Assert.Contains("1 files finished by an earlier run passed over, read 0, stored 0", second.Output);
        Assert.Contains("stored 0, already stored 1", reread.Output);
        Assert.Equal(eventsAfterFirst, eventsAfterSecond);
    }

    [Fact]
    public void Bad_inputs_each_get_a_one_line_reason_and_the_run_goes_on()
    {
        _cli.Write("good.txt", Article);
        _cli.Write("empty.txt", "");
        _cli.Write("binary.html", [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x10, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);
        _cli.Write("no-article.html", "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>");

        var (exit, output, _) = _cli.Run("ingest", Path.Combine(_cli.Folder, "in"), "--db", _cli.Db);

        Assert.Equal(0, exit);
        Assert.Contains("stored 1,", output);
        Assert.Contains("skipped 3", output);
        foreach (var name in new[] { "empty.txt", "binary.html", "no-article.html" })
        {
            var line = Assert.Single(output.Split('\n'), l => l.Contains("skipped") && l.Contains(name));
            Assert.Matches("PARLEY-[A-Z][0-9]{3}", line);
        }
    }

    [Fact]
    public void A_non_utf8_file_is_read_with_a_warning_not_lost()
    {
        var latin1 = Encoding.Latin1.GetBytes(Article.Replace("Kenyan President", "Kenya's Président"));
        _cli.Write("latin1.txt", latin1);

        var (exit, output, _) = _cli.Run("ingest", Path.Combine(_cli.Folder, "in"), "--db", _cli.Db);

        Assert.Equal(0, exit);
        Assert.Contains("stored 1,", output);
        Assert.Contains("warning", output);
    }

    [Fact]
    public void Nothing_readable_is_a_failure()
    {
        _cli.Write("empty.txt", "");
        var (exit, output, _) = _cli.Run("ingest", Path.Combine(_cli.Folder, "in"), "--db", _cli.Db);
        Assert.NotEqual(0, exit);
        Assert.Contains("skipped 1", output);
    }

    [Fact]
    public void Events_as_jsonl_carry_the_contract_fields()
    {
        _cli.Write("kenya.txt", Article);
        _cli.Run("ingest", Path.Combine(_cli.Folder, "in"), "--db", _cli.Db);

        var lines = _cli.Run("events", "--db", _cli.Db, "--format", "jsonl").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var e = JsonNode.Parse(line)!.AsObject();
            foreach (var field in new[] { "id", "date", "date_precision", "actor1", "actor2", "cameo", "goldstein", "quad_class", "plover", "status", "evidence", "article" })
                Assert.True(e.ContainsKey(field), $"missing {field} in {line}");
            var evidence = e["evidence"]!.AsObject();
            var text = evidence["text"]!.GetValue<string>();
            Assert.Equal(text.Length, evidence["end"]!.GetValue<int>() - evidence["start"]!.GetValue<int>());
            Assert.DoesNotContain("Subscribe", text);
            Assert.Equal("Kenya and Tanzania agree to reopen border crossing", e["article"]!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Events_on_a_missing_store_say_what_to_do()
    {
        var (exit, _, error) = _cli.Run("events", "--db", Path.Combine(_cli.Folder, "nope.db"));
        Assert.Equal(2, exit);
        Assert.Contains("parley ingest", error);
    }
}
