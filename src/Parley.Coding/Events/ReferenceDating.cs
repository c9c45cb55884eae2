using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Coding.Events;

/// <summary>
/// Dates an event told relative to another one instead of the calendar ("appealed for help within hours
/// of the quake", "a day after the bombing", "two days after the vote"): the event named is looked up
/// earlier in the article, where a time dates it ("Monday's earthquake", "the vote on Sunday"), and the
/// offset is applied to that day. Also dates a past perfect ("had vowed") with no time of its own by the
/// nearest earlier day the narrative gives, since a past perfect is by definition before the story's
/// reference time, never the publication day.
/// </summary>
internal static partial class ReferenceDating
{
    /// <summary>"within hours of the X", "less than 24 hours after the X", "a day after X", "two weeks before the X".</summary>
    [GeneratedRegex(@"\b(?:within\s+(?:(?:a\s+few|several|a|an|\d+|\w+)\s+)?(?<u>minutes?|hours?|days?)\s+of|(?:(?:less|more)\s+than\s+|just\s+|only\s+|barely\s+)?(?<c>a|an|one|two|three|four|five|six|seven|\d+|hours|minutes|days)\s+(?<u>minutes?|hours?|days?|weeks?)?\s*(?<dir>after|before))\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)(?<np>[a-z0-9.'-]+(?:\s+[a-z0-9.'-]+){0,3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeToEvent();

    /// <summary>Words that end a noun phrase: the head is the word before them.</summary>
    [GeneratedRegex(@"^(?:of|in|at|on|and|or|that|which|who|when|where|to|by|with|for|from|as|was|were|is|had|has|have|killed|hit|struck)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NounPhraseEnd();

    [GeneratedRegex(@"\bhad\s+(?:(?:not|never|already|also|earlier|previously|repeatedly|long|just)\s+)*(?:been\s+)?\w+(?:ed|en|wn|ld|ht|nt|ne|ot|un|id|ade|ung)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastPerfect();

    /// <summary>Dates undated events told relative to another dated event of the article.</summary>
    public static void Apply(List<DraftEvent> drafts, Document document)
    {
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && d.Evidence.Count > 0))
        {
            var sentence = e.Evidence[0].Sentence;
            // Every match names a direction ("after", "before") or "within": most sentences have none, and the pattern is costly to try at every "a".
            if (!MentionsOffsetWord(document.Text.AsSpan(sentence.Start, sentence.Length))) continue;
            var text = document.Text.Substring(sentence.Start, sentence.Length);
            foreach (Match m in RelativeToEvent().Matches(text))
            {
                var head = Head(m.Groups["np"].Value);
                if (head is null || head.Length < 4) continue;
                if (EventDay(document, head, sentence.Start + m.Index) is not { } day) continue;
                var offset = Offset(m);
                if (offset is null) continue;
                e.Date = day.AddDays(offset.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                e.Precision = TimeGranularity.Day;
                e.RelativeDate = true;
                e.DateSource = DateSource.Anchored;
                break;
            }
        }
    }

    private static bool MentionsOffsetWord(ReadOnlySpan<char> text) =>
        text.Contains("after", StringComparison.OrdinalIgnoreCase) || text.Contains("before", StringComparison.OrdinalIgnoreCase)
        || text.Contains("within", StringComparison.OrdinalIgnoreCase);

    /// <summary>"The Israeli strikes hit ...", "The talks ended ...": a sentence opening on a definite noun phrase.</summary>
    [GeneratedRegex(@"^\W*(?:the|these|those|this|that)\s+(?<np>[\w.'-]+(?:\s+[\w.'-]+){0,3})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefiniteOpening();

    /// <summary>
    /// Dates an undated event whose sentence opens by naming an earlier dated event again ("Israel launched air
    /// strikes on Friday. The Israeli strikes hit Natanz."): the head noun is a word of that event's trigger.
    /// </summary>
    public static void ApplyDefiniteAnaphora(List<DraftEvent> drafts, Document document)
    {
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && d.Evidence.Count > 0))
        {
            var sentence = e.Evidence[0].Sentence;
            var m = DefiniteOpening().Match(document.Text.Substring(sentence.Start, sentence.Length));
            if (!m.Success) continue;
            // the noun phrase's words, up to its verb ("The talks ended": talks; "The Israeli strikes hit": israeli, strikes)
            var nounPhrase = m.Groups["np"].Value.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile(w => !NounPhraseEnd().IsMatch(w) && !w.EndsWith("ed", StringComparison.Ordinal))
                .Where(w => w.Length >= 4).ToList();
            if (nounPhrase.Count == 0) continue;
            var antecedent = drafts
                .Where(o => o.DateSource == DateSource.Explicit && o.SentenceIndex < e.SentenceIndex && e.SentenceIndex - o.SentenceIndex <= 3 && o.Evidence.Count > 0)
                .OrderByDescending(o => o.SentenceIndex)
                .FirstOrDefault(o => Words(document.Text.Substring(o.Evidence[0].Trigger.Start, o.Evidence[0].Trigger.Length)).Overlaps(nounPhrase));
            if (antecedent is null) continue;
            e.Date = antecedent.Date;
            e.Precision = antecedent.Precision;
            e.RelativeDate = antecedent.RelativeDate;
            e.DateSource = DateSource.Anchored;
        }
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Dates an undated past perfect by the nearest day-precise time before it in the last few sentences.</summary>
    public static void ApplyPastPerfect(List<DraftEvent> drafts, Document document)
    {
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && d.Evidence.Count > 0))
        {
            var trigger = e.Evidence[0].Trigger.Start;
            var sentence = e.Evidence[0].Sentence;
            var after = Math.Min(40, sentence.End - trigger);
            // every past perfect has "had": most sentences have none, so the text is neither copied nor searched
            var read = trigger >= sentence.Start ? document.Text.AsSpan(sentence.Start, trigger - sentence.Start + after) : document.Text.AsSpan(trigger, after);
            if (!read.Contains("had", StringComparison.OrdinalIgnoreCase)) continue;
            var before = document.Text.Substring(sentence.Start, Math.Max(0, trigger - sentence.Start));
            var perfect = PastPerfect().Matches(before + document.Text.Substring(trigger, after))
                .Any(m => m.Index <= before.Length && m.Index + m.Length >= before.Length);
            if (!perfect) continue;
            var nearest = document.Times
                .Where(t => t.Span.End <= trigger && e.SentenceIndex - t.SentenceIndex <= 2)
                .Select(t => (Time: t, Date: EventDating.Normalize(t)))
                .Where(t => t.Date is { Precision: TimeGranularity.Day })
                .OrderByDescending(t => t.Time.Span.Start)
                .FirstOrDefault();
            if (nearest.Date is not { } date) continue;
            e.Date = EventDating.NotAfterPublication(date.Date, nearest.Time, EventStatus.Occurred, document.Metadata.Published);
            e.Precision = TimeGranularity.Day;
            e.RelativeDate = true;
            e.DateSource = DateSource.Anchored;
        }
    }

    private static string? Head(string np)
    {
        string? head = null;
        foreach (var word in np.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.TrimEnd('.', ',', '\'');
            if (NounPhraseEnd().IsMatch(w)) break;
            head = w.ToLowerInvariant();
            if (word.EndsWith(',') || word.EndsWith('.')) break;
        }
        return head;
    }

    /// <summary>Days from the named event: hours and minutes are the same day; "a day after" is one day on.</summary>
    private static int? Offset(Match m)
    {
        var unit = m.Groups["u"].Success ? m.Groups["u"].Value.ToLowerInvariant().TrimEnd('s') : m.Groups["c"].Value.ToLowerInvariant().TrimEnd('s');
        if (!m.Groups["dir"].Success) return unit is "minute" or "hour" ? 0 : null; // "within days of" is too vague
        var sign = m.Groups["dir"].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var countText = m.Groups["c"].Value.ToLowerInvariant();
        if (unit is "minute" or "hour") return 0;
        int count = countText switch
        {
            "a" or "an" or "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7,
            _ => int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1,
        };
        if (count < 0) return null;
        return unit switch { "day" => sign * count, "week" => sign * 7 * count, _ => null };
    }

    /// <summary>The day an earlier mention of the event named <paramref name="head"/> is dated by, in its own sentence.</summary>
    private static DateOnly? EventDay(Document document, string head, int before)
    {
        var text = document.Text;
        var lower = text[..before].ToLowerInvariant();
        // the nearest earlier mention whose word ends with the head ("earthquake" for "the quake") or is a form of it
        var stem = head.Length > 5 ? head[..^2] : head;
        for (var i = lower.Length; i > 0;)
        {
            var k = lower.LastIndexOf(stem, i - 1, StringComparison.Ordinal);
            if (k < 0) break;
            i = k;
            var wordEnd = k + stem.Length;
            while (wordEnd < lower.Length && char.IsLetter(lower[wordEnd])) wordEnd++;
            if (wordEnd - (k + stem.Length) > 3) continue;
            var sentence = document.Sentences.FirstOrDefault(s => s.Span.Start <= k && k < s.Span.End);
            if (sentence is null) continue;
            var day = document.Times
                .Where(t => t.SentenceIndex == sentence.Index)
                .Select(t => (Time: t, Date: EventDating.Normalize(t)))
                .Where(t => t.Date is { Precision: TimeGranularity.Day })
                .OrderBy(t => Math.Min(Math.Abs(t.Time.Span.End - k), Math.Abs(t.Time.Span.Start - wordEnd)))
                .Select(t => (Date: EventDating.NotAfterPublication(t.Date!.Value.Date, t.Time, EventStatus.Occurred, document.Metadata.Published), Distance: Math.Min(Math.Abs(t.Time.Span.End - k), Math.Abs(t.Time.Span.Start - wordEnd))))
                .FirstOrDefault();
            // the time must be close to the noun ("Monday's earthquake", "the vote on Sunday"), not elsewhere in a long sentence
            if (day.Date is null || day.Distance > 40) continue;
            return DateOnly.ParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return null;
    }
}
