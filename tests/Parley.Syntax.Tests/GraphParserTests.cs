using Parley.Syntax.Learning;
using Parley.Syntax.Parsing;

namespace Parley.Syntax.Tests;

/// <summary>
/// The graph-based parser learns the trees it is shown, survives a save and reload unchanged, and the
/// arc vote that combines it with the transition parsers follows the majority.
/// </summary>
public sealed class GraphParserTests
{
    private static readonly string[] Labels = ["root", "nsubj", "obj", "det", "punct", "amod"];
    private static readonly string[] Coarse = ["DET", "NOUN", "VERB", "PUNCT", "ADJ"];

    /// <summary>A sentence of (word, coarse tag, head, label) with tag id = coarse class.</summary>
    private static ParserSentence Sentence(params (string Word, string Tag, int Head, string Label)[] words)
    {
        var n = words.Length;
        var heads = new int[n + 1];
        var labels = new int[n + 1];
        heads[0] = -1;
        for (var d = 1; d <= n; d++) { heads[d] = words[d - 1].Head; labels[d] = Array.IndexOf(Labels, words[d - 1].Label); }
        return new ParserSentence(
            words.Select(w => FeatureHash.Text(w.Word, lower: true)).ToArray(),
            words.Select(w => Array.IndexOf(Coarse, w.Tag)).ToArray(),
            heads, labels);
    }

    private static readonly ParserSentence[] Training =
    [
        Sentence(("the", "DET", 2, "det"), ("dog", "NOUN", 3, "nsubj"), ("chased", "VERB", 0, "root"), ("the", "DET", 5, "det"), ("cat", "NOUN", 3, "obj"), (".", "PUNCT", 3, "punct")),
        Sentence(("a", "DET", 3, "det"), ("big", "ADJ", 3, "amod"), ("storm", "NOUN", 4, "nsubj"), ("hit", "VERB", 0, "root"), ("the", "DET", 6, "det"), ("coast", "NOUN", 4, "obj"), (".", "PUNCT", 4, "punct")),
        Sentence(("ministers", "NOUN", 2, "nsubj"), ("approved", "VERB", 0, "root"), ("a", "DET", 5, "det"), ("new", "ADJ", 5, "amod"), ("budget", "NOUN", 2, "obj"), (".", "PUNCT", 2, "punct")),
    ];

    private static GraphParser Train(int maxPairDistance = int.MaxValue) =>
        GraphParser.Train(Training, Labels, [0, 1, 2, 3, 4], Coarse, epochs: 10, seed: 1, prune: 0, minFeatureCount: 1, log: null, maxPairDistance);

    private static (int[] Heads, int[] Labels) Parse(GraphParser parser, ParserSentence s)
    {
        var heads = new int[s.Words.Length + 1];
        var labels = new int[s.Words.Length + 1];
        parser.Parse(s.Words, s.Tags, new GraphScratch(), heads, labels);
        return (heads, labels);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(2)]
    public void Recovers_the_trees_it_was_trained_on_with_their_labels(int maxPairDistance)
    {
        var parser = Train(maxPairDistance);
        foreach (var s in Training)
        {
            var (heads, labels) = Parse(parser, s);
            Assert.Equal(s.Heads.AsSpan(1).ToArray(), heads.AsSpan(1).ToArray());
            Assert.Equal(s.Labels.AsSpan(1).ToArray(), labels.AsSpan(1).ToArray());
        }
    }

    [Fact]
    public void Parses_an_unseen_sentence_of_a_seen_shape_the_same_way()
    {
        // Same tag sequence as the first training sentence, different words.
        var unseen = Sentence(("the", "DET", 2, "det"), ("cat", "NOUN", 3, "nsubj"), ("chased", "VERB", 0, "root"), ("the", "DET", 5, "det"), ("storm", "NOUN", 3, "obj"), (".", "PUNCT", 3, "punct"));
        var (heads, _) = Parse(Train(), unseen);
        Assert.Equal(unseen.Heads.AsSpan(1).ToArray(), heads.AsSpan(1).ToArray());
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(2)]
    public void A_saved_parser_reloads_to_identical_parses(int maxPairDistance)
    {
        var parser = Train(maxPairDistance);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) parser.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var loaded = GraphParser.Read(reader);
        Assert.Equal(maxPairDistance, loaded.MaxPairDistance);
        foreach (var s in Training)
        {
            var a = Parse(parser, s);
            var b = Parse(loaded, s);
            Assert.Equal(a.Heads, b.Heads);
            Assert.Equal(a.Labels, b.Labels);
        }
    }

    /// <summary>Three members' trees over 4 words (index 0 unused), combined with equal weights.</summary>
    private static (int[] Heads, int[] Labels, int[] From) Vote(int[][] heads, float weight = 1)
    {
        var n = heads[0].Length - 1;
        var labels = heads.Select((_, k) => Enumerable.Repeat(k, n + 1).ToArray()).ToArray();
        var weights = heads.Select(_ => Enumerable.Repeat(weight, n + 1).ToArray()).ToArray();
        var outHeads = new int[n + 1];
        var outLabels = new int[n + 1];
        var from = new int[n + 1];
        ArcVoting.Combine(n, heads.Length, heads, labels, weights, null, new VotingScratch(), outHeads, outLabels, from);
        return (outHeads, outLabels, from);
    }

    [Fact]
    public void The_vote_gives_each_word_the_head_most_members_chose()
    {
        int[][] heads =
        [
            [0, 2, 0, 2, 2],
            [0, 2, 0, 4, 2], // word 3 alone under word 4
            [0, 3, 0, 2, 2], // word 1 alone under word 3
        ];
        var (combined, labels, _) = Vote(heads);
        Assert.Equal([0, 2, 0, 2, 2], combined);
        // The label of each word comes from a member that chose its head.
        Assert.Equal(0, labels[3]);
    }

    [Fact]
    public void When_the_majority_heads_do_not_form_a_tree_the_vote_still_returns_one()
    {
        // Word 1 and 2 head each other in two members' trees: the majority choices form a cycle.
        int[][] heads =
        [
            [0, 2, 0, 2],
            [0, 2, 1, 0],
            [0, 0, 1, 2],
        ];
        var (combined, _, _) = Vote(heads);
        Assert.Single(combined.Skip(1), h => h == 0);
        Assert.True(ArcVoting.IsAcyclic(3, combined, new int[4]));
    }
}
