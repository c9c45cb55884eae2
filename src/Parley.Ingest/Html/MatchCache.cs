using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Parley.Ingest.Html;

/// <summary>
/// Remembers a regular expression's yes/no answer for strings that repeat. Class and id names
/// repeat on a page (every teaser of a list carries the same classes) and across the pages of a
/// site, and the furniture vocabularies are long alternations that are tried at almost every
/// position of a name, so asking again costs far more than looking the answer up. Thread-safe;
/// bounded (forgets everything when full).
/// </summary>
internal sealed class MatchCache(Func<Regex> regex)
{
    /// <summary>Distinct strings remembered before the cache starts over.</summary>
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Same as <c>regex().IsMatch(text)</c>.</summary>
    public bool IsMatch(string text)
    {
        if (_answers.TryGetValue(text, out var answer)) return answer;
        answer = regex().IsMatch(text);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _answers.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
        _answers[text] = answer;
        return answer;
    }
}
