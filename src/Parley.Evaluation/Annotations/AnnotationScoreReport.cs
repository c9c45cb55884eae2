using System.Globalization;
using System.Text;
using Parley.Evaluation.Events;

namespace Parley.Evaluation.Annotations;

/// <summary>Prints an <see cref="AnnotationScore"/> as a per-layer table.</summary>
public static class AnnotationScoreReport
{
    /// <summary>One line per layer: precision, recall and F1 with values, span F1, value accuracy, counts.</summary>
    public static string Table(AnnotationScore score)
    {
        var sb = new StringBuilder("layer   precision  recall  F1    span-F1  value-acc  gold  produced\n");
        foreach (var l in score.Layers)
            sb.Append(CultureInfo.InvariantCulture,
                $"{l.Layer,-6}  {F(l.Precision),-9}  {F(l.Recall),-6}  {F(l.F1),-4}  {F(l.SpanF1),-7}  {F(l.ValueAccuracy),-9}  {l.Gold,4}  {l.Produced,8}\n");
        if (score.Ignored > 0) sb.Append(CultureInfo.InvariantCulture, $"({score.Ignored} produced annotations out of scope)\n");
        return sb.ToString();
    }

    private static string F(double value) => PythonText.Fixed(value, 2);
}
