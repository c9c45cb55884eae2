using Parley.Evaluation.Events;

namespace Parley.Evaluation.Annotations;

/// <summary>Options of <see cref="AnnotationScorer"/>.</summary>
public sealed record AnnotationScoringOptions
{
    /// <summary>The gold actor layer annotates named actors only (names, organisations, countries,
    /// demonyms, capitals as metonyms), not pronouns or bare common nouns ("police", "the two
    /// leaders"). When true (the default), a produced actor mention with no capital letter that
    /// matches no gold annotation is out of scope and does not count against precision.</summary>
    public bool NamedActorsOnly { get; init; } = true;

    /// <summary>Whether gold annotations in titles are scored. Set it to false when the pipeline
    /// keeps the title out of the document text: those gold annotations are dropped, and produced
    /// annotations matching them are ignored.</summary>
    public bool IncludeTitles { get; init; } = true;

    /// <summary>Whether gold annotations in photo captions are scored (see <see cref="IncludeTitles"/>).</summary>
    public bool IncludeCaptions { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static AnnotationScoringOptions Default { get; } = new();
}

/// <summary>
/// Scores produced language-layer annotations against gold ones, per layer, with precision,
/// recall and F1 on spans alone and on spans plus values.
/// </summary>
/// <remarks>
/// Only articles that appear in the gold are scored; gold annotates every layer of those articles
/// completely. A produced and a gold annotation of the same article and layer have matching spans
/// when one text contains the other (after normalising quotes, spaces and case: "on Monday"
/// matches "Monday", "Foreign Minister Wang Yi" matches "Wang Yi") and, when both carry offsets,
/// the spans overlap. Values agree when: times have the same value (a gold value of null scores
/// the span only); actors and places have a country (first three letters of <c>country</c>, else
/// of <c>code</c>) among the gold's acceptable codes; quotes have a speaker whose name contains
/// the gold speaker's last word, or is contained in it, or whose country is acceptable.
/// Pairing is one-to-one and greedy in document order: first pairs whose span and value agree,
/// then pairs whose span alone agrees.
/// </remarks>
public static class AnnotationScorer
{
    private static readonly string[] LayerOrder = [Annotation.Time, Annotation.Actor, Annotation.Place, Annotation.Quote];

    /// <summary>Scores <paramref name="produced"/> against <paramref name="gold"/>.</summary>
    public static AnnotationScore Score(IReadOnlyList<Annotation> gold, IReadOnlyList<Annotation> produced, AnnotationScoringOptions? options = null)
    {
        options ??= AnnotationScoringOptions.Default;
        var articles = gold.Select(g => g.Article).ToHashSet(StringComparer.Ordinal);
        var excluded = gold.Where(g => (g.Part == "title" && !options.IncludeTitles) || (g.Part == "caption" && !options.IncludeCaptions)).ToList();
        if (excluded.Count > 0) gold = gold.Except(excluded).ToList();
        var inScope = new List<Annotation>();
        var ignored = 0;
        foreach (var p in produced)
        {
            var outOfScope = !articles.Contains(p.Article)
                || excluded.Any(x => x.Article == p.Article && x.Layer == p.Layer && SpansMatch(x, p));
            if (outOfScope) ignored++; else inScope.Add(p);
        }

        var alignments = new List<AnnotationAlignment>();
        var layers = gold.Select(g => g.Layer).Concat(inScope.Select(p => p.Layer)).Distinct()
            .OrderBy(l => Array.IndexOf(LayerOrder, l) is var i && i >= 0 ? i : LayerOrder.Length).ThenBy(l => l, StringComparer.Ordinal)
            .ToList();
        var scores = new List<LayerScore>();
        foreach (var layer in layers)
        {
            int goldCount = 0, producedCount = 0, spanMatched = 0, valueMatched = 0;
            foreach (var article in articles.Order(StringComparer.Ordinal))
            {
                var g = gold.Where(a => a.Layer == layer && a.Article == article).OrderBy(a => a.Start ?? 0).ToList();
                var p = inScope.Where(a => a.Layer == layer && a.Article == article).OrderBy(a => a.Start ?? 0).ToList();
                goldCount += g.Count;
                producedCount += p.Count;
                var (pairs, missed, spurious) = Align(g, p);
                foreach (var (ga, pa, valueOk) in pairs)
                {
                    spanMatched++;
                    if (valueOk) valueMatched++;
                    alignments.Add(new AnnotationAlignment(valueOk ? AnnotationOutcome.Matched : AnnotationOutcome.WrongValue, ga, pa));
                }
                alignments.AddRange(missed.Select(m => new AnnotationAlignment(AnnotationOutcome.Missed, m, null)));
                foreach (var s in spurious)
                {
                    if (options.NamedActorsOnly && layer == Annotation.Actor && !s.Text.Any(char.IsUpper))
                    {
                        // An unnamed mention ("police", "he") that matched nothing is outside the gold's scope.
                        producedCount--;
                        ignored++;
                        continue;
                    }
                    alignments.Add(new AnnotationAlignment(AnnotationOutcome.Spurious, null, s));
                }
            }
            scores.Add(new LayerScore(layer, goldCount, producedCount, spanMatched, valueMatched));
        }
        return new AnnotationScore(scores, alignments, ignored);
    }

