using Parley.Core.Pipeline;
using Parley.Evaluation.Annotations;
using Parley.Ingest;

namespace Parley.Engine;

/// <summary>
/// Scores the language layers (times, actors, places, quotes) of the pipeline against a gold
/// annotation file. Gold articles are named by the number that starts their file name
/// ("001-japan-....txt" is article "001").
/// </summary>
public static class AnnotationEvaluation
{
    /// <summary>Reads every article under <paramref name="inputs"/> that the gold names, runs the pipeline, scores.</summary>
    public static AnnotationScore Run(string goldPath, IEnumerable<string> inputs, DocumentPipeline? pipeline = null,
        AnnotationScoringOptions? options = null)
    {
        pipeline ??= ParleyPipeline.Default;
        var gold = Annotation.Load(goldPath);
        var wanted = gold.Select(a => a.Article).ToHashSet(StringComparer.Ordinal);
        var produced = new List<Annotation>();
        foreach (var item in new ArticleReader().Read(inputs))
        {
            var article = ArticleName(item.Origin);
            if (item.Document is null || !wanted.Contains(article)) continue;
            pipeline.Process(item.Document);
            var source = File.Exists(item.Origin) ? File.ReadAllText(item.Origin) : null;
            produced.AddRange(DocumentAnnotations.FromDocument(item.Document, article, source));
        }
        return AnnotationScorer.Score(gold, produced, options);
    }

    private static string ArticleName(string origin)
    {
        var name = Path.GetFileNameWithoutExtension(origin);
        var dash = name.IndexOf('-');
        return dash > 0 ? name[..dash] : name;
    }
}
