using System.Text;
using Parley.Core.Model;
using Parley.Language.Text;
using Parley.Syntax.Conllu;

namespace Parley.Syntax.Evaluation;

/// <summary>
/// Scores <see cref="SyntaxModels"/> against a CoNLL-U treebank with the CoNLL 2018 metrics, either on
/// the gold tokenisation (each gold sentence's words are tagged and parsed as given) or end to end
/// from raw text: the "# text" lines of each paragraph joined by a space, paragraphs by a blank line,
/// one document per "# newdoc", then split, tokenised, tagged and parsed by the Parley stages, and
/// scored on the words whose character spans match gold words.
/// </summary>
public static class ConlluEvaluator
{
    /// <summary>Scores the file at <paramref name="path"/>.</summary>
    public static SyntaxScores EvaluateFile(SyntaxModels models, string path, bool predictedTokenisation = false)
    {
        var gold = ConlluReader.ReadFile(path);
        return predictedTokenisation ? EvaluatePredictedTokenisation(models, gold) : EvaluateGoldTokenisation(models, gold);
    }

    /// <summary>Scores on the gold tokenisation: accuracies over all gold words (punctuation included).</summary>
    public static SyntaxScores EvaluateGoldTokenisation(SyntaxModels models, IEnumerable<ConlluSentence> gold)
    {
        long words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0, sentences = 0;
        foreach (var s in gold)
        {
            sentences++;
            var (text, spans) = Training.SyntaxTrainer.JoinWords(s);
            var a = models.Analyse(text, spans);
            for (var i = 0; i < s.Words.Count; i++)
            {
                var g = s.Words[i];
                words++;
                if (a.Upos[i] == g.Upos) upos++;
                if (a.Xpos[i] == g.Xpos) xpos++;
                if (a.Lemmas[i] == g.Lemma) lemma++;
                if (a.Heads[i] + 1 == g.Head)
                {
                    uas++;
                    if (Universal(a.Relations[i]).SequenceEqual(Universal(g.Relation))) las++;
                    if (a.Relations[i] == g.Relation) lasFull++;
                }
            }
        }
        double Acc(long c) => words == 0 ? 0 : (double)c / words;
        return new SyntaxScores
        {
            GoldWords = (int)words, SystemWords = (int)words, GoldSentences = (int)sentences, Sentences = 1, Words = 1,
            Upos = Acc(upos), Xpos = Acc(xpos), Lemma = Acc(lemma), Uas = Acc(uas), Las = Acc(las), LasFull = Acc(lasFull),
        };
    }

    /// <summary>Scores end to end from raw text with the Parley sentence splitter and tokenizer: F1 over aligned words.</summary>
    public static SyntaxScores EvaluatePredictedTokenisation(SyntaxModels models, IReadOnlyList<ConlluSentence> gold)
    {
        var sentenceStage = new SentenceStage();
        var tokenStage = new TokenizerStage();
        var tagStage = new TaggerStage(models);
        var parseStage = new ParserStage(models);
        long goldWords = 0, systemWords = 0, goldSentences = 0, systemSentences = 0, sentenceHits = 0;
        long aligned = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
        foreach (var doc in RawDocument.Build(gold))
        {
            var d = doc.Document;
            sentenceStage.Process(d);
            tokenStage.Process(d);
            tagStage.Process(d);
            parseStage.Process(d);
            goldWords += doc.Words.Count;
            systemWords += d.Tokens.Count;
            goldSentences += doc.SentenceSpans.Count;
            systemSentences += d.Sentences.Count;
            var goldSentenceSet = new HashSet<TextSpan>(doc.SentenceSpans);
            sentenceHits += d.Sentences.Count(s => goldSentenceSet.Contains(s.Span));
            var goldAt = new Dictionary<TextSpan, int>();
            for (var w = 0; w < doc.Words.Count; w++) goldAt.TryAdd(doc.Words[w].Span, w);
            // System token index -> aligned gold word index (or -1).
            var alignment = new int[d.Tokens.Count];
            for (var t = 0; t < d.Tokens.Count; t++) alignment[t] = goldAt.TryGetValue(d.Tokens[t].Span, out var w) ? w : -1;
            for (var t = 0; t < d.Tokens.Count; t++)
            {
                var w = alignment[t];
                if (w < 0) continue;
                aligned++;
                var token = d.Tokens[t];
                var g = doc.Words[w];
                if (token.Upos == g.Word.Upos) upos++;
                if (token.Xpos == g.Word.Xpos) xpos++;
                if (token.Lemma == g.Word.Lemma) lemma++;
                var systemHead = token.Head is int h && h >= 0 ? alignment[h] : -1;
                var headMatches = token.Head == -1 ? g.Head == -1 : systemHead >= 0 && systemHead == g.Head;
                if (!headMatches) continue;
                uas++;
                if (Universal(token.Relation ?? "").SequenceEqual(Universal(g.Word.Relation))) las++;
                if (token.Relation == g.Word.Relation) lasFull++;
            }
        }
        double F1(long correct, long system, long goldCount) => system + goldCount == 0 ? 0 : 2.0 * correct / (system + goldCount);
        return new SyntaxScores
        {
            GoldWords = (int)goldWords, SystemWords = (int)systemWords, GoldSentences = (int)goldSentences,
            Sentences = F1(sentenceHits, systemSentences, goldSentences), Words = F1(aligned, systemWords, goldWords),
            Upos = F1(upos, systemWords, goldWords), Xpos = F1(xpos, systemWords, goldWords), Lemma = F1(lemma, systemWords, goldWords),
            Uas = F1(uas, systemWords, goldWords), Las = F1(las, systemWords, goldWords), LasFull = F1(lasFull, systemWords, goldWords),
        };
    }

