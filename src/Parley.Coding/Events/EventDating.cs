using System.Globalization;
using Parley.Core.Lexicon;
using Parley.Core.Model;

namespace Parley.Coding.Events;

/// <summary>
/// Dates events. A time expression in the event's own clause wins; an undated event then takes the date
/// of another event of the same story: one at the same place ("In Busan, they reached a truce" after
/// "the October 30 talks in Busan"), one in the same sentence, or the previous sentence's when the
/// sentence continues it ("Beijing also agreed..."). Only then does the publication date stand in,
/// marked as a fallback.
/// </summary>
internal static class EventDating
{
    /// <summary>Normalises a TIMEX3 value to an ISO date prefix and its precision; null when it names no calendar date.</summary>
    public static (string Date, TimeGranularity Precision)? Normalize(TimeMention time)
    {
        var value = time.Value;
        if (string.IsNullOrEmpty(value) || time.Kind is TimeKind.Duration or TimeKind.Set) return null;
        if (value.StartsWith("P", StringComparison.Ordinal) || value.Contains("REF", StringComparison.Ordinal) || value.StartsWith("X", StringComparison.Ordinal)) return null;
        var t = value.IndexOf('T');
        if (t > 0) value = value[..t];
        if (value.Length >= 8 && value[4] == '-' && value[5] == 'W'
            && int.TryParse(value[..4], CultureInfo.InvariantCulture, out var wy) && int.TryParse(value[6..8], CultureInfo.InvariantCulture, out var wk))
        {
            // a week starts on its Monday; a weekend ("2024-W07-WE", "last weekend") on its Saturday
            var weekend = value.EndsWith("-WE", StringComparison.Ordinal);
            var first = ISOWeek.ToDateTime(wy, Math.Clamp(wk, 1, ISOWeek.GetWeeksInYear(wy)), weekend ? DayOfWeek.Saturday : DayOfWeek.Monday);
            return (first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TimeGranularity.Week);
        }
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return (value, TimeGranularity.Day);
        if (value.Length == 7 && value[4] == '-' && char.IsDigit(value[5])) return (value, TimeGranularity.Month);
        if (value.Length >= 4 && value[..4].All(char.IsDigit))
        {
            var precision = value.Length == 4 ? TimeGranularity.Year : time.Granularity is TimeGranularity.Unknown ? TimeGranularity.Year : time.Granularity;
            return (value.Length == 4 ? value : value[..4], precision);
        }
        return null;
    }

    /// <summary>
    /// An event reported as having happened cannot postdate its article: a weekday resolved into the
    /// coming week ("signed a pact on Monday that will allow...") is read as the past one instead.
    /// </summary>
    public static string NotAfterPublication(string date, TimeMention time, EventStatus status, DateTimeOffset? published)
    {
        if (status is not (EventStatus.Occurred or EventStatus.Pledged) || published is not { } pub || date.Length != 10) return date;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return date;
        var pubDay = DateOnly.FromDateTime(pub.UtcDateTime);
        if (day <= pubDay || day.DayNumber - pubDay.DayNumber > 7) return date;
        var text = time.Text.ToLowerInvariant();
        return WeekdayNames.Unambiguous.Any(text.Contains) ? day.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date;
    }

