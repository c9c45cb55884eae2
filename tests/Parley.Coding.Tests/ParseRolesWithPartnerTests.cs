using Parley.Coding.Events;
using Parley.Core.Model;

namespace Parley.Coding.Tests;

/// <summary>
/// UD attaches a meeting's partner to the noun it qualifies ("talks with Russia": nmod of "talks"),
/// not to the verb; the coder must find it there too, or a parser that follows the guidelines more
/// closely loses the event's target. Heads are written by hand (UD conventions).
/// </summary>
public sealed class ParseRolesWithPartnerTests
{
    private static readonly EventCoderStage Stage = new();

    private static readonly HandActor[] Actors =
    [
        new("France", "FRA", "", ActorKind.Country),
        new("Russia", "RUS", "", ActorKind.Country),
    ];

    // The relative clause puts a comma between the noun and its partner, so word order alone cannot join them.
    private const string Text = "France joined the talks, which began in Geneva on Monday, with Russia.";
    private static readonly (int Head, string Relation)[] Parse =
    [
        (1, "nsubj"), (-1, "root"), (3, "det"), (1, "obj"), (6, "punct"), (6, "nsubj"), (3, "acl:relcl"), (8, "case"), (6, "obl"),
        (10, "case"), (6, "obl"), (6, "punct"), (13, "case"), (3, "nmod"), (1, "punct"),
    ];

    [Fact]
    public void The_partner_of_the_talks_is_the_target_of_joining_them()
    {
        var document = HandDocument.Build(Text, HandDocument.Day("2025-11-24"), Actors);
        Assert.Equal(Parse.Length, document.Tokens.Count);
        for (var i = 0; i < Parse.Length; i++)
        {
            document.Tokens[i].Head = Parse[i].Head;
            document.Tokens[i].Relation = Parse[i].Relation;
        }
        Stage.Process(document);
        var e = Assert.Single(document.Events);
        Assert.StartsWith("04", e.Cameo, StringComparison.Ordinal);
        Assert.Equal("FRA", Assert.Single(e.Actor1).Country);
        Assert.Equal("RUS", Assert.Single(e.Actor2).Country);
    }
}
