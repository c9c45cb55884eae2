namespace Parley.Coding.Patterns;

/// <summary>
/// A compiled word pattern in the grammar of Patterns/Data/verbs.tsv: segments separated by " .. "
/// (a gap of up to <see cref="MaxGap"/> tokens) or " ... " (a gap of up to <see cref="MaxLongGap"/> tokens,
/// for a verdict in a reported clause: "said on Wednesday that the submission was meritless"), each segment a set of alternative phrases separated by
/// '|', each phrase a sequence of words of which those in parentheses are optional.
/// </summary>
public sealed class WordPattern
{
    /// <summary>Largest number of words a ".." gap may skip (hyphens and quotes are not counted).</summary>
    public const int MaxGap = 4;

    /// <summary>Largest number of words a "..." gap may skip; like "..", it never crosses a comma or a full stop.</summary>
    public const int MaxLongGap = 12;

    private readonly bool[] _longGapBefore;

    // per segment: the phrases (by their position in the segment) that can open with a given word, so that a
    // position is tried only against the phrases its token can start instead of against every alternative
    private readonly Dictionary<string, int[]>[] _byOpening;

    // the segments as arrays, for matching
    private readonly PatternWord[][][] _segments;

    // the same index over the ids of a lexicon's entries (see Bind): per segment, the ids of its opening words in
    // ascending order and the phrases each opens, so that a token's entries find their phrases without hashing
    private Lexicon? _boundTo;
    private int[][] _openingIds = [];
    private int[][][] _openingPhrases = [];

    private WordPattern(string text, IReadOnlyList<IReadOnlyList<PatternWord[]>> segments, bool[] longGapBefore)
    {
        Text = text;
        Segments = segments;
        _segments = segments.Select(s => s.ToArray()).ToArray();
        _longGapBefore = longGapBefore;
        _byOpening = segments.Select(IndexByOpening).ToArray();
    }

    /// <summary>Every word that can open a phrase of any segment.</summary>
    internal IEnumerable<string> OpeningWords => _byOpening.SelectMany(index => index.Keys);

    /// <summary>
    /// Indexes the opening words by their entry in <paramref name="lexicon"/>, which must hold every word of
    /// <see cref="OpeningWords"/>; lines read with that lexicon are then matched through their tokens' entries.
    /// Called while the resources are built, before any use; a pattern stays bound to the first lexicon.
    /// </summary>
    internal void Bind(Lexicon lexicon)
    {
        if (_boundTo is not null) return;
        var ids = new int[_byOpening.Length][];
        var phrases = new int[_byOpening.Length][][];
        for (var s = 0; s < _byOpening.Length; s++)
        {
            var byId = _byOpening[s].Select(kv => (Id: lexicon.Find(kv.Key)!.Id, Phrases: kv.Value)).OrderBy(x => x.Id).ToArray();
            ids[s] = byId.Select(x => x.Id).ToArray();
            phrases[s] = byId.Select(x => x.Phrases).ToArray();
        }
        _openingIds = ids;
        _openingPhrases = phrases;
        _boundTo = lexicon;
    }

