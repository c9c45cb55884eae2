using System.Text.RegularExpressions;
using Parley.Core.Model;
using Parley.Core.Pipeline;

namespace Parley.Language.Temporal;

/// <summary>
/// Finds temporal expressions in each sentence and resolves them to TIMEX3-style values
/// (<see cref="TimeMention"/>) against the publication time, reading the article as news: ambiguous
/// forms ("on Monday", "October 30", "in April") look back unless their sentence looks forward,
/// relative ones ("three weeks earlier", "later in the year") follow the narrative, and approximate
/// ones snap to a date the article states nearby (<see cref="NarrativeSnapping"/>).
/// When the document has no publication time, the reference is today by the injected clock
/// (a diagnostic PARLEY-T001 says so).
/// </summary>
public sealed class TemporalStage : IPipelineStage
{
    private readonly TimeProvider _clock;
    // The compiled grammar is shared by every instance: it is immutable and costly to build.
    private static readonly Lazy<(TemporalGrammar Grammar, TemporalRules Rules, TenseReading Tense)> Grammar = new(() =>
    {
        var lex = TemporalLexicon.Default;
        var grammar = new TemporalGrammar(lex);
        return (grammar, new TemporalRules(grammar), new TenseReading(lex));
    });

    private readonly TemporalGrammar _grammar;
    private readonly TemporalRules _rules;
    private readonly TenseReading _tense;

    /// <summary>Creates the stage; <paramref name="clock"/> supplies "today" for documents without a publication time (default: the system clock).</summary>
    public TemporalStage(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        (_grammar, _rules, _tense) = Grammar.Value;
    }

    /// <inheritdoc />
    public string Name => "times";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Provides { get; } = [Layers.Times];

