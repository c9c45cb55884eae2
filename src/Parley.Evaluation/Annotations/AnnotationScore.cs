namespace Parley.Evaluation.Annotations;

/// <summary>Counts and figures for one layer.</summary>
/// <param name="Layer">"time", "actor", "place" or "quote".</param>
/// <param name="Gold">Gold annotations.</param>
/// <param name="Produced">Produced annotations in scope.</param>
/// <param name="SpanMatched">Gold annotations paired with a produced one whose span agrees.</param>
/// <param name="ValueMatched">Of those, pairs whose value (date, country, speaker) also agrees.</param>
public sealed record LayerScore(string Layer, int Gold, int Produced, int SpanMatched, int ValueMatched)
{
    /// <summary>Value-aware precision: ValueMatched / Produced (1.0 when nothing was produced).</summary>
    public double Precision => Produced == 0 ? 1.0 : (double)ValueMatched / Produced;

    /// <summary>Value-aware recall: ValueMatched / Gold (1.0 when there is no gold).</summary>
    public double Recall => Gold == 0 ? 1.0 : (double)ValueMatched / Gold;

    /// <summary>Harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Span-only precision: SpanMatched / Produced.</summary>
    public double SpanPrecision => Produced == 0 ? 1.0 : (double)SpanMatched / Produced;

    /// <summary>Span-only recall: SpanMatched / Gold.</summary>
    public double SpanRecall => Gold == 0 ? 1.0 : (double)SpanMatched / Gold;

    /// <summary>Span-only F1.</summary>
    public double SpanF1 => SpanPrecision + SpanRecall == 0 ? 0 : 2 * SpanPrecision * SpanRecall / (SpanPrecision + SpanRecall);

    /// <summary>Share of span-matched annotations whose value is right (e.g. dates resolved correctly).</summary>
    public double ValueAccuracy => SpanMatched == 0 ? 1.0 : (double)ValueMatched / SpanMatched;
}

/// <summary>How a gold or produced annotation fared.</summary>
public enum AnnotationOutcome
{
    /// <summary>Span and value agree.</summary>
    Matched,
    /// <summary>Span agrees, value differs.</summary>
    WrongValue,
    /// <summary>A gold annotation nothing produced matched.</summary>
    Missed,
    /// <summary>A produced annotation that matched no gold annotation.</summary>
    Spurious,
}

/// <summary>One line of the alignment between gold and produced annotations.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Gold">The gold annotation, if any.</param>
/// <param name="Produced">The produced annotation, if any.</param>
public sealed record AnnotationAlignment(AnnotationOutcome Outcome, Annotation? Gold, Annotation? Produced);

/// <summary>The result of scoring produced annotations against gold, per layer.</summary>
/// <param name="Layers">One score per layer present in gold or output, in the order time, actor, place, quote, others.</param>
/// <param name="Alignments">Every pairing, miss and spurious annotation, for inspection.</param>
/// <param name="Ignored">Produced annotations out of scope (articles absent from gold; unnamed actors).</param>
public sealed record AnnotationScore(IReadOnlyList<LayerScore> Layers, IReadOnlyList<AnnotationAlignment> Alignments, int Ignored)
{
    /// <summary>The score of one layer, or null.</summary>
    public LayerScore? this[string layer] => Layers.FirstOrDefault(l => l.Layer == layer);
}
