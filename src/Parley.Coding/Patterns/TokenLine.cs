using Parley.Core.Model;

namespace Parley.Coding.Patterns;

/// <summary>
/// One sentence's tokens prepared for matching: lower-cased text with typographic apostrophes
/// straightened and possessive endings split off ("China’s" -> "china" + possessive), the dictionary
/// lemmas of each token, and the tagger's lemma when a tagger ran.
/// </summary>
public sealed class TokenLine
{
    /// <summary>Prepares the tokens of <paramref name="sentence"/>.</summary>
    public TokenLine(Document document, Sentence sentence, Lexicon lexicon)
    {
        Sentence = sentence;
        var count = sentence.TokenCount;
        Tokens = new Token[count];
        Lower = new string[count];
        Lemmas = new string[count][];
        Possessive = new bool[count];
        _punctuation = new bool[count];
        Lexicon = lexicon;
        Entries = new WordEntry?[count];
        LemmaEntries = new WordEntry?[count][];
        for (var i = 0; i < count; i++)
        {
            var token = document.Tokens[sentence.FirstToken + i];
            Tokens[i] = token;
            var lower = Normalize(token.Text);
            if (lower.Length > 2 && lower.EndsWith("'s", StringComparison.Ordinal))
            {
                lower = lower[..^2];
                Possessive[i] = true;
            }
            else if (lower.Length > 1 && lower.EndsWith('\'') && char.IsLetter(lower[^2]))
            {
                lower = lower[..^1];
                Possessive[i] = true;
            }
            Lower[i] = lower;
            _punctuation[i] = !HasLetterOrDigit(lower);
            var entry = lexicon.Find(lower);
            var lemmas = entry?.Lemmas ?? [];
            WordEntry?[] lemmaEntries = entry?.LemmaEntries ?? [];
            var tagged = token.Lemma?.ToLowerInvariant();
            if (tagged is not null && tagged != lower)
            {
                var ofTagged = lexicon.Find(tagged);
                Union(ref lemmas, ref lemmaEntries, ofTagged?.Lemmas ?? [], ofTagged?.LemmaEntries ?? [], tagged, ofTagged);
            }
            Lemmas[i] = lemmas;
            Entries[i] = entry;
            LemmaEntries[i] = lemmaEntries;
        }
        for (var i = 0; i + 1 < count; i++)
        {
            if (Lower[i + 1] is "'s" or "'") Possessive[i] = true;
        }
    }

    // read for every token by the matchers and the clause reader: worked out once per token
    private readonly bool[] _punctuation;

    private static bool HasLetterOrDigit(string text)
    {
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>
    /// The word's dictionary lemmas, then the tagger lemma's, then the tagger lemma itself, each once and in that
    /// order, with their entries. Most often the tagger adds nothing the word's own lemmas lack, and the shared
    /// arrays are kept.
    /// </summary>
    private static void Union(ref string[] lemmas, ref WordEntry?[] entries, string[] ofTagged, WordEntry[] ofTaggedEntries, string tagged, WordEntry? taggedEntry)
    {
        var own = lemmas;
        var added = 0;
        foreach (var lemma in ofTagged)
            if (Array.IndexOf(own, lemma) < 0) added++;
        if (Array.IndexOf(own, tagged) < 0 && Array.IndexOf(ofTagged, tagged) < 0) added++;
        if (added == 0) return;
        var union = new string[own.Length + added];
        var unionEntries = new WordEntry?[union.Length];
        own.CopyTo(union, 0);
        entries.CopyTo(unionEntries, 0);
        var n = own.Length;
        for (var k = 0; k < ofTagged.Length; k++)
        {
            if (Array.IndexOf(union, ofTagged[k], 0, n) >= 0) continue;
            union[n] = ofTagged[k];
            unionEntries[n++] = ofTaggedEntries[k];
        }
        if (Array.IndexOf(union, tagged, 0, n) < 0)
        {
            union[n] = tagged;
            unionEntries[n] = taggedEntry;
        }
        lemmas = union;
        entries = unionEntries;
    }

    /// <summary>The lexicon the tokens were read with.</summary>
    internal Lexicon Lexicon { get; }

    /// <summary>Each token's entry in <see cref="Lexicon"/> (null when no dictionary names the word).</summary>
    internal WordEntry?[] Entries { get; }

    /// <summary>The entry of each of <see cref="Lemmas"/>, parallel to it (null for a tagger lemma no dictionary names).</summary>
    internal WordEntry?[][] LemmaEntries { get; }

    /// <summary>The sentence.</summary>
    public Sentence Sentence { get; }

    /// <summary>The tokens, in order.</summary>
    public Token[] Tokens { get; }

    /// <summary>Normalised lower-case text of each token.</summary>
    public string[] Lower { get; }

    /// <summary>Dictionary lemmas of each token (empty when no pattern word inflects to it).</summary>
    public string[][] Lemmas { get; }

    /// <summary>True when the token carries, or is followed by, a possessive ending.</summary>
    public bool[] Possessive { get; }

    /// <summary>Number of tokens.</summary>
    public int Count => Tokens.Length;

    /// <summary>True when token <paramref name="i"/> is <paramref name="word"/> or an inflection of it.</summary>
    public bool Is(int i, string word)
    {
        if (Lower[i] == word) return true;
        foreach (var lemma in Lemmas[i])
        {
            if (lemma == word) return true;
        }
        return false;
    }

    /// <summary>True when token <paramref name="i"/> is punctuation that a pattern gap may not cross.</summary>
    public bool IsHardStop(int i) => Lower[i] is "," or ";" or ":" or "." or "!" or "?" or "(" or ")" or "[" or "]";

    /// <summary>True for tokens without letters or digits (punctuation, quotes, dashes).</summary>
    public bool IsPunctuation(int i) => _punctuation[i];

    /// <summary>Lower-case text with typographic quotes and apostrophes straightened.</summary>
    public static string Normalize(string text) =>
        text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201c', '"').Replace('\u201d', '"');
}
