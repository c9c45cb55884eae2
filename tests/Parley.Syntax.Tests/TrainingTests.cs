using Parley.Core.Model;
using Parley.Syntax.Training;
using Parley.Testing;

namespace Parley.Syntax.Tests;

/// <summary>Training on a tiny slice: deterministic, round-trips through files, refuses test data.</summary>
public sealed class TrainingTests
{
    private static TrainingOptions Tiny(string ud, int seed, bool newest = true) => new()
    {
        Clusters = newest,
        Bidirectional = newest,
        TrainFiles = [Path.Combine(ud, "en_ewt-ud-dev.conllu")],
        MaxSentences = 150,
        TaggerEpochs = 2,
        ParserEpochs = 2,
        JackknifeFolds = 2,
        Seed = seed,
    };

    /// <param name="newest">The current feature set and two parse directions, or the session-1 feature set and format (the shipped models).</param>
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Same_seed_same_models_and_saved_models_analyse_alike(bool newest)
    {
        var ud = SharedData.Require("ud");
        var first = SyntaxTrainer.Train(Tiny(ud, 7, newest));
        var second = SyntaxTrainer.Train(Tiny(ud, 7, newest));
        var dirA = Directory.CreateTempSubdirectory("parley-syntax-a").FullName;
        var dirB = Directory.CreateTempSubdirectory("parley-syntax-b").FullName;
        try
        {
            first.Save(dirA);
            second.Save(dirB);
            foreach (var file in new[] { "tagger.bin.gz", "parser.bin.gz" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(dirA, file)), File.ReadAllBytes(Path.Combine(dirB, file)));

            var loaded = SyntaxModels.Load(dirA);
            const string text = "The committee approved the plan on Tuesday .";
            var spans = new List<TextSpan>();
            var start = 0;
            foreach (var w in text.Split(' ')) { spans.Add(new TextSpan(start, start + w.Length)); start += w.Length + 1; }
            var a = first.Analyse(text, spans.ToArray());
            var b = loaded.Analyse(text, spans.ToArray());
            Assert.Equal(a.Upos, b.Upos);
            Assert.Equal(a.Lemmas, b.Lemmas);
            Assert.Equal(a.Heads, b.Heads);
            Assert.Equal(a.Relations, b.Relations);
            Assert.Single(a.Heads, h => h == -1);
        }
        finally
        {
            Directory.Delete(dirA, true);
            Directory.Delete(dirB, true);
        }
    }

    [Fact]
    public void Refuses_to_train_on_a_test_split()
    {
        var options = new TrainingOptions { TrainFiles = ["/nowhere/en_ewt-ud-test.conllu"] };
        var error = Assert.Throws<ArgumentException>(() => SyntaxTrainer.Train(options));
        Assert.Contains("PARLEY-S004", error.Message);
    }
}
