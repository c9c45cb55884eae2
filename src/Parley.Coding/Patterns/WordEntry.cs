using Parley.Coding.Status;

namespace Parley.Coding.Patterns;

/// <summary>
/// What the coder's dictionaries hold for one word form: its lemmas, and the patterns and status cues it can
/// open. One look-up per token finds all of it, where separate tables would cost one look-up each at every token.
/// </summary>
internal sealed class WordEntry
{
    public WordEntry(int id, string[] lemmas)
    {
        Id = id;
        Lemmas = lemmas;
    }

    /// <summary>The entry's number in its lexicon, unique there.</summary>
    public int Id { get; }

    /// <summary>The dictionary words the form is an inflection of (<see cref="Lexicon.LemmasOf"/>).</summary>
    public string[] Lemmas { get; }

    /// <summary>The entry of each of <see cref="Lemmas"/>, in the same order (every lemma is a form of itself).</summary>
    public WordEntry[] LemmaEntries { get; set; } = [];

    /// <summary>The trigger patterns the form opens, with the phrases of their first segment it opens; null when none.</summary>
    public PatternDictionary.Opening[]? Patterns { get; set; }

    /// <summary>The status cues the form opens; null when none.</summary>
    public StatusCue[]? Cues { get; set; }
}
