using Parley.Syntax.Conllu;

namespace Parley.Syntax.Tests;

public sealed class ConlluReaderTests
{
    [Fact]
    public void Reads_words_multiword_tokens_and_markers()
    {
        const string text = """
            # newdoc id = d1
            # newpar
            # sent_id = s1
            # text = I don't know.
            1	I	I	PRON	PRP	_	3	nsubj	_	_
            2-3	don't	_	_	_	_	_	_	_	_
            2	do	do	AUX	VBP	_	4	aux	_	_
            3	n't	not	PART	RB	_	4	advmod	_	_
            4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
            4.1	x	x	X	X	_	_	_	_	_
            5	.	.	PUNCT	.	_	4	punct	_	_

            # sent_id = s2
            # text = Yes.
            1	Yes	yes	INTJ	UH	_	0	root	_	SpaceAfter=No
            2	.	.	PUNCT	.	_	1	punct	_	_

            """;
        var sentences = ConlluReader.Read(new StringReader(text));
        Assert.Equal(2, sentences.Count);
        var s = sentences[0];
        Assert.Equal("d1", s.NewDocument);
        Assert.True(s.NewParagraph);
        Assert.Equal("I don't know.", s.Text);
        Assert.Equal(["I", "do", "n't", "know", "."], s.Words.Select(w => w.Form));
        Assert.Equal(new ConlluMultiword(2, 3, "don't"), Assert.Single(s.Multiwords));
        Assert.Equal(0, s.Words[3].Head);
        Assert.Equal("not", s.Words[2].Lemma);
        Assert.Null(sentences[1].NewDocument);
        Assert.False(sentences[1].NewParagraph);
    }

    [Fact]
    public void Reports_malformed_lines_with_a_code()
    {
        var error = Assert.Throws<InvalidDataException>(() => ConlluReader.Read(new StringReader("1\tonly\tthree\n\n"), "bad.conllu"));
        Assert.Contains("PARLEY-S001", error.Message);
        Assert.Contains("bad.conllu line 1", error.Message);
    }
}
