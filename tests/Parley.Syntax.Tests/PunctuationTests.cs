using Parley.Core.Model;
using Parley.Syntax.Conllu;
using Parley.Syntax.Evaluation;
using Parley.Syntax.Parsing;
using Parley.Syntax.Training;
using Parley.Testing;
using Xunit.Abstractions;

namespace Parley.Syntax.Tests;

/// <summary>The punctuation step after parsing: it moves marks only, never across an arc, and helps.</summary>
public sealed class PunctuationTests(ITestOutputHelper output)
{
    // Our own news-style sentences, heavy in commas, quotes and brackets.
    private static readonly string[] Sentences =
    [
        "Russia , China and Iran held talks in Tehran on Monday , the ministry said .",
        "\" We will not accept this , \" the foreign minister told reporters in Ankara .",
        "The talks , which began in May , ended without a deal ( officials blamed both sides ) .",
        "Officials said the army , backed by militias , retook the town ; the rebels denied it .",
        "Brazil - the largest buyer - cut its imports by a third : wheat , maize and rice .",
    ];

    [Fact]
    public void The_shipped_models_reattach_marks_and_leave_words_alone()
    {
        var models = SyntaxModels.Default;
        Assert.True(models.AttachesPunctuation);
        foreach (var sentence in Sentences)
        {
            var spans = Spans(sentence);
            var with = models.Analyse(sentence, spans);
            var without = models.WithoutPunctuation().Analyse(sentence, spans);
            for (var i = 0; i < spans.Length; i++)
            {
                if (with.Upos[i] == "PUNCT" && with.Heads[i] != without.Heads[i]) Assert.Equal("punct", with.Relations[i]);
                if (with.Upos[i] != "PUNCT") Assert.Equal((without.Heads[i], without.Relations[i]), (with.Heads[i], with.Relations[i]));
            }
            AssertNoMarkCrossesAWordArc(with);
        }
    }

    [Fact]
    public void A_mark_is_offered_only_the_heads_it_can_take_without_crossing_an_arc()
    {
        // w1 w2 , w4 w5: w2 is the root, w1 and w4 depend on it, w5 on w4. The comma sits under the arc w2 -> w4.
        const string text = "w1 w2 , w4 w5";
        var spans = Spans(text);
        var vocabulary = new PunctuationAttacher.Vocabulary(["X", "PUNCT"], ["root", "dep", "punct"]);
        var scratch = new PunctuationScratch();
        int[] tags = [0, 0, 1, 0, 0];
        int[] heads = [-1, 2, 0, 5, 2, 4]; // the parser hung the comma under w5
        int[] labels = [0, 1, 0, 2, 1, 1];
        Assert.True(scratch.Prepare(text, spans, tags, vocabulary, heads, labels));
        var count = scratch.Candidates(3);
        Assert.Equal([2, 4], scratch.CandidateList.Take(count));
    }

    [SkippableFact]
    public void Reattaching_marks_scores_at_least_as_well_on_EWT_test_and_better_on_held_out_news()
    {
        var ud = SharedData.Require("ud");
        var models = SyntaxModels.Default;
        var ewt = ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-test.conllu"));
        var news = TrainingOptions.HeldOutNewsDocuments(ud).SelectMany(ConlluReader.ReadFile).ToList();
        foreach (var (name, gold, gain) in new[] { ("EWT test", ewt, 0.0), ("GUM news held out", news, 0.003) })
        {
            var with = ConlluEvaluator.EvaluateGoldTokenisation(models, gold);
            var without = ConlluEvaluator.EvaluateGoldTokenisation(models.WithoutPunctuation(), gold);
            output.WriteLine($"{name}: UAS {without.Uas:F4} -> {with.Uas:F4}, LAS {without.Las:F4} -> {with.Las:F4}");
            Assert.True(with.Uas >= without.Uas + gain, $"{name}: UAS {without.Uas:F4} -> {with.Uas:F4}");
            Assert.True(with.Las >= without.Las + gain, $"{name}: LAS {without.Las:F4} -> {with.Las:F4}");
        }
    }

    private static void AssertNoMarkCrossesAWordArc(SentenceAnalysis a)
    {
        var n = a.Heads.Length;
        for (var p = 0; p < n; p++)
        {
            if (a.Upos[p] != "PUNCT" || a.Heads[p] < 0) continue;
            var (lo, hi) = (Math.Min(p, a.Heads[p]), Math.Max(p, a.Heads[p]));
            for (var d = 0; d < n; d++)
            {
                if (a.Upos[d] == "PUNCT" || a.Heads[d] < 0) continue;
                var (x, y) = (Math.Min(d, a.Heads[d]), Math.Max(d, a.Heads[d]));
                var crosses = (lo < x && x < hi && (y > hi || y < lo)) || (lo < y && y < hi && (x < lo || x > hi));
                Assert.False(crosses, $"mark {p} -> {a.Heads[p]} crosses word arc {a.Heads[d]} -> {d}");
            }
        }
    }

    private static TextSpan[] Spans(string text)
    {
        var words = text.Split(' ');
        var spans = new TextSpan[words.Length];
        var at = 0;
        for (var i = 0; i < words.Length; i++) { spans[i] = new TextSpan(at, at + words[i].Length); at += words[i].Length + 1; }
        return spans;
    }
}
