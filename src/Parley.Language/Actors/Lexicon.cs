namespace Parley.Language.Actors;

/// <summary>What a dictionary phrase names.</summary>
public enum LexKind
{
    /// <summary>A country's name ("China", "U.S.").</summary>
    CountryName,
    /// <summary>A country adjective or demonym ("Chinese").</summary>
    CountryAdjective,
    /// <summary>A capital city ("Beijing").</summary>
    Capital,
    /// <summary>Another metonym for a government ("the White House").</summary>
    Metonym,
    /// <summary>A bloc, organisation or group name ("NATO", "the West").</summary>
    BlocName,
    /// <summary>A bloc adjective ("Western").</summary>
    BlocAdjective,
    /// <summary>A role noun ("officials").</summary>
    RoleNoun,
    /// <summary>A title ("President").</summary>
    Title,
    /// <summary>A person's name or alias ("Xi Jinping", "Xi").</summary>
    Person,
    /// <summary>A news agency or outlet ("Xinhua").</summary>
    Media,
    /// <summary>A publishing platform ("Truth Social"), not an actor.</summary>
    Channel,
}

/// <summary>One dictionary phrase: its kind, the entry it names, and how it is written.</summary>
/// <param name="Kind">What it names.</param>
/// <param name="Id">The entry: ISO3 for countries, bloc id, person id, media id, or the sector code for role nouns and titles.</param>
/// <param name="Surface">The words as written in the data file.</param>
/// <param name="Role">For titles, the dated role ("head of state"); otherwise "".</param>
/// <param name="Priority">Rank among entries sharing the same words (lower wins).</param>
public sealed record LexItem(LexKind Kind, string Id, IReadOnlyList<string> Surface, string Role, int Priority)
{
    /// <summary>Proper names must start with a capital in the text; role nouns and titles match in any case.</summary>
    public bool IsProperName => Kind is not (LexKind.RoleNoun or LexKind.Title);
}

/// <summary>A longest-match phrase index over <see cref="Word"/> keys.</summary>
public sealed class PhraseIndex
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public List<LexItem>? Items;
    }

    private readonly Node _root = new();

    /// <summary>Length in words of the longest phrase.</summary>
    public int MaxLength { get; private set; }

    /// <summary>Adds a phrase; a leading "the" is kept as written (the West, the White House).</summary>
    public void Add(string phrase, LexKind kind, string id, string role = "", int priority = 0)
    {
        var words = WordScanner.Scan(phrase);
        if (words.Count == 0) return;
        var node = _root;
        foreach (var w in words)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(w.Key, out var child)) node.Next[w.Key] = child = new Node();
            node = child;
        }
        node.Items ??= [];
        var item = new LexItem(kind, id, words.Select(w => w.Surface).ToArray(), role, priority);
        if (!node.Items.Any(i => i.Kind == kind && i.Id == id && i.Role == role && i.Surface.SequenceEqual(item.Surface)))
            node.Items.Add(item);
        MaxLength = Math.Max(MaxLength, words.Count);
    }

    /// <summary>
    /// The longest phrase starting at <paramref name="start"/> whose written form agrees with the text
    /// (see <see cref="CaseAgrees"/>); returns its length in words and its items, best first, or 0.
    /// </summary>
    public int Match(IReadOnlyList<Word> words, int start, out IReadOnlyList<LexItem> items)
    {
        items = [];
        // Called at every word of every sentence, and most words start no phrase: no allocation until one does.
        if (start >= words.Count || _root.Next is null || !_root.Next.TryGetValue(words[start].Key, out var node)) return 0;
        List<(int Length, List<LexItem> Items)>? found = node.Items is null ? null : [(1, node.Items)];
        for (var k = start + 1; k < words.Count && node.Next is not null; k++)
        {
            if (!node.Next.TryGetValue(words[k].Key, out var child)) break;
            node = child;
            if (node.Items is not null) (found ??= []).Add((k - start + 1, node.Items));
        }
        if (found is null) return 0;
        for (var f = found.Count - 1; f >= 0; f--)
        {
            var ok = found[f].Items.Where(i => CaseAgrees(i, words, start)).OrderBy(i => i.Priority).ToList();
            if (ok.Count == 0) continue;
            items = ok;
            return found[f].Length;
        }
        return 0;
    }

    /// <summary>
    /// Case rules: a word written in capitals in the data ("US", "WHO", "AP") must be in capitals in the
    /// text, so "us" and "who" never match; a proper name must start with a capital ("Turkey", not "turkey").
    /// </summary>
    public static bool CaseAgrees(LexItem item, IReadOnlyList<Word> words, int start)
    {
        for (var k = 0; k < item.Surface.Count; k++)
        {
            var entry = new Word(0, 0, item.Surface[k], "");
            var text = words[start + k];
            if (entry.IsAllCaps && !text.IsAllCaps) return false;
        }
        if (!item.IsProperName) return true;
        // "the White House": the article may be lower case; the name after it must be capitalised.
        var first = words[start].Key == "the" && item.Surface.Count > 1 ? words[start + 1] : words[start];
        return first.IsCapitalised || !first.IsAlpha;
    }
}
