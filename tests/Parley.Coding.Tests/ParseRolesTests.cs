using Parley.Coding.Events;
using Parley.Core.Model;

namespace Parley.Coding.Tests;

/// <summary>
/// The coder reads a verb's actors from the dependency parse when a parser filled the tokens' heads,
/// and falls back to word order when it did not. Heads are written by hand here (UD conventions), so
/// the test holds the coder's use of the parse, not the parser's accuracy.
/// </summary>
public sealed class ParseRolesTests
{
    private static readonly EventCoderStage Stage = new();

    private static readonly HandActor[] Actors =
    [
        new("France", "FRA", "", ActorKind.Country),
        new("Russia", "RUS", "", ActorKind.Country),
    ];

    // France condemned , in unusually strong terms , Russia .
    private const string Text = "France condemned, in unusually strong terms, Russia.";
    private static readonly (int Head, string Relation)[] Parse =
    [
        (1, "nsubj"), (-1, "root"), (6, "punct"), (6, "case"), (5, "advmod"), (6, "amod"), (1, "obl"), (6, "punct"), (1, "obj"), (1, "punct"),
    ];

    [Fact]
    public void An_object_set_off_by_commas_is_read_from_the_parse()
    {
        var document = Build(withParse: true);
        Stage.Process(document);
        var e = Assert.Single(document.Events);
        Assert.StartsWith("11", e.Cameo, StringComparison.Ordinal);
        Assert.Equal("FRA", Assert.Single(e.Actor1).Country);
        Assert.Equal("RUS", Assert.Single(e.Actor2).Country);
    }

    [Fact]
    public void Without_a_parse_word_order_does_not_reach_past_the_comma()
    {
        var document = Build(withParse: false);
        Stage.Process(document);
        Assert.DoesNotContain(document.Events, e => e.Actor2.Any(a => a.Country == "RUS"));
    }

    // UD attaches a meeting's partner to the noun it qualifies ("talks with Russia": nmod of "talks"), not
    // to the verb. The relative clause puts a comma between them, so word order alone cannot join them.
    private const string TalksText = "France joined the talks, which began in Geneva on Monday, with Russia.";
    private static readonly (int Head, string Relation)[] TalksParse =
    [
        (1, "nsubj"), (-1, "root"), (3, "det"), (1, "obj"), (6, "punct"), (6, "nsubj"), (3, "acl:relcl"), (8, "case"), (6, "obl"),
        (10, "case"), (6, "obl"), (6, "punct"), (13, "case"), (3, "nmod"), (1, "punct"),
    ];

    [Fact]
    public void The_partner_of_the_talks_is_the_target_of_joining_them()
    {
        var document = HandDocument.Build(TalksText, HandDocument.Day("2025-11-24"), Actors);
        SetParse(document, TalksParse);
        Stage.Process(document);
        var e = Assert.Single(document.Events);
        Assert.StartsWith("04", e.Cameo, StringComparison.Ordinal);
        Assert.Equal("FRA", Assert.Single(e.Actor1).Country);
        Assert.Equal("RUS", Assert.Single(e.Actor2).Country);
    }

    // A parse that lost the second clause's subject: "Russia" hung on the first verb as a conjunct, as if
    // a noun could be conjoined to a verb. The second verb must not inherit France as its subject.
    private const string StrandedText = "France criticised the plan on Sunday, and Russia visited Germany on Monday.";
    private static readonly (int Head, string Relation)[] StrandedParse =
    [
        (1, "nsubj"), (-1, "root"), (3, "det"), (1, "obj"), (5, "case"), (1, "obl"), (9, "punct"), (9, "cc"), (1, "conj"),
        (1, "conj"), (9, "obj"), (12, "case"), (9, "obl"), (1, "punct"),
    ];

