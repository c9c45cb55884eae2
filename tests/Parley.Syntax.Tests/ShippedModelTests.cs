using Parley.Syntax.Conllu;
using Parley.Syntax.Evaluation;
using Parley.Syntax.Training;
using Parley.Testing;
using Xunit.Abstractions;

namespace Parley.Syntax.Tests;

/// <summary>
/// The shipped models scored with the CoNLL 2018 metrics on UD EWT test (never trained on) and on the
/// GUM news documents held out from training. Floors sit just under the measured figures
/// (see src/Parley.Syntax/Data/README.md); the tests skip when ../shared is absent.
/// </summary>
public sealed class ShippedModelTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<ConlluSentence>> EwtTest = new(() => ConlluReader.ReadFile(SharedData.Require("ud/en_ewt-ud-test.conllu")));

    [SkippableFact]
    public void EWT_test_with_gold_tokenisation_stays_above_its_floors()
    {
        var gold = EwtTest.Value;
        Assert.Equal(2077, gold.Count);
        var scores = ConlluEvaluator.EvaluateGoldTokenisation(SyntaxModels.Default, gold);
        output.WriteLine($"EWT test, gold tokenisation: {scores}");
        Assert.True(scores.Upos >= Floors.EwtUpos, $"UPOS {scores.Upos:F4}");
        Assert.True(scores.Xpos >= Floors.EwtXpos, $"XPOS {scores.Xpos:F4}");
        Assert.True(scores.Lemma >= Floors.EwtLemma, $"Lemma {scores.Lemma:F4}");
        Assert.True(scores.Uas >= Floors.EwtUas, $"UAS {scores.Uas:F4}");
        Assert.True(scores.Las >= Floors.EwtLas, $"LAS {scores.Las:F4}");
    }

    [SkippableFact]
    public void EWT_test_from_raw_text_stays_above_its_floors()
    {
        var scores = ConlluEvaluator.EvaluatePredictedTokenisation(SyntaxModels.Default, EwtTest.Value);
        output.WriteLine($"EWT test, predicted tokenisation: {scores}");
        Assert.True(scores.Words >= Floors.RawWords, $"words F1 {scores.Words:F4}");
        Assert.True(scores.Upos >= Floors.RawUpos, $"UPOS F1 {scores.Upos:F4}");
        Assert.True(scores.Las >= Floors.RawLas, $"LAS F1 {scores.Las:F4}");
    }

    [SkippableFact]
    public void Held_out_GUM_news_is_reported_and_stays_above_its_floors()
    {
        var ud = SharedData.Require("ud");
        var documents = TrainingOptions.HeldOutNewsDocuments(ud);
        Assert.Equal(6, documents.Count);
        Assert.DoesNotContain(documents, TrainingOptions.StandardTrainFiles(ud).Contains);
        var gold = documents.SelectMany(ConlluReader.ReadFile).ToList();
        var scores = ConlluEvaluator.EvaluateGoldTokenisation(SyntaxModels.Default, gold);
        output.WriteLine($"GUM news held out ({string.Join(", ", documents.Select(Path.GetFileNameWithoutExtension))}), gold tokenisation: {scores}");
        var raw = ConlluEvaluator.EvaluatePredictedTokenisation(SyntaxModels.Default, gold);
        output.WriteLine($"GUM news held out, predicted tokenisation: {raw}");
        Assert.True(scores.Upos >= Floors.NewsUpos, $"UPOS {scores.Upos:F4}");
        Assert.True(scores.Las >= Floors.NewsLas, $"LAS {scores.Las:F4}");
    }

    /// <summary>Just under the figures measured for the shipped models (Data/README.md).</summary>
    private static class Floors
    {
        // Measured 2026-11-25 (session 4 few-cluster tagger + session-8 four-member parser + session-6 punctuation step):
        // UPOS 0.9413, XPOS 0.9316, Lemma 0.9501, UAS 0.8405, LAS 0.8042. UAS and LAS floors are the issue's targets.
        public const double EwtUpos = 0.938, EwtXpos = 0.928, EwtLemma = 0.945, EwtUas = 0.840, EwtLas = 0.800;
        // Measured: words F1 0.9866 (session 7), UPOS F1 0.9275, LAS F1 0.7677 (0.7499 with the session-1 parser).
        public const double RawWords = 0.980, RawUpos = 0.922, RawLas = 0.760;
        // Measured: UPOS 0.9588, LAS 0.7927 (0.7744 with the session-1 parser).
        public const double NewsUpos = 0.952, NewsLas = 0.785;
    }
}
