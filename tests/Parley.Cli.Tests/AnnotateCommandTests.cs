using System.Text.Json.Nodes;

namespace Parley.Cli.Tests;

/// <summary>
/// <c>parley annotate</c> shows the document model that <c>run</c>, <c>ingest</c> and <c>eval</c> code: parsed by
/// default, so that the events it prints are the ones those commands store; <c>--without-parse</c> shows the
/// word-order reading alone.
/// </summary>
public sealed class AnnotateCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Article = TestArticles.KenyaTanzania;

    private JsonNode Annotate(params string[] options)
    {
        var path = _cli.Write("kenya.txt", Article);
        var (exit, output, error) = _cli.Run(["annotate", path, .. options]);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!;
    }

    private static JsonArray Tokens(JsonNode document) => document["sentences"]![0]!["tokens"]!.AsArray();

    [Fact]
    public void By_default_every_token_carries_its_tag_and_head_and_the_events_are_coded()
    {
        var document = Annotate();
        Assert.All(Tokens(document), t => Assert.NotNull(t!["upos"]));
        Assert.All(Tokens(document), t => Assert.NotNull(t!["head"]));
        Assert.Contains(document["events"]!.AsArray(), e => e!["cameo"]!.GetValue<string>().StartsWith("057", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_parse_tokens_have_no_heads()
    {
        var document = Annotate("--without-parse");
        Assert.All(Tokens(document), t => Assert.Null(t!["head"]));
    }
}
