using Parley.Core.Model;

namespace Parley.Syntax.Tests;

/// <summary>What the event coder relies on: who did what to whom in plain news sentences.</summary>
public sealed class SyntaxBehaviourTests
{
    [Theory]
    [InlineData("The convoy was attacked by rebels near the border.", "nsubj:pass(attacked, convoy)|obl:agent(attacked, rebels)|aux:pass(attacked, was)")]
    [InlineData("President Trump accused China of stealing American technology.", "nsubj(accused, Trump)|obj(accused, China)|root(ROOT, accused)")]
    [InlineData("Biden and Putin met in Geneva on Monday.", "nsubj(met, Biden)|conj(Biden, Putin)|cc(Putin, and)|obl(met, Geneva)")]
    [InlineData("China's army launched drills near Taiwan.", "nmod:poss(army, China)|nsubj(launched, army)|obj(launched, drills)")]
    [InlineData("Iran agreed to halt uranium enrichment.", "nsubj(agreed, Iran)|xcomp(agreed, halt)")]
    [InlineData("The minister said that the government would raise taxes.", "nsubj(said, minister)|ccomp(said, raise)|nsubj(raise, government)")]
    public void Finds_the_roles_the_coder_needs(string sentence, string expectedArcs) => AssertArcs(sentence, expectedArcs);

    // Names the treebanks hardly contain ("Trump" 4 times, "Xi" never) at the very start of a sentence:
    // the case lexicon tells the tagger they are names.
    [Theory]
    [InlineData("Trump accused China of stealing American technology.", "nsubj(accused, Trump)|obj(accused, China)|root(ROOT, accused)")]
    [InlineData("Trump and Xi met in Beijing on Monday.", "nsubj(met, Trump)|conj(Trump, Xi)|cc(Xi, and)|obl(met, Beijing)")]
    public void Finds_roles_of_sentence_initial_names(string sentence, string expectedArcs) => AssertArcs(sentence, expectedArcs);

    private static void AssertArcs(string sentence, string expectedArcs)
    {
        var document = PipelineHelper.Analyse(sentence);
        foreach (var arc in expectedArcs.Split('|'))
        {
            var dependent = arc[(arc.IndexOf(", ", StringComparison.Ordinal) + 2)..^1];
            Assert.Equal(arc, document.Arc(dependent));
        }
    }

    [Fact]
    public void Tags_and_lemmatises_news_words()
    {
        var d = PipelineHelper.Analyse("Rebels attacked the countries' embassies and weren't stopped.");
        Assert.Equal(("VERB", "VBD", "attack"), Tags(d.Word("attacked")));
        Assert.Equal("accuse", PipelineHelper.Analyse("Officials accused the rebels.").Word("accused").Lemma);
        Assert.Equal(("NOUN", "NNS", "country"), Tags(d.Word("countries")));
        Assert.Equal(("NOUN", "NNS", "embassy"), Tags(d.Word("embassies")));
        Assert.Equal(("AUX", "VBD", "be"), Tags(d.Word("were")));
        Assert.Equal(("PART", "RB", "not"), Tags(d.Word("n't")));
        Assert.Equal("PROPN", PipelineHelper.Analyse("Xi Jinping visited Moscow.").Word("Moscow").Upos);
    }

    private static (string?, string?, string?) Tags(Token t) => (t.Upos, t.Xpos, t.Lemma);

    [Fact]
    public void Heads_are_document_level_and_each_sentence_has_one_root()
    {
        var d = PipelineHelper.Analyse("Russia denied the report. Ukraine said its forces had shot down 20 drones overnight.\n\nThe talks resumed.");
        Assert.Empty(d.CheckSpans());
        Assert.Equal(3, d.Sentences.Count);
        foreach (var sentence in d.Sentences)
        {
            var tokens = sentence.Tokens.ToList();
            Assert.Single(tokens, t => t.Head == -1);
            Assert.All(tokens, t =>
            {
                Assert.NotNull(t.Upos);
                Assert.NotNull(t.Lemma);
                Assert.False(string.IsNullOrEmpty(t.Relation));
                // A head is a token of the same sentence, never the token itself.
                if (t.Head is int h && h >= 0)
                {
                    Assert.NotEqual(t.Index, h);
                    Assert.Equal(sentence.Index, d.Tokens[h].SentenceIndex);
                }
            });
            // Following heads from any token reaches the root without a cycle.
            foreach (var t in tokens)
            {
                var steps = 0;
                for (var a = t; a.Head is int h && h >= 0; a = d.Tokens[h]) Assert.True(++steps <= tokens.Count);
            }
        }
        Assert.Equal("nsubj(shot, forces)", d.Arc("forces"));
    }

    [Fact]
    public void Empty_documents_and_sentences_are_harmless()
    {
        var d = PipelineHelper.Analyse("");
        Assert.Empty(d.Tokens);
        var single = PipelineHelper.Analyse("Hello");
        Assert.Equal(-1, single.Tokens[0].Head);
        Assert.Equal("root", single.Tokens[0].Relation);
    }
}
