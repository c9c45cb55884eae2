using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Parley.Ingest.Html;

/// <summary>
/// Answers <c>regex.IsMatch(text)</c> faster for the furniture vocabularies (long alternations of
/// words such as <c>comment|share|related|...</c>) matched against class and id names, with the
/// same answers:
/// <list type="bullet">
/// <item>The plain-word alternatives of the pattern are searched all at once, case-insensitively, with a
/// vectorised multi-string search; only the other alternatives (<c>rich-?text</c>, anchored words) go to a
/// regular expression. A single regex cannot use that search because one alternative may start
/// anywhere, so it tries every branch at almost every character.</item>
/// <item>Answers are remembered: class and id names repeat on a page (every teaser of a list carries
/// the same classes). Bounded: forgets everything when full.</item>
/// </list>
/// Thread-safe.
/// </summary>
public sealed class MatchCache
{
    /// <summary>Distinct strings remembered before the cache starts over.</summary>
    private const int Capacity = 50_000;

    private readonly SearchValues<string>? _words;
    private readonly Regex? _rest;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Splits <paramref name="regex"/>'s top-level alternatives into plain words and the rest.</summary>
    public MatchCache(Func<Regex> regex)
    {
        var r = regex();
        var alternatives = TopLevelAlternatives(r.ToString());
        var ignoreCase = (r.Options & RegexOptions.IgnoreCase) != 0;
        var words = alternatives.Where(a => a.Length > 0 && a.All(IsPlain)).ToList();
        if (words.Count == 0 || alternatives.Count == 1)
        {
            _rest = r;
            return;
        }
        _words = SearchValues.Create(words.ToArray(), ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        var rest = alternatives.Where(a => !(a.Length > 0 && a.All(IsPlain))).ToList();
        if (rest.Count > 0) _rest = new Regex(string.Join("|", rest), r.Options | RegexOptions.Compiled, r.MatchTimeout);
    }

    /// <summary>Same as <c>regex().IsMatch(text)</c>.</summary>
    public bool IsMatch(string text)
    {
        if (_answers.TryGetValue(text, out var answer)) return answer;
        answer = (_words is not null && text.AsSpan().ContainsAny(_words)) || (_rest is not null && _rest.IsMatch(text));
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _answers.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
        _answers[text] = answer;
        return answer;
    }

    /// <summary>Characters that match only themselves (up to case) outside a character class.</summary>
    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The pattern split at its top-level <c>|</c> (outside groups, classes and escapes).</summary>
    private static List<string> TopLevelAlternatives(string pattern)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0)
            {
                parts.Add(pattern[start..i]);
                start = i + 1;
            }
        }
        parts.Add(pattern[start..]);
        return parts;
    }
}
