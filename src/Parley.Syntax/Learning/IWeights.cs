namespace Parley.Syntax.Learning;

/// <summary>
/// Feature weights that can score: the trained <see cref="LinearModel"/> at run time, the
/// <see cref="PerceptronTrainer"/>'s current weights while training, so one feature extraction serves both.
/// </summary>
internal interface IWeights
{
    /// <summary>Number of classes.</summary>
    int Classes { get; }

    /// <summary>Sets <paramref name="scores"/> to the sum of the weights of <paramref name="features"/>.</summary>
    void Score(ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>For a one-class model: the summed weight of each consecutive group of <paramref name="groupSize"/> features.</summary>
    void SumGroups(ReadOnlySpan<ulong> features, int groupSize, Span<float> sums);
}
