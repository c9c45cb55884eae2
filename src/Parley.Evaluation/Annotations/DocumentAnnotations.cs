using Parley.Core.Model;

namespace Parley.Evaluation.Annotations;

/// <summary>
/// Turns the language layers of a processed <see cref="Document"/> (times, actors, places,
/// quotes) into <see cref="Annotation"/>s that <see cref="AnnotationScorer"/> compares with the
/// gold. Offsets are mapped back to the article file when its text is given, by finding each
/// mention's sentence in it, since readers may drop the title, dateline or furniture from the
/// document text.
/// </summary>
public static class DocumentAnnotations
{
    /// <summary>The document's annotations, named <paramref name="article"/>.</summary>
    /// <param name="document">A document the language stages have processed.</param>
    /// <param name="article">The article name used in the gold ("001").</param>
    /// <param name="sourceText">The article file's text, to map offsets into; null keeps document offsets.</param>
    public static IReadOnlyList<Annotation> FromDocument(Document document, string article, string? sourceText = null)
    {
        var mapper = new OffsetMapper(document, sourceText);
        var result = new List<Annotation>();
        foreach (var t in document.Times)
            result.Add(new Annotation(article, Annotation.Time, t.Text, mapper.Map(t.Span), Value: t.Value));
        foreach (var a in document.Actors)
            result.Add(new Annotation(article, Annotation.Actor, a.Text, mapper.Map(a.Span), Code: a.Code, Countries: [a.Country]));
        foreach (var p in document.Places)
            result.Add(new Annotation(article, Annotation.Place, p.Text, mapper.Map(p.Span), Countries: [p.Country]));
        // The gold's quote layer holds direct quotes (words between quotation marks); reported
        // speech is a different thing and is scored through events and sources, not here.
        foreach (var q in document.Quotes.Where(q => !q.Reported))
            result.Add(new Annotation(article, Annotation.Quote, q.Text, mapper.Map(q.Span), Speaker: q.Speaker,
                SpeakerCountries: q.SpeakerCode is { Length: >= 3 } code ? [code[..3]] : null));
        return result;
    }

    private sealed class OffsetMapper(Document document, string? source)
    {
        private readonly Dictionary<int, int?> _sentenceStarts = [];
        private int _searchFrom;

        public int? Map(TextSpan span)
        {
            if (source is null || source == document.Text) return span.Start;
            var sentence = document.SentenceAt(span.Start);
            if (sentence is null) return null;
            if (!_sentenceStarts.TryGetValue(sentence.Index, out var start))
            {
                var at = source.IndexOf(sentence.Text, _searchFrom, StringComparison.Ordinal);
                if (at < 0) at = source.IndexOf(sentence.Text, StringComparison.Ordinal);
                start = at < 0 ? null : at;
                if (at >= 0) _searchFrom = at;
                _sentenceStarts[sentence.Index] = start;
            }
            return start + (span.Start - sentence.Span.Start);
        }
    }
}