    [Fact]
    public void A_noun_conjoined_to_the_first_verb_is_the_subject_of_the_second()
    {
        var document = CodeWithGermany(StrandedText, StrandedParse, [(0, "PROPN", null), (1, "VERB", null), (3, "NOUN", null), (8, "PROPN", null), (9, "VERB", null), (10, "PROPN", null)]);
        var visit = Assert.Single(document.Events, e => e.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.Equal("RUS", Assert.Single(visit.Actor1).Country);
        Assert.Equal("DEU", Assert.Single(visit.Actor2).Country);
    }

    // A parse that read "after" as a preposition: "Russia" an oblique of the first verb and "visited" its
    // conjunct with no coordinator or comma. The noun before the verb is its subject, not the first verb's.
    private const string UncoordinatedText = "France criticised the deal after Russia visited Germany.";
    private static readonly (int Head, string Relation)[] UncoordinatedParse =
    [
        (1, "nsubj"), (-1, "root"), (3, "det"), (1, "obj"), (5, "case"), (1, "obl"), (1, "conj"), (6, "obj"), (1, "punct"),
    ];

    [Fact]
    public void A_verb_conjoined_without_a_coordinator_takes_the_noun_before_it_as_subject()
    {
        var document = CodeWithGermany(UncoordinatedText, UncoordinatedParse, [(0, "PROPN", null), (1, "VERB", null), (3, "NOUN", null), (5, "PROPN", null), (6, "VERB", null), (7, "PROPN", null)]);
        var visit = Assert.Single(document.Events, e => e.Cameo.StartsWith("04", StringComparison.Ordinal));
        Assert.Equal("RUS", Assert.Single(visit.Actor1).Country);
        Assert.Equal("DEU", Assert.Single(visit.Actor2).Country);
    }

    // A parse that conjoined the second participle to the finite main verb: "urging" shares the subject of
    // "describing" (France), the participle it is coordinated with, not that of "featured" (Russia).
    private const string ParticipleText = "Russia featured in the talks, with France describing the plan and urging Germany to wait.";
    private static readonly (int Head, string Relation)[] ParticipleParse =
    [
        (1, "nsubj"), (-1, "root"), (4, "case"), (4, "det"), (1, "obl"), (8, "punct"), (8, "mark"), (8, "nsubj"), (1, "advcl"),
        (10, "det"), (8, "obj"), (12, "cc"), (1, "conj"), (12, "obj"), (15, "mark"), (12, "xcomp"), (1, "punct"),
    ];

    [Fact]
    public void A_participle_conjoined_to_a_finite_verb_shares_the_subject_of_the_participle_before_it()
    {
        var document = CodeWithGermany(ParticipleText, ParticipleParse,
            [(0, "PROPN", "NNP"), (1, "VERB", "VBD"), (7, "PROPN", "NNP"), (8, "VERB", "VBG"), (10, "NOUN", "NN"), (12, "VERB", "VBG"), (13, "PROPN", "NNP"), (15, "VERB", "VB")]);
        var urge = Assert.Single(document.Events, e => e.Actor2.Any(a => a.Country == "DEU"));
        Assert.Equal("FRA", Assert.Single(urge.Actor1).Country);
    }

    // "the two countries" before the second verb names France and Germany by word order, but it is not the subject:
    // the parse gives "promised" France's subject through conj, and only the same mention conjoined may widen it.
    private const string GroupText = "France and Germany signed a treaty. France described the treaty as the best between the two countries and promised support for Russia.";
    private static readonly (int Head, string Relation)[] GroupParse =
    [
        (3, "nsubj"), (2, "cc"), (0, "conj"), (-1, "root"), (5, "det"), (3, "obj"), (3, "punct"),
        (8, "nsubj"), (-1, "root"), (10, "det"), (8, "obj"), (13, "case"), (13, "det"), (8, "obl"), (17, "case"), (17, "det"), (17, "nummod"), (13, "nmod"),
        (19, "cc"), (8, "conj"), (19, "obj"), (22, "case"), (20, "nmod"), (8, "punct"),
    ];

    [Fact]
    public void A_group_noun_that_merely_includes_the_parsed_subject_does_not_replace_it()
    {
        var document = CodeWithGermany(GroupText, GroupParse,
            [(0, "PROPN", "NNP"), (2, "PROPN", "NNP"), (3, "VERB", "VBD"), (7, "PROPN", "NNP"), (8, "VERB", "VBD"), (17, "NOUN", "NNS"), (19, "VERB", "VBD"), (20, "NOUN", "NN"), (22, "PROPN", "NNP")]);
        var pledge = Assert.Single(document.Events, e => e.Actor2.Any(a => a.Country == "RUS"));
        Assert.Equal("FRA", Assert.Single(pledge.Actor1).Country);
    }

    // "trade" opens a verb pattern (061, trading with someone), but the tagger read it as a noun: a topic, not an act.
    private const string TopicText = "France criticised Russia, deepening a dispute over trade with Germany.";
    private static readonly (int Head, string Relation)[] TopicParse =
    [
        (1, "nsubj"), (-1, "root"), (1, "obj"), (4, "punct"), (1, "advcl"), (6, "det"), (4, "obj"), (8, "case"), (6, "nmod"), (10, "case"), (8, "nmod"), (1, "punct"),
    ];

    [Fact]
    public void A_verb_pattern_on_a_word_tagged_as_a_noun_codes_nothing()
    {
        var document = CodeWithGermany(TopicText, TopicParse,
            [(0, "PROPN", "NNP"), (1, "VERB", "VBD"), (2, "PROPN", "NNP"), (4, "VERB", "VBG"), (6, "NOUN", "NN"), (8, "NOUN", "NN"), (10, "PROPN", "NNP")]);
        Assert.DoesNotContain(document.Events, e => e.Cameo.StartsWith("06", StringComparison.Ordinal));
        Assert.Contains(document.Events, e => e.Cameo.StartsWith("11", StringComparison.Ordinal));
    }

    /// <summary>Codes <paramref name="text"/> (with Germany among the actors) under a hand-written parse and the tags given.</summary>
    private static Document CodeWithGermany(string text, (int Head, string Relation)[] parse, (int Token, string Upos, string? Xpos)[] tags)
    {
        var actors = Actors.Append(new HandActor("Germany", "DEU", "", ActorKind.Country)).ToArray();
        var document = HandDocument.Build(text, HandDocument.Day("2025-11-24"), actors);
        SetParse(document, parse);
        foreach (var (i, upos, xpos) in tags)
        {
            document.Tokens[i].Upos = upos;
            if (xpos is not null) document.Tokens[i].Xpos = xpos;
        }
        Stage.Process(document);
        return document;
    }

    private static void SetParse(Document document, (int Head, string Relation)[] parse)
    {
        Assert.Equal(parse.Length, document.Tokens.Count);
        for (var i = 0; i < parse.Length; i++)
        {
            document.Tokens[i].Head = parse[i].Head;
            document.Tokens[i].Relation = parse[i].Relation;
        }
    }

    private static Document Build(bool withParse)
    {
        var document = HandDocument.Build(Text, HandDocument.Day("2025-11-24"), Actors);
        Assert.Equal(Parse.Length, document.Tokens.Count);
        if (withParse) SetParse(document, Parse);
        return document;
    }
}
