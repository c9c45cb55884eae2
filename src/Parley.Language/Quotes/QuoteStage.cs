using System.Text.RegularExpressions;
using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Language.Quotes;

/// <summary>
/// Fills <see cref="Document.Quotes"/> and <see cref="Document.Sources"/>: direct quotations (in
/// straight or curly double quotation marks) with their speaker, reported-speech clauses ("Trump said
/// he held ...", <see cref="Quote.Reported"/> = true), and who reported what ("according to the White
/// House and China's Xinhua News Agency" -> two sources; "officials said"; "in a post on Truth Social"
/// -> cue "post"). Speakers are resolved to the document's actor mentions when one names them.
/// Vocabulary: Quotes/Data (speech verbs, attribution phrases, subject words).
/// </summary>
public sealed class QuoteStage : IPipelineStage
{
    private readonly QuoteLexicon _lex = QuoteLexicon.Default;
    private readonly SpeechClauses _clauses;
    private readonly Regex _cues;

    /// <summary>Creates the stage.</summary>
    public QuoteStage()
    {
        _clauses = new SpeechClauses(_lex);
        var alternation = string.Join("|", _lex.Cues.Select(c => c.Phrase).OrderByDescending(p => p.Length)
            .Select(p => Regex.Escape(p).Replace("\\ ", "\\s+")));
        _cues = new Regex($"(?<![\\w])(?<cue>{alternation})\\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <inheritdoc />
    public string Name => "quotes";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.Actors];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Quotes];

    /// <summary>The fewest words a reported-speech clause must have to be kept.</summary>
    public const int MinReportedWords = 3;

    /// <summary>The most words an attributed source's name may have ("according to ...").</summary>
    public const int MaxSourceWords = 8;

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var quotes = FindQuotations(document);
        var quoteSpans = quotes.Select(q => q.Span).ToList();
        var clauses = new List<SpeechClause>();
        foreach (var sentence in document.Sentences)
        {
            var inSentence = quoteSpans.Where(q => q.Overlaps(sentence.Span)).ToList();
            clauses.AddRange(_clauses.Find(document, sentence, inSentence, clauses));
        }

        // Direct quotations: the nearest speech clause of the sentences they lie in; else, for a quotation
        // that continues the one just before, that one's speaker.
        Quote? previous = null;
        foreach (var (span, sentenceIndex) in quotes)
        {
            var lastSentence = document.SentenceAt(Math.Max(span.Start, span.End - 1))?.Index ?? sentenceIndex;
            var candidates = clauses.Where(c => c.SentenceIndex >= sentenceIndex && c.SentenceIndex <= lastSentence && c.Speaker is not null && !span.Contains(c.Verb))
                .OrderBy(c => Distance(c.Verb, span)).ToList();
            var clause = candidates.FirstOrDefault();
            var trimmed = QuotedSpans.Trim(text, span);
            if (trimmed.Length == 0) continue;
            var quote = new Quote { Span = trimmed, Text = text[trimmed.Start..trimmed.End], SentenceIndex = sentenceIndex, Reported = false };
            if (clause?.Speaker is { } speaker)
            {
                Assign(quote, speaker);
            }
            else if (previous is { Speaker: not null } && sentenceIndex - previous.SentenceIndex <= 1 && IsWholeSentence(document, span, sentenceIndex))
            {
                quote.Speaker = previous.Speaker;
                quote.SpeakerCode = previous.SpeakerCode;
                quote.SpeakerSpan = previous.SpeakerSpan;
            }
            document.Quotes.Add(quote);
            previous = quote;
        }

