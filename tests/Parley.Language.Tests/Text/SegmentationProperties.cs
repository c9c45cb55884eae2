using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Model;
using Parley.Language.Text;

namespace Parley.Language.Tests.Text;

/// <summary>Invariants of sentence splitting and tokenisation on arbitrary news-like text.</summary>
public sealed class SegmentationProperties
{
    private static readonly string[] Pieces =
    [
        "China", "'s", "’s", "n't", "U.S.", "Gen.", "Oct.", "30", "3.5", "100,000", "J.", "Smith", "said", "the",
        "army", "\"", "“", "”", "'", "(", ")", ".", ",", "...", "!", "?", "-", "e-mail", "search-engine",
        "http://x.org/a", "a@b.com", "$", "%", "don't", "The", "He", "No.", "10", ";", ":", "—", "…", "é", "\t",
    ];

    private static readonly string[] Gaps = [" ", "", "", " ", "\n", "\n\n", "  "];

    public static Arbitrary<string> NewsText() =>
        Gen.ListOf(Gen.Zip(Gen.Elements(Pieces), Gen.Elements(Gaps)))
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)))
            .ToArbitrary();

    private static Document Segment(string text)
    {
        var document = new Document(text);
        new SentenceStage().Process(document);
        new TokenizerStage().Process(document);
        return document;
    }

    [Property(Arbitrary = [typeof(SegmentationProperties)], MaxTest = 300)]
    public bool Tokens_lie_in_order_inside_their_sentence_without_overlap(string text)
    {
        var document = Segment(text);
        if (document.CheckSpans().Count > 0) return false;
        foreach (var sentence in document.Sentences)
        {
            var previousEnd = sentence.Span.Start;
            foreach (var token in sentence.Tokens)
            {
                if (token.Span.Length == 0 || token.Span.Start < previousEnd || !sentence.Span.Contains(token.Span)) return false;
                if (token.SentenceIndex != sentence.Index) return false;
                previousEnd = token.Span.End;
            }
        }
        return document.Sentences.Sum(s => s.TokenCount) == document.Tokens.Count;
    }

    [Property(Arbitrary = [typeof(SegmentationProperties)], MaxTest = 300)]
    public bool Every_non_space_character_is_in_exactly_one_sentence_and_one_token(string text)
    {
        var document = Segment(text);
        var sentenceCover = new int[text.Length];
        var tokenCover = new int[text.Length];
        foreach (var s in document.Sentences) for (var i = s.Span.Start; i < s.Span.End; i++) sentenceCover[i]++;
        foreach (var t in document.Tokens) for (var i = t.Span.Start; i < t.Span.End; i++) tokenCover[i]++;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (tokenCover[i] != 0) return false;
                continue;
            }
            if (sentenceCover[i] != 1 || tokenCover[i] != 1) return false;
        }
        return document.Sentences.All(s => s.Text.Length > 0 && !char.IsWhiteSpace(s.Text[0]) && !char.IsWhiteSpace(s.Text[^1]));
    }
}
