using Parley.Syntax.Learning;

namespace Parley.Syntax.Tests;

/// <summary>
/// The scoring table: a feature with weights for many classes is kept as a dense row (8-bit when its
/// weights are small, 16-bit otherwise) and one with a few as a sparse row, and all must give the same
/// sums, before and after saving or pruning.
/// </summary>
public class LinearModelTests
{
    private const int Classes = 103; // as many as the parser's labelled moves

    private static LinearModel Build()
    {
        // Feature 1 has small weights for every class (8-bit dense), feature 2 three (sparse), feature 3
        // half the classes (8-bit dense), feature 4 large weights (16-bit dense).
        var keys = new List<ulong> { 1, 2, 3, 4 };
        var rows = new List<(int Class, float Weight)[]>
        {
            Enumerable.Range(0, Classes).Select(c => (c, (c % 7 - 3) * 0.5f)).ToArray(),
            new (int, float)[] { (0, 1.25f), (50, -2f), (102, 0.0625f) },
            Enumerable.Range(0, Classes).Where(c => c % 2 == 0).Select(c => (c, -0.75f)).ToArray(),
            Enumerable.Range(0, Classes).Select(c => (c, (c % 5) * 10f)).ToArray(),
        };
        return LinearModel.Build(Classes, keys, rows);
    }

    private static float Expected(int c)
    {
        var sum = (c % 7 - 3) * 0.5f + (c % 2 == 0 ? -0.75f : 0) + (c % 5) * 10f;
        if (c == 0) sum += 1.25f;
        if (c == 50) sum -= 2f;
        if (c == 102) sum += 0.0625f;
        return sum;
    }

    private static float[] Scores(LinearModel model)
    {
        var scores = new float[Classes];
        model.Score([1UL, 2UL, 3UL, 4UL, 99UL], scores); // 99 is not in the model
        return scores;
    }

    [Fact]
    public void Dense_and_sparse_rows_add_up_to_the_weights_of_the_features_present()
    {
        var scores = Scores(Build());
        for (var c = 0; c < Classes; c++) Assert.Equal(Expected(c), scores[c]);
    }

    [Fact]
    public void A_saved_and_read_model_scores_the_same()
    {
        var model = Build();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.Write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = LinearModel.Read(reader);
        Assert.Equal(model.Weights, read.Weights);
        Assert.Equal(Scores(model), Scores(read));
    }

    [Fact]
    public void Pruning_drops_only_the_small_weights_of_dense_rows_too()
    {
        var pruned = Build().Pruned(1.0f);
        var scores = Scores(pruned);
        for (var c = 0; c < Classes; c++)
        {
            // Kept: |weight| >= 1 (dense row: (c % 7 - 3) * 0.5 for c % 7 in {0, 1, 5, 6}; sparse: -2 at 50, 1.25 at 0).
            var dense = (c % 7 - 3) * 0.5f;
            var expected = (Math.Abs(dense) >= 1 ? dense : 0) + (c == 0 ? 1.25f : 0) + (c == 50 ? -2f : 0) + (c % 5) * 10f;
            Assert.Equal(expected, scores[c]);
        }
    }
}