        // Reported speech: the clause a speech verb introduces, when it is not itself a quotation.
        foreach (var c in clauses)
        {
            if (!c.Form.Clause || c.Inverted || c.Speaker is null) continue;
            // "chemicals that U.S. officials say fuel ...": a speech verb inside a relative clause reports no clause of its own.
            if (c.SubjectSpan is { } subject && PrecededByRelative(text, document.Sentences[c.SentenceIndex].Span.Start, subject.Start)) continue;
            if (ReportedClause(document, c, quoteSpans) is not { } content) continue;
            var quote = new Quote { Span = content, Text = text[content.Start..content.End], SentenceIndex = c.SentenceIndex, Reported = true };
            Assign(quote, c.Speaker);
            document.Quotes.Add(quote);
        }
        document.Quotes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));

        // Sources: every speech clause's speaker, and every attribution phrase's names.
        foreach (var c in clauses)
        {
            if (c.Speaker is not { } s) continue;
            document.Sources.Add(new SourceAttribution { Span = s.Span, Name = s.Actor is not null && !_lex.Pronouns.Contains(text[s.Span.Start..s.Span.End]) ? text[s.Span.Start..s.Span.End] : s.Name, SentenceIndex = c.SentenceIndex, Code = s.Code, Cue = c.Form.Cue });
        }
        foreach (var sentence in document.Sentences)
        {
            foreach (Match m in _cues.Matches(sentence.Text))
            {
                var cue = _lex.Cues.First(x => Regex.IsMatch(m.Groups["cue"].Value, "^" + Regex.Escape(x.Phrase).Replace("\\ ", "\\s+") + "$", RegexOptions.IgnoreCase));
                foreach (var name in NamesAfter(document, sentence, sentence.Span.Start + m.Index + m.Length, quoteSpans))
                {
                    var actor = document.Actors.Where(a => name.Contains(a.Span) || a.Span.Contains(name)).OrderByDescending(a => a.Span.End).FirstOrDefault();
                    document.Sources.Add(new SourceAttribution { Span = name, Name = text[name.Start..name.End], SentenceIndex = sentence.Index, Code = actor?.Code, Cue = cue.Cue });
                }
            }
        }
        // One attribution per source, cue and sentence ("Trump said ..., describing ...": Trump once).
        var unique = document.Sources.GroupBy(x => (x.SentenceIndex, x.Name, x.Cue)).Select(g => g.First()).OrderBy(x => x.Span.Start).ToList();
        document.Sources.Clear();
        document.Sources.AddRange(unique);
    }

    private static readonly Regex RelativeBefore = new(@"\b(?:that|which|who|whom)\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static bool PrecededByRelative(string text, int sentenceStart, int subjectStart) =>
        RelativeBefore.IsMatch(text[sentenceStart..subjectStart]);

    private static void Assign(Quote quote, Speaker speaker)
    {
        quote.Speaker = speaker.Name;
        quote.SpeakerCode = speaker.Code;
        quote.SpeakerSpan = speaker.Span;
    }

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : a.Start >= b.End ? a.Start - b.End : 0;

    /// <summary>Quotation spans (with their first sentence), paragraph by paragraph so that marks never pair across paragraphs.</summary>
    private static List<(TextSpan Span, int SentenceIndex)> FindQuotations(Document document)
    {
        var ranges = document.Paragraphs.Count > 0
            ? document.Paragraphs
            : document.Sentences.Select(s => s.Span).ToList();
        var result = new List<(TextSpan, int)>();
        foreach (var range in ranges)
        {
            foreach (var span in QuotedSpans.Find(document.Text, range))
            {
                if (document.SentenceAt(span.Start) is { } s) result.Add((span, s.Index));
            }
        }
        return result;
    }

    private static bool IsWholeSentence(Document document, TextSpan quote, int sentenceIndex)
    {
        var s = document.Sentences[sentenceIndex].Span;
        return document.Text[s.Start..quote.Start].Trim(' ', '“', '"').Length == 0;
    }

    /// <summary>"that" within three words after the verb ("said on Monday that", "told reporters that").</summary>
    private static readonly Regex ThatAhead = new(@"^(?:[^\s,.;:“”""]+\s+){0,3}?that\s", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>The words a speech verb reports ("said [he held a call ...]"), skipping a hearer and "that".</summary>
    private TextSpan? ReportedClause(Document document, SpeechClause c, IReadOnlyList<TextSpan> quotes)
    {
        var text = document.Text;
        var sentence = document.Sentences[c.SentenceIndex].Span;
        var start = c.Verb.End;
        var rest = text[start..sentence.End];
        // "told reporters (on Monday) that ...", "said in a statement that ...": start after "that" when it comes soon.
        var that = ThatAhead.Match(rest.TrimStart());
        if (that.Success) start += rest.Length - rest.TrimStart().Length + that.Length;
        else if (!c.Form.BareClause) return null;
        else if (c.Form.Object)
        {
            // "told reporters he ...": skip the hearer.
            var words = SpeechClauses.Words(text, new TextSpan(start, sentence.End));
            if (words.Count < 2) return null;
            start = words[1].Start;
        }
        while (start < sentence.End && char.IsWhiteSpace(text[start])) start++;
        if (start >= sentence.End) return null;
        // "said:" followed by a quotation, "said to be", "said in a statement." are not reported speech.
        if (text[start] is '“' or '"' or ',' or ':' or '.' ) return null;
        var after = text[start..sentence.End];
        if (Regex.IsMatch(after, @"^(?:to|in|on|at|by|for|with|of|about|as)\b", RegexOptions.IgnoreCase)) return null;
        var end = sentence.End;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '!' or '?' or '”' or '"' or ',')) end--;
        // Keep a quotation that closes the clause whole: "remained “extremely strong.”"
        var inner = text[start..end];
        if (inner.Count(ch => ch == '“') > inner.Count(ch => ch == '”') && text.IndexOf('”', end, sentence.End - end) is var close and >= 0) end = close + 1;
        var span = new TextSpan(start, end);
        if (SpeechClauses.Words(text, span).Count < MinReportedWords) return null;
        // A clause that is all quotation is the direct quote's, not a second, reported one.
        if (quotes.Any(q => q.Start <= start + 1 && q.End >= end - 1)) return null;
        return span;
    }

    private static readonly Regex NameStop = new(@"[,;:.!?()“”""]|\s(?:that|which|who|whose|where|when|as|both|while|said|says|reported|confirmed|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", RegexOptions.Compiled);

    /// <summary>The names after an attribution phrase, up to the clause's end, split on "and" ("the White House and China's Xinhua News Agency").</summary>
    private static IEnumerable<TextSpan> NamesAfter(Document document, Sentence sentence, int start, IReadOnlyList<TextSpan> quotes)
    {
        var text = document.Text;
        var stop = NameStop.Match(text, start, sentence.Span.End - start);
        var end = stop.Success ? stop.Index : sentence.Span.End;
        var words = SpeechClauses.Words(text, new TextSpan(start, end));
        if (words.Count == 0 || words.Count > MaxSourceWords * 2) yield break;
        var part = new List<SpeechClauses.Word>();
        foreach (var w in words.Append(new SpeechClauses.Word(end, end, "and")))
        {
            if (w.Text.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                // "the White House" -> "White House": the article is not part of the name.
                var trimmed = part.SkipWhile(p => p.Text is "the" or "The" or "a" or "an").ToList();
                if (trimmed.Count > 0 && trimmed.Count <= MaxSourceWords && !quotes.Any(q => q.Contains(trimmed[0].Start)))
                    yield return new TextSpan(trimmed[0].Start, trimmed[^1].End);
                part.Clear();
            }
            else part.Add(w);
        }
    }
}