    /// <summary>The phrases of <paramref name="segment"/> that the word of <paramref name="entry"/> opens, or null (bound patterns only).</summary>
    private int[]? PhrasesOf(int segment, WordEntry? entry)
    {
        if (entry is null) return null;
        var ids = _openingIds[segment];
        int lo = 0, hi = ids.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (ids[mid] == entry.Id) return _openingPhrases[segment][mid];
            if (ids[mid] < entry.Id) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    private static Dictionary<string, int[]> IndexByOpening(IReadOnlyList<PatternWord[]> phrases)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < phrases.Count; p++)
        {
            foreach (var word in phrases[p].TakeWhile(w => w.Optional).Append(phrases[p].First(w => !w.Optional)))
            {
                foreach (var key in word.Parts is { } parts ? [word.Word, parts[0]] : new[] { word.Word })
                {
                    if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                    if (list.Count == 0 || list[^1] != p) list.Add(p);
                }
            }
        }
        return index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The phrases of <paramref name="segment"/> that token <paramref name="at"/> can open, in segment order.</summary>
    private int[] Openings(TokenLine tokens, int segment, int at)
    {
        if (ReferenceEquals(tokens.Lexicon, _boundTo))
        {
            // the same merge as below, through the entries of the word and of its lemmas (a form without an entry opens nothing)
            var opened = PhrasesOf(segment, tokens.Entries[at]);
            SortedSet<int>? union = null;
            foreach (var lemma in tokens.LemmaEntries[at])
            {
                var more = PhrasesOf(segment, lemma);
                if (more is null || ReferenceEquals(more, opened)) continue;
                if (opened is null) { opened = more; continue; }
                union ??= new SortedSet<int>(opened);
                union.UnionWith(more);
            }
            return union?.ToArray() ?? opened ?? [];
        }
        var index = _byOpening[segment];
        index.TryGetValue(tokens.Lower[at], out var found);
        SortedSet<int>? merged = null;
        foreach (var lemma in tokens.Lemmas[at])
        {
            if (!index.TryGetValue(lemma, out var more) || ReferenceEquals(more, found)) continue;
            if (found is null) { found = more; continue; }
            // rare: the word and a lemma open different phrases
            merged ??= new SortedSet<int>(found);
            merged.UnionWith(more);
        }
        return merged?.ToArray() ?? found ?? [];
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Segments; each is a list of alternative phrases.</summary>
    public IReadOnlyList<IReadOnlyList<PatternWord[]>> Segments { get; }

    /// <summary>Every distinct word the pattern names (for building the inflection lexicon).</summary>
    public IEnumerable<string> Words => Segments.SelectMany(s => s).SelectMany(p => p).Select(w => w.Word).Distinct();

    /// <summary>Words that can open a match (the first required word of each phrase of the first segment).</summary>
    /// <remarks>A hyphenated word ("call-up") can also open a match at its first part, for tokenisers that split it.</remarks>
    public IEnumerable<string> FirstWords => Segments[0].SelectMany(p => p.TakeWhile(w => w.Optional).Append(p.First(w => !w.Optional)))
        .SelectMany(w => w.Parts is { } parts ? [w.Word, parts[0]] : new[] { w.Word }).Distinct();

    /// <summary>Parses a pattern.</summary>
    /// <exception cref="FormatException">The pattern is empty or a phrase has only optional words (code PARLEY-C010).</exception>
    public static WordPattern Parse(string text)
    {
        var segments = new List<IReadOnlyList<PatternWord[]>>();
        var longGaps = new List<bool>();
        var pieces = System.Text.RegularExpressions.Regex.Split(text, @" (\.\.\.?) ");
        for (var piece = 0; piece < pieces.Length; piece += 2)
        {
            var segment = pieces[piece].Trim();
            longGaps.Add(piece > 0 && pieces[piece - 1] == "...");
            var alternatives = new List<PatternWord[]>();
            foreach (var alt in segment.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var words = alt.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => w.StartsWith('(') && w.EndsWith(')')
                        ? new PatternWord(w[1..^1].ToLowerInvariant(), true)
                        : new PatternWord(w.ToLowerInvariant(), false))
                    .ToArray();
                if (words.Length == 0 || words.All(w => w.Optional))
                    throw new FormatException($"PARLEY-C010: pattern '{text}': the phrase '{alt}' needs at least one required word.");
                alternatives.Add(words);
            }
            if (alternatives.Count == 0) throw new FormatException($"PARLEY-C010: pattern '{text}' has an empty segment.");
            // longest phrase first, so that "state of emergency" is tried before "state"
            segments.Add(alternatives.OrderByDescending(a => a.Length).ToList());
        }
        return new WordPattern(text, segments, longGaps.ToArray());
    }