    private static (List<(Annotation, Annotation, bool)> Pairs, List<Annotation> Missed, List<Annotation> Spurious) Align(
        List<Annotation> gold, List<Annotation> produced)
    {
        var pairs = new List<(Annotation, Annotation, bool)>();
        var goldUsed = new bool[gold.Count];
        var producedUsed = new bool[produced.Count];
        foreach (var requireValue in new[] { true, false })
        {
            for (var gi = 0; gi < gold.Count; gi++)
            {
                if (goldUsed[gi]) continue;
                var best = -1;
                var bestCost = int.MaxValue;
                for (var pi = 0; pi < produced.Count; pi++)
                {
                    if (producedUsed[pi] || !SpansMatch(gold[gi], produced[pi])) continue;
                    if (requireValue && !ValueMatches(gold[gi], produced[pi])) continue;
                    var cost = Cost(gold[gi], produced[pi]);
                    if (cost < bestCost) (best, bestCost) = (pi, cost);
                }
                if (best < 0) continue;
                goldUsed[gi] = producedUsed[best] = true;
                pairs.Add((gold[gi], produced[best], requireValue));
            }
        }
        return (pairs,
            gold.Where((_, i) => !goldUsed[i]).ToList(),
            produced.Where((_, i) => !producedUsed[i]).ToList());
    }

    /// <summary>Prefers the exact text, then the closest offset.</summary>
    private static int Cost(Annotation gold, Annotation produced)
    {
        var exact = PythonText.Norm(gold.Text) == PythonText.Norm(produced.Text) ? 0 : 1;
        var distance = gold.Start is { } g && produced.Start is { } p ? Math.Min(Math.Abs(g - p), 100_000) : 0;
        return exact * 1_000_000 + distance;
    }

    /// <summary>Whether two annotations point at the same mention: one text contains the other
    /// and, when both carry offsets, their spans overlap.</summary>
    public static bool SpansMatch(Annotation gold, Annotation produced)
    {
        var g = PythonText.Norm(gold.Text);
        var p = PythonText.Norm(produced.Text);
        if (g.Length == 0 || p.Length == 0) return false;
        if (!g.Contains(p, StringComparison.Ordinal) && !p.Contains(g, StringComparison.Ordinal)) return false;
        if (gold.Start is not { } gs || produced.Start is not { } ps) return true;
        return gs < ps + produced.Text.Length && ps < gs + gold.Text.Length;
    }

    /// <summary>Whether the produced value agrees with the gold one for the annotation's layer.</summary>
    public static bool ValueMatches(Annotation gold, Annotation produced) => gold.Layer switch
    {
        Annotation.Time => gold.Value is null || string.Equals(gold.Value.Trim(), produced.Value?.Trim(), StringComparison.OrdinalIgnoreCase),
        Annotation.Actor or Annotation.Place => CountryMatches(gold.Countries, CountryOf(produced)),
        Annotation.Quote => SpeakerMatches(gold, produced),
        _ => gold.Value is null || string.Equals(gold.Value, produced.Value, StringComparison.OrdinalIgnoreCase),
    };

    private static string? CountryOf(Annotation a)
    {
        var code = a.Countries is { Count: > 0 } c ? c[0] : a.Code;
        return string.IsNullOrEmpty(code) ? null : PythonText.Head(code, 3).ToUpperInvariant();
    }

    private static bool CountryMatches(IReadOnlyList<string>? acceptable, string? produced) =>
        acceptable is null || (produced is not null && acceptable.Any(a => string.Equals(a, produced, StringComparison.OrdinalIgnoreCase)));

    private static bool SpeakerMatches(Annotation gold, Annotation produced)
    {
        if (gold.Speaker is null) return true;
        if (gold.SpeakerCountries is { } countries && produced.SpeakerCountries is { Count: > 0 } pc
            && countries.Any(c => string.Equals(c, PythonText.Head(pc[0], 3), StringComparison.OrdinalIgnoreCase)))
            return true;
        if (produced.Speaker is null) return false;
        var g = PythonText.Norm(gold.Speaker);
        var p = PythonText.Norm(produced.Speaker);
        if (p.Length == 0) return false;
        var lastWord = g.Split(' ')[^1];
        if (lastWord.EndsWith("'s", StringComparison.Ordinal)) lastWord = lastWord[..^2];
        return g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)
            || (lastWord.Length > 2 && p.Contains(lastWord, StringComparison.Ordinal));
    }
}
