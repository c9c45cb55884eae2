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
        _cues = new Regex("(?:" + string.Join("|", parts.OrderByDescending(p => p.Length)) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>True when the sentence reads forward at the expression [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool LooksForward(string sentence, int start, int end)
    {
        bool? before = null, after = null;
        Match? previous = null;
        foreach (Match m in _cues.Matches(sentence))
        {
            var future = _direction[TemporalLexicon.Key(m.Value)];
            // A participle after a modal belongs to its verb group: "will be held" looks forward ("would have met" does not).
            if (!future && previous is not null && _direction[TemporalLexicon.Key(previous.Value)])
            {
                var between = sentence[(previous.Index + previous.Length)..m.Index];
                if (between.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 && !between.Contains("have", StringComparison.OrdinalIgnoreCase)) future = true;
            }
            if (m.Index + m.Length <= start) before = future;
            else if (m.Index >= end && after is null) after = future;
            previous = m;
        }
        return before ?? after ?? false;
    }
}
