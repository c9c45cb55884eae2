using Parley.Core.Model;
using Parley.Language.Text;

namespace Parley.Language.Tests.Text;

public sealed class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = new();

    [Theory]
    [InlineData("China's army", "China|'s|army")]
    [InlineData("China’s army", "China|’s|army")]
    [InlineData("I don't know", "I|do|n't|know")]
    [InlineData("They can’t and won't", "They|ca|n’t|and|wo|n't")]
    [InlineData("We'll see, they're here and I'm sure you've heard", "We|'ll|see|,|they|'re|here|and|I|'m|sure|you|'ve|heard")]
    [InlineData("the countries' leaders", "the|countries|'|leaders")]
    [InlineData("I cannot go", "I|can|not|go")]
    [InlineData("The U.S. and Gen. Smith met.", "The|U.S.|and|Gen.|Smith|met|.")]
    [InlineData("in the U.S.", "in|the|U.S.")]
    [InlineData("U.S.-China ties and a U.K.-based group", "U.S.|-|China|ties|and|a|U.K.|-|based|group")]
    [InlineData("the U.S./Mexico border", "the|U.S.|/|Mexico|border")]
    [InlineData("U.S.–China ties, the U.S.—and the U.N.'s envoy", "U.S.|–|China|ties|,|the|U.S.|—|and|the|U.N.|'s|envoy")]
    [InlineData("About 100,000 people paid $3.5 million (50%).", "About|100,000|people|paid|$|3.5|million|(|50|%|)|.")]
    [InlineData("a search-engine for e-mail and non-human users", "a|search|-|engine|for|e-mail|and|non-human|users")]
    [InlineData("See http://example.com/a-b?x=1, or write to press@example.org.", "See|http://example.com/a-b?x=1|,|or|write|to|press@example.org|.")]
    [InlineData("\"We are strong,\" he said.", "\"|We|are|strong|,|\"|he|said|.")]
    [InlineData("“We are strong.”", "“|We|are|strong|.|”")]
    [InlineData("Wait... and/or stop!", "Wait|...|and|/|or|stop|!")]
    [InlineData("On 08/16/2000 at 10:30, O'Brien left", "On|08/16/2000|at|10:30|,|O'Brien|left")]
    [InlineData("the 9-11 attacks", "the|9-11|attacks")]
    public void Tokenizes_to_UD_English_conventions(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokenizer.Tokenize(text));
    }

    [Fact]
    public void Stage_sets_document_level_indices_and_sentence_ranges()
    {
        var document = new Document("Xi met Trump. China's army won't move.");
        new SentenceStage().Process(document);
        new TokenizerStage().Process(document);
        Assert.Empty(document.CheckSpans());
        Assert.Equal(["Xi", "met", "Trump", ".", "China", "'s", "army", "wo", "n't", "move", "."], document.Tokens.Select(t => t.Text));
        Assert.Equal(Enumerable.Range(0, 11), document.Tokens.Select(t => t.Index));
        Assert.Equal((0, 4), (document.Sentences[0].FirstToken, document.Sentences[0].TokenCount));
        Assert.Equal((4, 7), (document.Sentences[1].FirstToken, document.Sentences[1].TokenCount));
        Assert.All(document.Sentences[1].Tokens, t => Assert.Equal(1, t.SentenceIndex));
    }
}