    /// <summary>
    /// Tries to match at token <paramref name="start"/> of <paramref name="tokens"/>; returns the matched
    /// token positions (longest alternative first) or null.
    /// </summary>
    public int[]? Match(TokenLine tokens, int start, int limit) =>
        // the first segment is tried at the start only: most calls end here, before anything is allocated
        start < limit ? MatchOpening(tokens, start, limit, Openings(tokens, 0, start)) : null;

    /// <summary>The phrases of the first segment that <paramref name="word"/> can open, in segment order (empty when none).</summary>
    internal int[] FirstOpenings(string word) => _byOpening[0].GetValueOrDefault(word) ?? [];

    /// <summary>
    /// <see cref="Match"/> when the phrases of the first segment that token <paramref name="start"/> opens are known
    /// (<paramref name="openings"/>, in segment order), as when the token reached the pattern through only one of its forms.
    /// </summary>
    internal int[]? MatchOpening(TokenLine tokens, int start, int limit, int[] openings)
    {
        if (openings.Length == 0 || start >= limit) return null;
        var matched = new List<int>(6);
        foreach (var p in openings)
        {
            if (MatchPhrase(tokens, _segments[0][p], start, limit, matched, out var next)
                && MatchSegment(tokens, 1, next, limit, matched, gapAllowed: true))
                return matched.ToArray();
            matched.Clear();
        }
        return null;
    }

    private bool MatchSegment(TokenLine tokens, int segment, int position, int limit, List<int> matched, bool gapAllowed)
    {
        if (segment == _segments.Length) return true;
        var words = 0;
        for (var at = position; ; at++)
        {
            if (at >= limit) return false;
            if (at > position)
            {
                if (!gapAllowed || tokens.IsHardStop(at - 1)) return false;
                // "large-scale" split as large / - / scale counts as one word
                var joined = at - 2 >= position && tokens.Lower[at - 2] is "-" or "–";
                if (!tokens.IsPunctuation(at - 1) && !joined && ++words > (_longGapBefore[segment] ? MaxLongGap : MaxGap)) return false;
            }
            foreach (var p in Openings(tokens, segment, at))
            {
                var phrase = _segments[segment][p];
                var mark = matched.Count;
                if (MatchPhrase(tokens, phrase, at, limit, matched, out var next)
                    && MatchSegment(tokens, segment + 1, next, limit, matched, gapAllowed: true))
                    return true;
                matched.RemoveRange(mark, matched.Count - mark);
            }
        }
    }

    private static bool MatchPhrase(TokenLine tokens, PatternWord[] phrase, int at, int limit, List<int> matched, out int next)
    {
        next = at;
        foreach (var word in phrase)
        {
            if (next < limit && tokens.Is(next, word.Word))
            {
                matched.Add(next);
                next++;
            }
            else if (word.Parts is { } parts && MatchSplit(tokens, parts, next, limit, matched, out var after))
            {
                next = after;
            }
            else if (!word.Optional)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"call-up" written as the tokens "call", "-", "up": every part in order, a hyphen token between.</summary>
    private static bool MatchSplit(TokenLine tokens, string[] parts, int at, int limit, List<int> matched, out int next)
    {
        next = at;
        var mark = matched.Count;
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                if (next >= limit || tokens.Lower[next] is not ("-" or "\u2013")) break;
                next++;
            }
            if (next >= limit || !tokens.Is(next, parts[p])) break;
            matched.Add(next);
            next++;
            if (p == parts.Length - 1) return true;
        }
        matched.RemoveRange(mark, matched.Count - mark);
        next = at;
        return false;
    }
}

/// <summary>One word of a pattern phrase.</summary>
/// <param name="Word">Lower-case lemma or word.</param>
/// <param name="Optional">True when written in parentheses.</param>
public readonly record struct PatternWord(string Word, bool Optional)
{
    /// <summary>The parts of a hyphenated word ("call-up" -> call, up), matched also when the tokeniser split them; else null.</summary>
    public string[]? Parts { get; } = Word.Length > 2 && Word.Contains('-') ? Word.Split('-', StringSplitOptions.RemoveEmptyEntries) : null;
}
