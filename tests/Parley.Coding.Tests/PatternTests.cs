using Parley.Coding.Events;
using Parley.Coding.Patterns;
using Parley.Core.Model;

namespace Parley.Coding.Tests;

public sealed class PatternTests
{
    private static readonly CoderResources Resources = CoderResources.Default;

    [Theory]
    [InlineData("accuse", "accuses accused accusing")]
    [InlineData("ban", "bans banned banning")]
    [InlineData("deny", "denies denied denying")]
    [InlineData("hold", "holds held holding")]
    [InlineData("meet", "meets met meeting")]
    [InlineData("commit", "commits committed committing")]
    [InlineData("be", "is are was were been")]
    public void Inflections_come_from_rules_and_the_irregular_table(string lemma, string forms)
    {
        var generated = Inflector.Forms(lemma).ToHashSet();
        Assert.All(forms.Split(' '), f => Assert.Contains(f, generated));
    }

    [Fact]
    public void The_dictionary_has_the_breadth_of_a_news_week()
    {
        Assert.True(Resources.Patterns.Patterns.Count >= 300, $"only {Resources.Patterns.Patterns.Count} patterns");
        var alternatives = Resources.Patterns.Patterns.Sum(p => p.Pattern.Segments.Aggregate(1, (n, s) => n * s.Count));
        Assert.True(alternatives >= 1500, $"only {alternatives} phrasings");
    }

    [Fact]
    public void Every_root_category_has_patterns_for_several_verbs()
    {
        for (var root = 1; root <= 20; root++)
        {
            var r = root.ToString("00");
            var words = Resources.Patterns.Patterns.Where(p => p.Code.StartsWith(r, StringComparison.Ordinal))
                .SelectMany(p => p.Pattern.FirstWords).Distinct().Count();
            Assert.True(words >= 3, $"root {r} has only {words} opening words");
        }
    }

    [Theory]
    [InlineData("Japan imposed new economic sanctions on Russia.", "163")]
    [InlineData("The ministers held talks in Rome.", "040")]
    [InlineData("Officials called for restraint.", "0256")]
    [InlineData("Police arrested dozens.", "173")]
    [InlineData("Rebels stepped down from their posts.", "0831")]
    [InlineData("The army launched airstrikes overnight.", "195")]
    [InlineData("The spokesman said on Friday that the vote was a sham.", "111")]
    [InlineData("Moscow announced a partial call-up of reservists.", "154")]
    [InlineData("The ministry summoned the ambassador.", "114")]
    public void Patterns_match_inflected_words_with_gaps(string sentence, string code)
    {
        var document = HandDocument.Build(sentence, HandDocument.Day("2025-11-24"), []);
        var line = new TokenLine(document, document.Sentences[0], Resources.Lexicon);
        var codes = Enumerable.Range(0, line.Count).SelectMany(i => Resources.Patterns.MatchesAt(line, i))
            .OrderByDescending(m => m.Score).Select(m => m.Pattern.Code).ToList();
        Assert.Equal(code, codes.FirstOrDefault());
    }

    [Fact]
    public void A_tagger_lemma_is_matched_too()
    {
        var document = HandDocument.Build("Ministers convened talks.", HandDocument.Day("2025-11-24"), []);
        document.Tokens[1].Lemma = "hold";
        var line = new TokenLine(document, document.Sentences[0], Resources.Lexicon);
        Assert.Contains(Resources.Patterns.MatchesAt(line, 1), m => m.Pattern.Code == "040");
    }

    [Theory]
    [InlineData("intent", "061", "0311")]
    [InlineData("intent", "085", "0354")]
    [InlineData("intent", "042", "036")]
    [InlineData("appeal", "0841", "0253")]
    [InlineData("demand", "087", "1056")]
    [InlineData("refuse", "040", "125")]
    [InlineData("threat", "163", "1312")]
    [InlineData("threat", "190", "1384")]
    [InlineData("intent", "111", "111")]
    public void Cues_derive_codes_through_the_codebook_structure(string derive, string code, string expected)
    {
        Assert.Equal(expected, Resources.Derived.Derive(derive, code));
        Assert.NotNull(Resources.Codebook.Lookup(expected));
    }

    [Fact]
    public void The_stage_declares_its_layers()
    {
        var stage = new EventCoderStage();
        Assert.Equal("events", stage.Name);
        Assert.Equal([Layers.Sentences, Layers.Tokens, Layers.Actors, Layers.Times], stage.Requires);
        Assert.Equal([Layers.Events], stage.Provides);
    }
}
