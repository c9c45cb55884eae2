using System.Text.RegularExpressions;

namespace Parley.Language.Temporal;

/// <summary>
/// Decides whether an ambiguous expression ("on Monday", "in April") looks forward or back, from the
/// tense and modality cues of its sentence (tense-cues.tsv). News is written after the fact, so
/// without a cue the reading is past. The nearest cue before the expression decides ("Trump said
/// he will visit in April": "will"); when there is none before it, the nearest one after it.
/// </summary>
internal sealed class TenseReading
{
    private readonly Regex _cues;
    private readonly Dictionary<string, bool> _direction = new(StringComparer.OrdinalIgnoreCase);

    public TenseReading(TemporalLexicon lex)
    {
        var parts = new List<string>();
        foreach (var cue in lex.TenseCues)
        {
            _direction[TemporalLexicon.Key(cue.Cue)] = cue.Future;
            var body = Regex.Escape(cue.Cue).Replace("\\ ", "\\s+");
            var left = char.IsLetter(cue.Cue[0]) ? "(?<!\\w)" : "";
            parts.Add(left + body + "(?!\\w)");
        }
        // Listed cues first; then any lower-case "-ed" word as a past form ("discussed"), except "-eed" words and "hundred".
        parts = parts.OrderByDescending(p => p.Length).ToList();
        parts.Add("(?<![\\w'’-])(?-i:[a-z]{2,}(?<!e|hundr)ed)(?!\\w)");
        _cues = new Regex("(?:" + string.Join("|", parts) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>A cue found in a sentence: where it is and which way it points.</summary>
    public readonly record struct Cue(int Start, int End, bool Future);

    /// <summary>The cues of a sentence, in order, each with its direction (modal verb groups applied).</summary>
    public List<Cue> Cues(string sentence)
    {
        var result = new List<Cue>();
        Match? previous = null;
        foreach (Match m in _cues.Matches(sentence))
        {
            var future = _direction.TryGetValue(TemporalLexicon.Key(m.Value), out var listed) && listed;
            // A participle after a modal belongs to its verb group: "will be held" looks forward ("would have met" does not).
            if (!future && previous is not null && _direction.TryGetValue(TemporalLexicon.Key(previous.Value), out var prevFuture) && prevFuture)
            {
                var between = sentence[(previous.Index + previous.Length)..m.Index];
                if (between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 && !between.Contains("have", StringComparison.OrdinalIgnoreCase)) future = true;
            }
            result.Add(new Cue(m.Index, m.Index + m.Length, future));
            previous = m;
        }
        return result;
    }

    /// <summary>True when the sentence reads forward at the expression [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static bool LooksForward(IReadOnlyList<Cue> cues, int start, int end)
    {
        bool? before = null, after = null;
        foreach (var c in cues)
        {
            if (c.End <= start) before = c.Future;
            else if (c.Start >= end && after is null) after = c.Future;
        }
        return before ?? after ?? false;
    }

    /// <summary>True when <paramref name="sentence"/> reads forward at the expression [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool LooksForward(string sentence, int start, int end) => LooksForward(Cues(sentence), start, end);
}
