using Parley.Core.Model;

namespace Parley.Core.Tests;

public class DocumentTests
{
    [Fact]
    public void FromParagraphs_records_paragraph_spans_that_slice_back_to_the_paragraphs()
    {
        var document = Document.FromParagraphs(["  First one. ", "", "Second one."]);

        Assert.Equal("First one.\n\nSecond one.", document.Text);
        Assert.Equal(["First one.", "Second one."], document.Paragraphs.Select(document.Slice));
        Assert.Empty(document.CheckSpans());
    }

    [Fact]
    public void Hash_ignores_rewrapping_but_not_wording()
    {
        Assert.Equal(Document.ComputeHash("a  b\nc"), Document.ComputeHash("a b c"));
        Assert.NotEqual(Document.ComputeHash("a b c"), Document.ComputeHash("a b d"));
    }

    [Fact]
    public void CheckSpans_reports_a_trigger_outside_its_sentence()
    {
        var document = new Document("One. Two.");
        var e = new CodedEvent { Cameo = "010", Date = "2025" };
        e.Evidence.Add(new EventEvidence { SentenceIndex = 0, Sentence = new TextSpan(0, 4), Trigger = new TextSpan(5, 8) });
        document.Events.Add(e);

        Assert.Contains(document.CheckSpans(), p => p.Contains("outside its sentence"));
    }

    [Fact]
    public void SentenceAt_finds_the_sentence_holding_an_offset()
    {
        var document = new Document("One. Two.");
        document.Sentences.Add(new Sentence(document, 0, new TextSpan(0, 4), 0));
        document.Sentences.Add(new Sentence(document, 1, new TextSpan(5, 9), 0));

        Assert.Equal(1, document.SentenceAt(6)?.Index);
        Assert.Null(document.SentenceAt(4));
    }
}
