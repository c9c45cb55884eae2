using Parley.Coding.Patterns;
using Parley.Core.Data;
using Parley.Core.Model;

namespace Parley.Coding.Status;

/// <summary>The status cues of Status/Data/status-cues.tsv, compiled. Immutable and thread-safe.</summary>
public sealed class StatusCues
{
    private readonly Dictionary<string, StatusCue[]> _byFirstWord;

    private StatusCues(IReadOnlyList<StatusCue> cues)
    {
        Cues = cues;
        Modal = cues.Where(c => c.Kind == CueKind.Modal).ToArray();
        _conditions = cues.Where(c => c.Kind == CueKind.Condition).Select(c => c.Pattern.Text).ToHashSet(StringComparer.Ordinal);
        _byFirstWord = cues.SelectMany(c => c.Pattern.FirstWords.Select(w => (w, c)))
            .GroupBy(x => x.w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.c).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Each word that opens a cue, with the cues it opens (for <see cref="Lexicon.Attach"/>).</summary>
    internal IEnumerable<KeyValuePair<string, StatusCue[]>> Openings => _byFirstWord;

    /// <summary>The modal cues, in file order (read before every trigger).</summary>
    internal IReadOnlyList<StatusCue> Modal { get; }

    private readonly HashSet<string> _conditions;

    /// <summary>True when <paramref name="word"/> is written as a condition cue ("if").</summary>
    internal bool IsCondition(string word) => _conditions.Contains(word);

    /// <summary>Every cue, in file order.</summary>
    public IReadOnlyList<StatusCue> Cues { get; }

    /// <summary>Reads the embedded cue list.</summary>
    /// <exception cref="InvalidDataException">A row has an unknown kind or status (code PARLEY-C020).</exception>
    public static StatusCues Load()
    {
        var cues = new List<StatusCue>();
        foreach (var row in DataFile.ReadTsv(typeof(StatusCues).Assembly, "Status/Data/status-cues.tsv"))
        {
            if (!Enum.TryParse<CueKind>(row["kind"], ignoreCase: true, out var kind)
                || !Enum.TryParse<EventStatus>(row["status"], ignoreCase: true, out var status))
                throw new InvalidDataException($"PARLEY-C020: {row.File} line {row.Line}: unknown kind '{row["kind"]}' or status '{row["status"]}'.");
            var derive = row["derive"];
            cues.Add(new StatusCue(WordPattern.Parse(row["cue"]), kind, status, derive.Length == 0 ? null : derive));
        }
        return new StatusCues(cues);
    }

    /// <summary>Every cue occurrence in <paramref name="line"/>, in text order.</summary>
    public List<CueMatch> Find(TokenLine line)
    {
        var found = new List<CueMatch>();
        for (var i = 0; i < line.Count; i++)
        {
            // the cues opening with the word, then those opening with each of its other lemmas (a cue reached twice is tried twice, harmlessly)
            CueMatch? best = null;
            if (ReferenceEquals(line.Lexicon.Cues, this))
            {
                // the token's entries already hold what each of its forms opens (an entry per distinct form)
                var entry = line.Entries[i];
                if (entry?.Cues is { } direct) best = Longest(line, i, direct, best);
                foreach (var lemma in line.LemmaEntries[i])
                {
                    if (lemma is not null && lemma != entry && lemma.Cues is { } byLemma) best = Longest(line, i, byLemma, best);
                }
            }
            else
            {
                if (_byFirstWord.TryGetValue(line.Lower[i], out var direct)) best = Longest(line, i, direct, best);
                foreach (var lemma in line.Lemmas[i])
                {
                    if (lemma != line.Lower[i] && _byFirstWord.TryGetValue(lemma, out var byLemma)) best = Longest(line, i, byLemma, best);
                }
            }
            if (best is not null) found.Add(best);
        }
        return found;
    }

    private static CueMatch? Longest(TokenLine line, int i, StatusCue[] candidates, CueMatch? best)
    {
        foreach (var cue in candidates)
        {
            var tokens = cue.Pattern.Match(line, i, line.Count);
            if (tokens is not null && (best is null || tokens.Length > best.Tokens.Length)) best = new CueMatch(cue, tokens);
        }
        return best;
    }
}
