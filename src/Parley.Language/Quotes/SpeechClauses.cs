using System.Text.RegularExpressions;
using Parley.Core.Model;

namespace Parley.Language.Quotes;

/// <summary>Who speaks: the name as written, its resolved actor when there is one, and where it is.</summary>
internal sealed record Speaker(string Name, string? Code, TextSpan Span, ActorMention? Actor);

/// <summary>A speech verb in a sentence with its speaker ("Trump said", "said Xi").</summary>
internal sealed record SpeechClause(int SentenceIndex, TextSpan Verb, SpeechVerb Form, Speaker? Speaker, TextSpan? SubjectSpan, bool Inverted);

/// <summary>
/// Finds speech verbs and their subjects in a sentence, without a parser: the subject is the words
/// just before the verb back to a clause boundary (or, after a closing quotation mark, the words just
/// after the verb: "”, said Xi"), resolved to the actor mention inside it; a subject pronoun is the
/// previous speaker; a second verb joined by "and" shares the first one's subject.
/// </summary>
internal sealed partial class SpeechClauses(QuoteLexicon lex)
{
    /// <summary>The most words a subject may have.</summary>
    public const int MaxSubjectWords = 7;

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}'’.&\-]*[\p{L}\p{N}])?\.?")]
    private static partial Regex WordPattern();

    internal readonly record struct Word(int Start, int End, string Text);

    /// <summary>The words of a text range, with document offsets.</summary>
    public static List<Word> Words(string text, TextSpan span)
    {
        var list = new List<Word>();
        foreach (Match m in WordPattern().Matches(text[span.Start..span.End]))
        {
            var w = m.Value;
            // A trailing full stop belongs to the word only for initials ("U.S.").
            var end = m.Index + m.Length;
            if (w.EndsWith('.') && !Regex.IsMatch(w, @"^(?:\p{Lu}\.)+$|\.\p{L}\.$")) { w = w[..^1]; end--; }
            list.Add(new Word(span.Start + m.Index, span.Start + end, w));
        }
        return list;
    }

    /// <summary>The speech clauses of one sentence, in order; quoted spans are skipped.</summary>
    public List<SpeechClause> Find(Document doc, Sentence sentence, IReadOnlyList<TextSpan> quotes, IReadOnlyList<SpeechClause> earlier)
    {
        var text = doc.Text;
        var words = Words(text, sentence.Span);
        var result = new List<SpeechClause>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!lex.Verbs.TryGetValue(w.Text, out var verb)) continue;
            if (quotes.Any(q => q.Contains(w.Start))) continue;
            // "the claims", "their reports": after a determiner the word is a noun.
            if (i > 0 && lex.Determiners.Contains(words[i - 1].Text) && text[words[i - 1].End..w.Start].Trim().Length == 0) continue;
            // A capitalised form inside the sentence is a name or a title ("Says Who"), not a verb.
            if (i > 0 && char.IsUpper(w.Text[0])) continue;
            if (!PresentTenseSubjectOk(words, i)) continue;
            // "easy for people to say": an infinitive has no subject of its own here.
            if (i > 0 && words[i - 1].Text.Equals("to", StringComparison.OrdinalIgnoreCase)) continue;
            // "was reported", "has been told": a passive speech verb names no speaker.
            if (i > 0 && lex.Passives.Contains(words[i - 1].Text) && !w.Text.EndsWith("ing", StringComparison.Ordinal)) continue;
            var clause = Subject(doc, sentence, words, i, verb, quotes, result, earlier);
            if (clause is not null) result.Add(clause);
        }
        return result;
    }

    private SpeechClause? Subject(Document doc, Sentence sentence, List<Word> words, int verbIndex, SpeechVerb verb,
        IReadOnlyList<TextSpan> quotes, List<SpeechClause> sameSentence, IReadOnlyList<SpeechClause> earlier)
    {
        var text = doc.Text;
        var verbWord = words[verbIndex];
        var verbSpan = new TextSpan(verbWord.Start, verbWord.End);
        // Walk left over adverbs and auxiliaries, then collect the subject up to a boundary or punctuation.
        var j = verbIndex - 1;
        while (j >= 0 && lex.Skips.Contains(words[j].Text) && Gap(text, words[j].End, words[j + 1].Start)) j--;
        var last = j;
        var startIdx = j + 1;
        while (j >= 0 && last - j < MaxSubjectWords && !lex.Boundaries.Contains(words[j].Text) && !lex.Skips.Contains(words[j].Text)
               && !lex.Verbs.ContainsKey(words[j].Text) && Gap(text, words[j].End, words[j + 1].Start))
        {
            startIdx = j;
            j--;
        }
        if (startIdx <= last)
        {
            var span = new TextSpan(words[startIdx].Start, words[last].End);
            var speaker = Resolve(doc, span, sameSentence, earlier);
            if (speaker.Actor is null && !LooksLikeSubject(words.GetRange(startIdx, last - startIdx + 1))) return null;
            return new SpeechClause(sentence.Index, verbSpan, verb, speaker, span, false);
        }

        var before = text[sentence.Span.Start..words[last + 1].Start].TrimEnd();
        var prevWord = last >= 0 ? words[last].Text : "";
        // "”, said Xi" / "”, said the minister": the subject follows the verb.
        if (Regex.IsMatch(before, "[”\"],?$|,[”\"]$"))
        {
            var after = new List<Word>();
            for (var k = verbIndex + 1; k < words.Count && after.Count < MaxSubjectWords; k++)
            {
                if (!Gap(text, (after.Count == 0 ? verbWord : after[^1]).End, words[k].Start)) break;
                if (lex.Boundaries.Contains(words[k].Text)) break;
                after.Add(words[k]);
            }
            if (after.Count == 0) return null;
            var span = new TextSpan(after[0].Start, after[^1].End);
            return new SpeechClause(sentence.Index, verbSpan, verb, Resolve(doc, span, sameSentence, earlier), span, true);
        }
        // "... and said", "..., describing": the verb shares the subject of the clause before it in the sentence.
        if ((prevWord is "and" or "but" || before.EndsWith(',')) && sameSentence.Count > 0)
        {
            var prev = sameSentence[^1];
            return new SpeechClause(sentence.Index, verbSpan, verb, prev.Speaker, prev.SubjectSpan, false);
        }
        // "Trump, who ..., said": the sentence's first phrase, when it names an actor.
        if (before.EndsWith(','))
        {
            var comma = text.IndexOf(',', sentence.Span.Start, verbWord.Start - sentence.Span.Start);
            if (comma > sentence.Span.Start)
            {
                var span = new TextSpan(sentence.Span.Start, comma);
                // The subject opens the sentence: its first actor ("Trump, who met Xi, said").
                var actor = doc.Actors.Where(a => span.Contains(a.Span)).MinBy(a => a.Span.Start);
                if (actor is not null)
                    return new SpeechClause(sentence.Index, verbSpan, verb, new Speaker(actor.Name, actor.Code, actor.Span, actor), span, false);
            }
        }
        return null;
    }

    /// <summary>
    /// A present-tense "-s" form ("says", "reports", "calls") is as often a plural noun ("five separate
    /// calls", "media reports"): take it as a verb only after a name, a pronoun, an adverb or auxiliary,
    /// or a determiner and one noun ("the ministry says").
    /// </summary>
    private bool PresentTenseSubjectOk(List<Word> words, int i)
    {
        var form = words[i].Text;
        if (!form.EndsWith('s') || form.EndsWith("ss", StringComparison.Ordinal)) return true;
        if (i == 0) return false;
        var prev = words[i - 1].Text;
        if (char.IsUpper(prev[0]) || lex.Pronouns.Contains(prev) || lex.Skips.Contains(prev)) return true;
        return i >= 2 && lex.Determiners.Contains(words[i - 2].Text);
    }

    /// <summary>The most words a subject without a known actor may have ("the foreign ministry's spokesman").</summary>
    public const int MaxPlainSubjectWords = 7;

    /// <summary>
    /// Without an actor to vouch for it, a subject must look like a noun phrase: a pronoun, at most
    /// <see cref="MaxPlainSubjectWords"/> words, no verb forms ("-ing", "-ed", "is"), and either short,
    /// capitalised or opened by a determiner ("officials", "the foreign minister", "his campaign").
    /// </summary>
    private bool LooksLikeSubject(List<Word> np)
    {
        if (np.Count == 1 && lex.Pronouns.Contains(np[0].Text)) return true;
        if (np.Count > MaxPlainSubjectWords) return false;
        foreach (var w in np)
        {
            var t = w.Text;
            if (lex.Passives.Contains(t) || lex.Verbs.ContainsKey(t) || lex.Pronouns.Contains(t) && np.Count > 1) return false;
            if (char.IsLower(t[0]) && (t.EndsWith("ing", StringComparison.Ordinal) || t.EndsWith("ed", StringComparison.Ordinal) && !t.EndsWith("eed", StringComparison.Ordinal))) return false;
        }
        return np.Count <= 2 || char.IsUpper(np[0].Text[0]) || lex.Determiners.Contains(np[0].Text);
    }

    /// <summary>True when only white space (no punctuation) separates two offsets.</summary>
    private static bool Gap(string text, int from, int to) => from <= to && text.AsSpan(from, to - from).Trim().Length == 0;

    /// <summary>The actor mention a subject names: the last one inside it (the head, "Chinese President Xi Jinping").</summary>
    private static ActorMention? ActorIn(Document doc, TextSpan span) =>
        doc.Actors.Where(a => a.Span.Overlaps(span) && span.Contains(a.Span) || a.Span.Contains(span))
            .OrderByDescending(a => a.Span.End).ThenByDescending(a => a.Span.Length).FirstOrDefault();

    private Speaker Resolve(Document doc, TextSpan span, IReadOnlyList<SpeechClause> sameSentence, IReadOnlyList<SpeechClause> earlier)
    {
        var written = doc.Slice(span);
        if (lex.Pronouns.Contains(written))
        {
            // The actor stage may have resolved the pronoun itself; else the latest speaker, else the latest person named.
            var pronounActor = doc.Actors.FirstOrDefault(a => a.Span == span);
            if (pronounActor is not null) return new Speaker(pronounActor.Name, pronounActor.Code, span, pronounActor);
            var previous = sameSentence.Concat(earlier).LastOrDefault(c => c.Speaker is { } s && !lex.Pronouns.Contains(s.Name) && c.Verb.Start < span.Start)?.Speaker;
            if (previous is not null) return previous with { Span = span };
            var person = doc.Actors.LastOrDefault(a => a.Kind == ActorKind.Person && a.Span.End <= span.Start);
            if (person is not null) return new Speaker(person.Name, person.Code, span, person);
            return new Speaker(written, null, span, null);
        }
        var actor = ActorIn(doc, span);
        return actor is not null ? new Speaker(actor.Name, actor.Code, span.Contains(actor.Span) ? actor.Span : span, actor) : new Speaker(written, null, span, null);
    }
}
