using Parley.Core.Model;
using Parley.Language.Text;

namespace Parley.Language.Tests.Text;

public sealed class SentenceStageTests
{
    private static List<string> Sentences(string text)
    {
        var document = new Document(text);
        new SentenceStage().Process(document);
        Assert.Empty(document.CheckSpans());
        return document.Sentences.Select(s => s.Text).ToList();
    }

    [Theory]
    // Abbreviations that precede names or numbers never end a sentence.
    [InlineData("Gen. Smith arrived on Oct. 30 with Mr. Jones. They left.", "Gen. Smith arrived on Oct. 30 with Mr. Jones.|They left.")]
    [InlineData("Dr. Brown met J. Smith on Jan. 5 at No. 10 Downing Street. It rained.", "Dr. Brown met J. Smith on Jan. 5 at No. 10 Downing Street.|It rained.")]
    // Dotted acronyms: no split before a name, a split before a sentence starter.
    [InlineData("The U.S. President met U.K. officials. They agreed.", "The U.S. President met U.K. officials.|They agreed.")]
    [InlineData("Troops stayed in the U.S. The next day they left.", "Troops stayed in the U.S.|The next day they left.")]
    // Decimals and ellipses.
    [InlineData("Growth was 3.5 percent. Prices rose... Then they fell.", "Growth was 3.5 percent.|Prices rose...|Then they fell.")]
    // A sentence ending inside a closing quote ends after the quote mark.
    [InlineData("He said the army was \"very strong.\" Then he left.", "He said the army was \"very strong.\"|Then he left.")]
    [InlineData("He said the army was “very strong.” Then he left.", "He said the army was “very strong.”|Then he left.")]
    [InlineData("Was it true? “Yes!” she said. Officials agreed.", "Was it true?|“Yes!” she said.|Officials agreed.")]
    // A lower-case word after a period is no sentence start.
    [InlineData("Prices rose 5 p.c. in a week. Markets fell.", "Prices rose 5 p.c. in a week.|Markets fell.")]
    public void Splits_news_text_into_sentences(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Sentences(text));
    }

    [Fact]
    public void Finds_paragraphs_at_blank_lines_and_never_splits_across_them()
    {
        var document = new Document("  First paragraph without a stop\n\n\nSecond one. It has two sentences.  \n \nThird");
        new SentenceStage().Process(document);
        Assert.Equal(["First paragraph without a stop", "Second one. It has two sentences.", "Third"], document.Paragraphs.Select(document.Slice));
        Assert.Equal(["First paragraph without a stop", "Second one.", "It has two sentences.", "Third"], document.Sentences.Select(s => s.Text));
        Assert.Equal([0, 1, 1, 2], document.Sentences.Select(s => s.ParagraphIndex));
        Assert.Equal([0, 1, 2, 3], document.Sentences.Select(s => s.Index));
    }

    [Fact]
    public void Keeps_paragraphs_an_earlier_stage_found()
    {
        var document = Document.FromParagraphs(["One. Two.", "Three."]);
        new SentenceStage().Process(document);
        Assert.Equal(2, document.Paragraphs.Count);
        Assert.Equal(["One.", "Two.", "Three."], document.Sentences.Select(s => s.Text));
    }
}
