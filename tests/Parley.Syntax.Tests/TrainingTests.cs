using Parley.Core.Model;
using Parley.Syntax.Training;
using Parley.Testing;

namespace Parley.Syntax.Tests;

/// <summary>Training on a tiny slice: deterministic, round-trips through files, refuses test data.</summary>
public sealed class TrainingTests
{
    /// <summary>The feature sets and formats a model can be trained with.</summary>
    public enum Recipe
    {
        /// <summary>Word clusters everywhere and two parse directions.</summary>
        Clusters,
        /// <summary>The session-1 feature set and format.</summary>
        SessionOne,
        /// <summary>A few tagger cluster templates, a left-to-right parser with label sets, web text weighted.</summary>
        FewClustersLabelSets,
        /// <summary>No clusters, both directions and the graph-based parser (the "parley-parser-5" format).</summary>
        Graph,
    }

    private static TrainingOptions Tiny(string ud, int seed, Recipe recipe, bool? parserClusterTemplates = null) => new()
    {
        Clusters = recipe == Recipe.Clusters,
        ParserClusterTemplates = parserClusterTemplates,
        Bidirectional = recipe is Recipe.Clusters or Recipe.Graph,
        GraphParser = recipe == Recipe.Graph,
        Combination = recipe == Recipe.Graph ? new Parsing.ParserCombination { Scheme = Parsing.CombinationScheme.Votes } : null,
        TaggerClusters = recipe == Recipe.FewClustersLabelSets ? Tagging.TaggerClusters.Few : null,
        ParserLabelSets = recipe == Recipe.FewClustersLabelSets ? true : null,
        InDomainRepeats = recipe == Recipe.FewClustersLabelSets ? 2 : 1,
        TrainFiles = [Path.Combine(ud, "en_ewt-ud-dev.conllu")],
        MaxSentences = 150,
        TaggerEpochs = 2,
        ParserEpochs = 2,
        JackknifeFolds = 2,
        Seed = seed,
    };

