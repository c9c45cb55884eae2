using System.Globalization;

namespace Parley.Syntax.Evaluation;

/// <summary>
/// CoNLL 2018 shared-task scores. With gold tokenisation every figure is an accuracy over gold words;
/// with predicted tokenisation each is an F1 over words aligned by character span. LAS compares
/// the universal part of the relation (as CoNLL 2018 does); <see cref="LasFull"/> compares subtypes too.
/// </summary>
public sealed record SyntaxScores
{
    /// <summary>Gold words.</summary>
    public int GoldWords { get; init; }
    /// <summary>Words the system produced.</summary>
    public int SystemWords { get; init; }
    /// <summary>Gold sentences.</summary>
    public int GoldSentences { get; init; }
    /// <summary>Sentence-boundary F1 (1 with gold tokenisation).</summary>
    public double Sentences { get; init; }
    /// <summary>Word segmentation F1 (1 with gold tokenisation).</summary>
    public double Words { get; init; }
    /// <summary>UPOS.</summary>
    public double Upos { get; init; }
    /// <summary>XPOS.</summary>
    public double Xpos { get; init; }
    /// <summary>Lemma.</summary>
    public double Lemma { get; init; }
    /// <summary>Unlabelled attachment score.</summary>
    public double Uas { get; init; }
    /// <summary>Labelled attachment score, universal relations.</summary>
    public double Las { get; init; }
    /// <summary>Labelled attachment score with relation subtypes ("nsubj:pass").</summary>
    public double LasFull { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"words {GoldWords} (system {SystemWords}), sentences F1 {Sentences:F4}, words F1 {Words:F4}, UPOS {Upos:F4}, XPOS {Xpos:F4}, Lemma {Lemma:F4}, UAS {Uas:F4}, LAS {Las:F4}, LAS(full labels) {LasFull:F4}");
}
