using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Coding.Tests;

/// <summary>A name the hand-made actor layer recognises.</summary>
public sealed record HandActor(string Name, string Country, string Sector, ActorKind Kind);

/// <summary>
/// Builds documents by hand for coder tests, without the real language stages: paragraphs on blank
/// lines, sentences on ". " before a capital, tokens on words and punctuation (possessive "'s" split
/// off, "U.S." kept whole), and actor, time and place mentions found by exact name.
/// </summary>
public static partial class HandDocument
{
    [GeneratedRegex(@"(?:[A-Z]\.){2,}|['’]s\b|\w+(?:[-–'’]\w+)*|\S")]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"(?<=[.!?][”""]?)\s+(?=[A-Z“""])")]
    private static partial Regex SentenceBreak();

    /// <summary>Builds a document with sentences, tokens, actors, times and places.</summary>
    public static Document Build(
        string text,
        DateTimeOffset published,
        IReadOnlyList<HandActor> actors,
        IReadOnlyDictionary<string, string>? times = null,
        IReadOnlyDictionary<string, string>? places = null,
        IReadOnlyList<(string Name, string Cue)>? sources = null)
    {
        var paragraphs = Regex.Split(text.Replace("\r", ""), @"\n\s*\n").Select(p => p.Replace('\n', ' ').Trim()).Where(p => p.Length > 0);
        var document = Document.FromParagraphs(paragraphs, new ArticleMetadata { Published = published, Title = "test" });
        var body = document.Text;
        for (var p = 0; p < document.Paragraphs.Count; p++)
        {
            var para = document.Paragraphs[p];
            var paraText = document.Slice(para);
            var start = 0;
            foreach (Match brk in SentenceBreak().Matches(paraText).Append(null!))
            {
                var end = brk is null ? paraText.Length : brk.Index;
                var span = new TextSpan(para.Start + start, para.Start + end);
                var sentence = new Sentence(document, document.Sentences.Count, span, p) { FirstToken = document.Tokens.Count };
                foreach (Match m in TokenRegex().Matches(body[span.Start..span.End]))
                {
                    var tspan = new TextSpan(span.Start + m.Index, span.Start + m.Index + m.Length);
                    document.Tokens.Add(new Token(document, document.Tokens.Count, sentence.Index, tspan));
                }
                sentence.TokenCount = document.Tokens.Count - sentence.FirstToken;
                document.Sentences.Add(sentence);
                if (brk is not null) start = brk.Index + brk.Length;
            }
        }
        document.MarkLayer(Layers.Sentences);
        document.MarkLayer(Layers.Tokens);

        foreach (var (span, actor) in Find(body, actors.Select(a => (a.Name, a))))
        {
            document.Actors.Add(new ActorMention
            {
                Span = span, Text = body[span.Start..span.End], SentenceIndex = SentenceOf(document, span),
                Kind = actor.Kind, Country = actor.Country, Sector = actor.Sector, Name = actor.Name,
            });
        }
        foreach (var (span, value) in Find(body, (times ?? new Dictionary<string, string>()).Select(kv => (kv.Key, kv.Value))))
        {
            var relative = Regex.IsMatch(body[span.Start..span.End], "earlier|later|ago|last|next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday", RegexOptions.IgnoreCase);
            document.Times.Add(new TimeMention
            {
                Span = span, Text = body[span.Start..span.End], SentenceIndex = SentenceOf(document, span), Value = value,
                Granularity = value.Length switch { 4 => TimeGranularity.Year, 7 => TimeGranularity.Month, _ => TimeGranularity.Day },
                Anchor = relative ? "publication" : "absolute",
            });
        }
        foreach (var (span, country) in Find(body, (places ?? new Dictionary<string, string>()).Select(kv => (kv.Key, kv.Value))))
        {
            document.Places.Add(new PlaceMention
            {
                Span = span, Text = body[span.Start..span.End], SentenceIndex = SentenceOf(document, span),
                Name = body[span.Start..span.End], Country = country,
            });
        }
        foreach (var (span, cue) in Find(body, (sources ?? []).Select(s => (s.Name, s.Cue))))
        {
            document.Sources.Add(new SourceAttribution { Span = span, Name = body[span.Start..span.End], SentenceIndex = SentenceOf(document, span), Cue = cue });
        }
        document.Actors.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        document.Times.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        document.Places.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        document.MarkLayer(Layers.Actors);
        document.MarkLayer(Layers.Times);
        document.MarkLayer(Layers.Places);
        return document;
    }

    /// <summary>Parses "2025-11-24" as a publication time at 07:00 UTC.</summary>
    public static DateTimeOffset Day(string date) =>
        DateTimeOffset.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddHours(7);

    private static int SentenceOf(Document document, TextSpan span) => document.SentenceAt(span.Start)?.Index ?? 0;

    /// <summary>Non-overlapping whole-word occurrences of each name, longest names first.</summary>
    private static List<(TextSpan Span, T Value)> Find<T>(string body, IEnumerable<(string Name, T Value)> names)
    {
        var found = new List<(TextSpan, T)>();
        var taken = new bool[body.Length];
        foreach (var (name, value) in names.OrderByDescending(n => n.Name.Length))
        {
            foreach (Match m in Regex.Matches(body, @"(?<![\w.])" + Regex.Escape(name) + @"(?![\w])"))
            {
                if (Enumerable.Range(m.Index, m.Length).Any(i => taken[i])) continue;
                for (var i = m.Index; i < m.Index + m.Length; i++) taken[i] = true;
                found.Add((new TextSpan(m.Index, m.Index + m.Length), value));
            }
        }
        return found;
    }
}