    [SkippableTheory]
    [InlineData(Recipe.Clusters)]
    [InlineData(Recipe.SessionOne)]
    [InlineData(Recipe.FewClustersLabelSets)]
    [InlineData(Recipe.Graph)]
    public void Same_seed_same_models_and_saved_models_analyse_alike(Recipe recipe)
    {
        var ud = SharedData.Require("ud");
        var first = SyntaxTrainer.Train(Tiny(ud, 7, recipe));
        var second = SyntaxTrainer.Train(Tiny(ud, 7, recipe));
        var dirA = Directory.CreateTempSubdirectory("parley-syntax-a").FullName;
        var dirB = Directory.CreateTempSubdirectory("parley-syntax-b").FullName;
        try
        {
            first.Save(dirA);
            second.Save(dirB);
            foreach (var file in new[] { "tagger.bin.gz", "parser.bin.gz", "punctuation.bin.gz" })
                Assert.Equal(File.ReadAllBytes(Path.Combine(dirA, file)), File.ReadAllBytes(Path.Combine(dirB, file)));

            var loaded = SyntaxModels.Load(dirA);
            Assert.Equal(first.Tagger.Clusters, loaded.Tagger.Clusters);
            Assert.Equal(first.Parser.Forward.LabelSets, loaded.Parser.Forward.LabelSets);
            Assert.Equal(first.Parser.Forward.Clusters, loaded.Parser.Forward.Clusters);
            Assert.Equal(first.ParserMembers, loaded.ParserMembers);
            Assert.Equal(first.Parser.Combination, loaded.Parser.Combination);
            Assert.True(loaded.AttachesPunctuation);
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

    [SkippableFact]
    public void A_tagger_read_back_from_the_tag_cache_keeps_its_cluster_templates()
    {
        var ud = SharedData.Require("ud");
        var cache = Directory.CreateTempSubdirectory("parley-tag-cache").FullName;
        try
        {
            var options = Tiny(ud, 3, Recipe.SessionOne);
            SyntaxModels Train() => SyntaxTrainer.Train(new TrainingOptions
            {
                TrainFiles = options.TrainFiles, MaxSentences = options.MaxSentences, TaggerEpochs = 2, ParserEpochs = 1, JackknifeFolds = 2,
                Seed = 3, Clusters = false, Bidirectional = false, TagCacheDirectory = cache,
            });
            var written = Train();
            var read = Train();
            Assert.Equal(Tagging.TaggerClusters.None, written.Tagger.Clusters);
            Assert.Equal(Tagging.TaggerClusters.None, read.Tagger.Clusters);
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    [SkippableFact]
    public void Silver_trees_reach_the_parser_and_a_tree_with_an_unknown_tag_is_skipped()
    {
        var ud = SharedData.Require("ud");
        var silver = Path.GetTempFileName();
        var lines = new List<string>();
        try
        {
            // Two sentences written for this test: the second carries a tag the gold data never uses.
            File.WriteAllLines(silver,
            [
                "1\tMinisters\tminister\tNOUN\tNNS\t_\t2\tnsubj\t_\t_",
                "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_",
                "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_",
                "4\ttreaty\ttreaty\tNOUN\tNN\t_\t2\tobj\t_\t_",
                "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
                "",
                "1\tEnvoys\tenvoy\tNOUN\tNNS\t_\t2\tnsubj\t_\t_",
                "2\tmet\tmeet\tMADEUP\tVBD\t_\t0\troot\t_\t_",
                "",
            ]);
            TrainingOptions Options(IReadOnlyList<string> silverFiles) => new()
            {
                TrainFiles = [Path.Combine(ud, "en_ewt-ud-dev.conllu")], MaxSentences = 100, TaggerEpochs = 1, ParserEpochs = 1,
                JackknifeFolds = 2, Seed = 5, Clusters = false, Bidirectional = false, Punctuation = false, SilverFiles = silverFiles, Log = lines.Add,
            };
            byte[] ParserBytes(SyntaxModels models)
            {
                var dir = Directory.CreateTempSubdirectory("parley-silver").FullName;
                try
                {
                    models.Save(dir);
                    return File.ReadAllBytes(Path.Combine(dir, "parser.bin.gz"));
                }
                finally
                {
                    Directory.Delete(dir, true);
                }
            }
            var without = ParserBytes(SyntaxTrainer.Train(Options([])));
            var with = ParserBytes(SyntaxTrainer.Train(Options([silver])));
            Assert.Contains("silver trees: 1 sentences (5 words) added, 1 skipped", lines);
            Assert.NotEqual(without, with);
        }
        finally
        {
            File.Delete(silver);
        }
    }

    [SkippableFact]
    public void Further_transition_parsers_join_the_vote_and_are_saved_with_the_model()
    {
        var ud = SharedData.Require("ud");
        var clusters = SyntaxTrainer.Train(Tiny(ud, 7, Recipe.Clusters));
        // A pair without the cluster templates that still reads cluster-coded words, so it can join.
        var plain = SyntaxTrainer.Train(Tiny(ud, 7, Recipe.Clusters, parserClusterTemplates: false));
        Assert.False(plain.Parser.Forward.Clusters);
        Assert.True(plain.Parser.Forward.ClusterWords);
        var combined = clusters.WithTransitionParsersOf(plain);
        Assert.Equal(["forward", "backward", "extra forward", "extra backward"], combined.ParserMembers);
        // A parser reading whole-form word values cannot vote on the same hashing.
        Assert.Throws<InvalidDataException>(() => clusters.WithTransitionParsersOf(SyntaxTrainer.Train(Tiny(ud, 7, Recipe.SessionOne))));

        var dir = Directory.CreateTempSubdirectory("parley-syntax-extra").FullName;
        try
        {
            combined.Save(dir);
            var loaded = SyntaxModels.Load(dir);
            Assert.Equal(combined.ParserMembers, loaded.ParserMembers);
            var differs = 0;
            foreach (var sentence in Conllu.ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-test.conllu")).Take(60))
            {
                var (text, spans) = SyntaxTrainer.JoinWords(sentence);
                var saved = loaded.Analyse(text, spans);
                var before = combined.Analyse(text, spans);
                Assert.Equal(before.Heads, saved.Heads);
                Assert.Equal(before.Relations, saved.Relations);
                Assert.Single(saved.Heads, h => h == -1);
                if (!clusters.Analyse(text, spans).Heads.SequenceEqual(saved.Heads)) differs++;
            }
            // The further members' arcs count: some trees are not the first pair's.
            Assert.True(differs > 0, "the four-member vote never changed a tree of the two-member model");
        }
        finally
        {
            Directory.Delete(dir, true);
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