    /// <summary>Fills the dates of events that their own clause left undated.</summary>
    public static void Propagate(List<DraftEvent> drafts, Document document)
    {
        // "within hours of the quake", "a day after the bombing": the event it is told against dates it
        ReferenceDating.Apply(drafts, document);
        // "The Israeli strikes hit Natanz" after "launched air strikes on Friday": the event named again
        ReferenceDating.ApplyDefiniteAnaphora(drafts, document);
        // same place as a dated event
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && d.Place is not null))
        {
            var anchor = drafts.FirstOrDefault(o => o.DateSource == DateSource.Explicit && o.Place is not null
                && string.Equals(o.Place.Name, e.Place!.Name, StringComparison.OrdinalIgnoreCase));
            if (anchor is not null) Adopt(e, anchor);
        }
        // same sentence as a dated event
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None))
        {
            // only from an event told before it in the sentence: "pledged ..., adding to ships financed since 2013" keeps its own day
            var mate = drafts.FirstOrDefault(o => o != e && o.SentenceIndex == e.SentenceIndex && drafts.IndexOf(o) < drafts.IndexOf(e)
                && o.DateSource is DateSource.Explicit or DateSource.Anchored);
            // "Japan, which imposed sanctions in 2022, praised India": a recalled act's date stays in its relative clause
            if (mate is not null && !SeparatedByRelativeClause(document.Text, mate, e)) Adopt(e, mate);
        }
        // "also": continues the previous sentence's story
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && d.ContinuesPrevious))
        {
            var previous = drafts.Where(o => o.SentenceIndex < e.SentenceIndex && o.DateSource is DateSource.Explicit or DateSource.Anchored)
                .OrderByDescending(o => o.SentenceIndex).FirstOrDefault();
            if (previous is not null && e.SentenceIndex - previous.SentenceIndex <= 2) Adopt(e, previous);
        }
        // "had vowed": a past perfect lies before the narrative's reference time, not on the news day
        ReferenceDating.ApplyPastPerfect(drafts, document);
        // "police said on Friday that 11 were arrested": with nothing else to date it, a reported act is no later than its report
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && d.SayingTime is not null))
        {
            if (Normalize(e.SayingTime!) is not { } said) continue;
            e.Date = NotAfterPublication(said.Date, e.SayingTime!, EventStatus.Occurred, document.Metadata.Published);
            e.Precision = said.Precision;
            e.RelativeDate = true;
            e.DateSource = DateSource.Anchored;
        }
        var published = document.Metadata.Published;
        // a past-tense report with no date of its own belongs to the story's news day: the latest day named
        // before it, when that day lies in the week before publication (older days are recalled history)
        if (published is { } pub)
        {
            var pubDay = DateOnly.FromDateTime(pub.UtcDateTime);
            var days = document.Times
                .Select(t => (Time: t, Date: Normalize(t)))
                .Where(t => t.Date is { Precision: TimeGranularity.Day })
                .Select(t => (t.Time.SentenceIndex, Day: DateOnly.ParseExact(
                    NotAfterPublication(t.Date!.Value.Date, t.Time, EventStatus.Occurred, pub), "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Where(t => t.Day <= pubDay && pubDay.DayNumber - t.Day.DayNumber <= 7)
                .ToList();
            foreach (var e in drafts.Where(d => d.DateSource == DateSource.None && !d.Present))
            {
                // the news day: the latest of the days named so far (a flashback to Monday in another paragraph does not move it)...
                var named = days.Where(d => d.SentenceIndex < e.SentenceIndex).ToList();
                if (named.Count == 0) continue;
                // ...unless the paragraph itself has moved to a day: "On Wednesday, police fired tear gas. Dozens were arrested."
                var paragraph = named.Where(d => d.SentenceIndex < document.Sentences.Count && document.Sentences[d.SentenceIndex].ParagraphIndex == e.ParagraphIndex)
                    .OrderByDescending(d => d.SentenceIndex).Select(d => (DateOnly?)d.Day).FirstOrDefault();
                e.Date = (paragraph ?? named.Max(d => d.Day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                e.Precision = TimeGranularity.Day;
                e.DateSource = DateSource.Anchored;
            }
        }
        foreach (var e in drafts.Where(d => d.DateSource == DateSource.None))
        {
            e.Date = published?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            e.Precision = TimeGranularity.Day;
            e.DateSource = DateSource.Fallback;
        }
    }

    /// <summary>True when the time that dated <paramref name="mate"/> stands in a relative clause (", which ... ,") that <paramref name="e"/>'s trigger is outside of.</summary>
    private static bool SeparatedByRelativeClause(string text, DraftEvent mate, DraftEvent e)
    {
        if (mate.Evidence.Count == 0 || e.Evidence.Count == 0 || mate.Evidence[0].Time is not { } time) return false;
        var clause = RelativeClause(text, mate.Evidence[0].Sentence, time.Start);
        return clause is { } c && !c.Contains(e.Evidence[0].Trigger.Start);
    }

    /// <summary>The character range of the relative clause (", which/who/whose/where ... ,") holding <paramref name="offset"/>, if any.</summary>
    internal static TextSpan? RelativeClause(string text, TextSpan sentence, int offset)
    {
        var comma = text.LastIndexOf(',', Math.Max(sentence.Start, offset - 1), Math.Max(0, offset - sentence.Start));
        if (comma < sentence.Start) return null;
        var rest = text.Substring(comma + 1, Math.Min(sentence.End, text.Length) - comma - 1).TrimStart();
        // The clause opens with a relative word ("which", "who": function-words.tsv) and a space.
        var word = 0;
        while (word < rest.Length && char.IsLetter(rest[word])) word++;
        if (word == 0 || word == rest.Length || !char.IsWhiteSpace(rest[word]) || !CoderResources.Default.Words.Is(rest[..word].ToLowerInvariant(), "relative")) return null;
        var end = text.IndexOf(',', offset, Math.Max(0, sentence.End - offset));
        return new TextSpan(comma, end < 0 ? sentence.End : end);
    }

    private static void Adopt(DraftEvent e, DraftEvent anchor)
    {
        e.Date = anchor.Date;
        e.Precision = anchor.Precision;
        e.RelativeDate = anchor.RelativeDate;
        e.DateSource = DateSource.Anchored;
    }

    /// <summary>True when two dates can name the same event: equal, one a prefix of the other, or within a week when one was relative.</summary>
    public static bool Compatible(DraftEvent a, DraftEvent b)
    {
        if (a.Date == b.Date) return true;
        if (a.Date is null || b.Date is null) return false;
        if (a.DateSource == DateSource.Fallback || b.DateSource == DateSource.Fallback) return false;
        if (a.Date.StartsWith(b.Date, StringComparison.Ordinal) || b.Date.StartsWith(a.Date, StringComparison.Ordinal)) return true;
        if ((a.RelativeDate || b.RelativeDate)
            && DateOnly.TryParseExact(a.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var da)
            && DateOnly.TryParseExact(b.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var db))
            return Math.Abs(da.DayNumber - db.DayNumber) <= 7;
        return false;
    }
}