    private static ReadOnlySpan<char> Universal(string relation)
    {
        var colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }

    /// <summary>A gold word placed in the rebuilt raw text; Head is the document-level gold word index, -1 for the root.</summary>
    private sealed record PlacedWord(ConlluWord Word, TextSpan Span, int Head);

    private sealed class RawDocument
    {
        public required Document Document { get; init; }
        public required List<TextSpan> SentenceSpans { get; init; }
        public required List<PlacedWord> Words { get; init; }

        public static IEnumerable<RawDocument> Build(IReadOnlyList<ConlluSentence> sentences)
        {
            var start = 0;
            for (var i = 1; i <= sentences.Count; i++)
            {
                if (i < sentences.Count && sentences[i].NewDocument is null) continue;
                yield return BuildOne(sentences, start, i);
                start = i;
            }
        }

        private static RawDocument BuildOne(IReadOnlyList<ConlluSentence> sentences, int from, int to)
        {
            var text = new StringBuilder();
            var paragraphs = new List<TextSpan>();
            var sentenceSpans = new List<TextSpan>();
            var words = new List<PlacedWord>();
            var paragraphStart = -1;
            for (var i = from; i < to; i++)
            {
                var s = sentences[i];
                if (i == from || s.NewParagraph)
                {
                    if (paragraphStart >= 0) paragraphs.Add(new TextSpan(paragraphStart, text.Length));
                    if (text.Length > 0) text.Append("\n\n");
                    paragraphStart = text.Length;
                }
                else
                {
                    text.Append(' ');
                }
                var offset = text.Length;
                text.Append(s.Text);
                sentenceSpans.Add(new TextSpan(offset, text.Length));
                Place(s, offset, words);
            }
            if (paragraphStart >= 0) paragraphs.Add(new TextSpan(paragraphStart, text.Length));
            var document = new Document(text.ToString());
            document.Paragraphs.AddRange(paragraphs);
            return new RawDocument { Document = document, SentenceSpans = sentenceSpans, Words = words };
        }

        /// <summary>Finds each word's span in the sentence text; a multiword token's words split its surface when they spell it.</summary>
        private static void Place(ConlluSentence s, int offset, List<PlacedWord> words)
        {
            var baseIndex = words.Count;
            var spans = new TextSpan?[s.Words.Count];
            var cursor = 0;
            var text = s.Text;
            var w = 0;
            while (w < s.Words.Count)
            {
                var mwt = s.Multiwords.FirstOrDefault(m => m.First == w + 1);
                var surface = mwt?.Form ?? s.Words[w].Form;
                while (cursor < text.Length && char.IsWhiteSpace(text[cursor])) cursor++;
                var at = text.IndexOf(surface, cursor, StringComparison.Ordinal);
                if (at < 0) at = cursor;
                if (mwt is not null)
                {
                    var parts = s.Words.Skip(mwt.First - 1).Take(mwt.Last - mwt.First + 1).Select(x => x.Form).ToList();
                    if (string.Concat(parts) == surface)
                    {
                        var p = at;
                        for (var k = 0; k < parts.Count; k++) { spans[w + k] = new TextSpan(offset + p, offset + p + parts[k].Length); p += parts[k].Length; }
                    }
                    else
                    {
                        spans[w] = new TextSpan(offset + at, offset + at + surface.Length);
                    }
                    w = mwt.Last;
                }
                else
                {
                    spans[w] = new TextSpan(offset + at, offset + at + surface.Length);
                    w++;
                }
                cursor = Math.Min(text.Length, at + surface.Length);
            }
            for (var k = 0; k < s.Words.Count; k++)
            {
                var g = s.Words[k];
                words.Add(new PlacedWord(g, spans[k] ?? new TextSpan(-1, -1), g.Head == 0 ? -1 : baseIndex + g.Head - 1));
            }
        }
    }
}