    /// <summary>How many sentences back a relative expression may find its narrative anchor (within its paragraph).</summary>
    public const int NarrativeWindow = 2;

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        DateOnly reference;
        if (document.Metadata.Published is { } published)
        {
            // The article's own calendar day: the dateline's local date when it carries an offset.
            reference = DateOnly.FromDateTime(published.DateTime);
        }
        else
        {
            reference = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
            document.Diagnostics.Add(new Diagnostic("PARLEY-T001", Name,
                $"no publication time: relative dates were resolved against today ({TimexValue.Day(reference)})."));
        }
        var resolved = new List<ResolvedTime>();
        foreach (var sentence in document.Sentences)
        {
            ResolveSentence(document, sentence, reference, resolved);
        }
        NarrativeSnapping.Apply(resolved);
        foreach (var r in resolved)
        {
            document.Times.Add(new TimeMention
            {
                Span = new TextSpan(r.Start, r.End),
                Text = document.Text[r.Start..r.End],
                SentenceIndex = r.SentenceIndex,
                Kind = r.Kind,
                Value = r.Value,
                EndValue = r.EndValue,
                Granularity = r.Granularity,
                Anchor = r.Anchor,
            });
        }
    }

    /// <summary>Resolves one sentence's expressions and appends them to <paramref name="resolved"/> (the document's so far).</summary>
    private void ResolveSentence(Document document, Sentence sentence, DateOnly reference, List<ResolvedTime> resolved)
    {
        var text = sentence.Text;
        var paragraph = sentence.ParagraphIndex;
        bool InAnaphoricScope(int index) => index <= sentence.Index && sentence.Index - index <= NarrativeWindow;
        bool InScope(int index) =>
            InAnaphoricScope(index) && index < document.Sentences.Count && document.Sentences[index].ParagraphIndex == paragraph;
        var lowerCase = !text.Any(char.IsUpper);
        var firstOfSentence = resolved.Count;
        ResolutionContext Context() => new()
        {
            Reference = reference, Sentence = text, SentenceIndex = sentence.Index, Earlier = resolved,
            InNarrativeScope = InScope, InAnaphoricScope = InAnaphoricScope, Tense = _tense, LowerCaseText = lowerCase,
        };

        // 1. Every rule's matches that resolve to something, as candidates.
        var candidates = new List<(Match Match, TimeRule Rule, int Order)>();
        var probe = Context();
        var features = _grammar.Features(text);
        for (var i = 0; i < _rules.Rules.Count; i++)
        {
            var rule = _rules.Rules[i];
            if (rule.Needs != SentenceFeatures.None && (rule.Needs & features) == 0) continue;
            if (rule.Anchor is not null && !rule.Anchor.IsMatch(text)) continue;
            foreach (Match m in rule.Pattern.Matches(text))
            {
                if (m.Length == 0) continue;
                if (_grammar.Lexicon.NonDates.Contains(m.Value) || IsPartOfNonDate(text, m)) continue;
                probe.Match = m;
                if (rule.Resolve(m, probe) is not null) candidates.Add((m, rule, i));
            }
        }
        // 2. Longest non-overlapping matches win; on equal length, the earlier rule.
        var chosen = new List<(Match Match, TimeRule Rule)>();
        foreach (var c in candidates.OrderByDescending(c => c.Match.Length).ThenBy(c => c.Order))
        {
            if (chosen.Any(x => x.Match.Index < c.Match.Index + c.Match.Length && c.Match.Index < x.Match.Index + x.Match.Length)) continue;
            chosen.Add((c.Match, c.Rule));
        }
        // 3. Resolve in text order, so each expression sees the ones before it.
        var ctx = Context();
        foreach (var (m, rule) in chosen.OrderBy(x => x.Match.Index))
        {
            ctx.Match = m;
            if (rule.Resolve(m, ctx) is not { } r) continue;
            r.Start = sentence.Span.Start + m.Index;
            // An abbreviation's point at the end is the sentence's full stop as often as not: leave it out of the span.
            r.End = r.Start + m.Length - (m.Value.EndsWith('.') ? 1 : 0);
            r.SentenceIndex = sentence.Index;
            r.Rule = rule.Name;
            resolved.Add(r);
        }
        var mine = resolved.GetRange(firstOfSentence, resolved.Count - firstOfSentence);
        MergeRanges(document, mine);
        ExtendFrames(document, sentence, mine);
        resolved.RemoveRange(firstOfSentence, resolved.Count - firstOfSentence);
        resolved.AddRange(mine);
    }

    /// <summary>True when the match lies inside an idiom such as "24/7/365".</summary>
    private bool IsPartOfNonDate(string text, Match m)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        while (start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] == '/')) start--;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '/')) end++;
        return (start != m.Index || end != m.Index + m.Length) && _grammar.Lexicon.NonDates.Contains(text[start..end]);
    }

    private static readonly Regex WeekFrame = new("(?:\\bthe\\s+)?\\b(?:week\\s+(?:of|commencing|starting(?:\\s+on)?|beginning(?:\\s+on)?)|w/c)\\s+(?:the\\s+)?$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex MonthFrame = new("(?:\\bthe\\s+)?\\bmonth\\s+of\\s+$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>"the week of November 30th" is that day's ISO week; "the month of May" is May.</summary>
    private static void ExtendFrames(Document document, Sentence sentence, List<ResolvedTime> list)
    {
        foreach (var t in list)
        {
            if (t.Kind != TimeKind.Date) continue;
            var before = document.Text[sentence.Span.Start..t.Start];
            if (t.Granularity == TimeGranularity.Day && t.Day is { } day && WeekFrame.Match(before) is { Success: true } w)
            {
                t.Start = sentence.Span.Start + w.Index;
                t.Value = TimexValue.Week(day);
                t.Granularity = TimeGranularity.Week;
            }
            else if (t.Granularity is TimeGranularity.Month or TimeGranularity.Day && MonthFrame.Match(before) is { Success: true } mo)
            {
                t.Start = sentence.Span.Start + mo.Index;
            }
        }
    }

    private static readonly Regex RangeJoin = new("^\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex DateTimeJoin = new("^\\s*(?:[-–—,]|at|,\\s*at)?\\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex DurationStart = new("^\\s*,?\\s*(?:starting|beginning|from|starting\\s+(?:from|on)|beginning\\s+(?:from|on)|as\\s+of)\\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex SimpleDuration = new("^P(?<n>\\d+(?:\\.\\d+)?)(?<u>[DWMY])$", RegexOptions.Compiled);

    private static DateOnly? TryAddDuration(DateOnly from, string duration)
    {
        var m = SimpleDuration.Match(duration);
        if (!m.Success) return null;
        var n = double.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return CalendarMath.Add(from, m.Groups["u"].Value switch { "D" => "day", "W" => "week", "M" => "month", _ => "year" }, n);
    }

    private static readonly Regex RangeOpen = new("(?:from|between)\\s+$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>"from A to B", "between A and B", "A - B": two dates joined into one range.</summary>
    private static void MergeRanges(Document document, List<ResolvedTime> list)
    {
        for (var i = 0; i + 1 < list.Count; i++)
        {
            var a = list[i];
            var b = list[i + 1];
            if (a.Value is null || b.Value is null) continue;
            var between = document.Text[a.End..b.Start];
            if (a.Kind == TimeKind.Duration && b.Kind == TimeKind.Date && DurationStart.IsMatch(between) && b.Day is { } from
                && TryAddDuration(from, a.Value) is { } to)
            {
                // "for three days from today", "two weeks starting May 20": a range of that length from that day.
                list[i] = new ResolvedTime
                {
                    Start = a.Start, End = b.End, SentenceIndex = a.SentenceIndex, Kind = TimeKind.Range, Value = TimexValue.Day(from), EndValue = TimexValue.Day(to),
                    Granularity = TimeGranularity.Day, Anchor = b.Anchor, Day = from, Year = from.Year, Rule = "duration-range",
                };
                list.RemoveAt(i + 1);
                continue;
            }
            if (a.Kind != TimeKind.Date || b.Kind != TimeKind.Date) continue;
            if (b.Granularity == TimeGranularity.DateTime && a.Granularity == TimeGranularity.Day && b.Day == a.Day && DateTimeJoin.IsMatch(between))
            {
                // "November 24th, 2025 - 07:05 GMT": one date-time.
                list[i] = new ResolvedTime
                {
                    Start = a.Start, End = b.End, SentenceIndex = a.SentenceIndex, Value = b.Value, Granularity = TimeGranularity.DateTime,
                    Anchor = a.Anchor, Day = a.Day, Year = a.Year, Explicit = a.Explicit, Rule = "date-time",
                };
                list.RemoveAt(i + 1);
                continue;
            }
            if (!RangeJoin.IsMatch(between)) continue;
            var isAnd = between.Trim().Equals("and", StringComparison.OrdinalIgnoreCase);
            var sentenceStart = document.Sentences[a.SentenceIndex].Span.Start;
            var opener = RangeOpen.Match(document.Text[sentenceStart..a.Start]);
            if (isAnd && !(opener.Success && opener.Value.StartsWith("between", StringComparison.OrdinalIgnoreCase))) continue;
            // Without "from"/"between", only "until", "till", "through" or a dash join two dates ("to" alone is too loose).
            if (!isAnd && !opener.Success && between.Trim().Equals("to", StringComparison.OrdinalIgnoreCase) && a.Granularity != b.Granularity) continue;
            var start = opener.Success ? sentenceStart + opener.Index : a.Start;
            list[i] = new ResolvedTime
            {
                Start = start, End = b.End, SentenceIndex = a.SentenceIndex, Kind = TimeKind.Range,
                Value = a.Value, EndValue = b.Value, Granularity = a.Granularity, Anchor = a.Anchor, Day = a.Day, Year = a.Year, Rule = "range",
            };
            list.RemoveAt(i + 1);
        }
    }
}
