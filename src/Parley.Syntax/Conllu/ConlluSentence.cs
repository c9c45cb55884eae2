namespace Parley.Syntax.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (empty nodes are dropped).</summary>
/// <param name="Form">Word form.</param>
/// <param name="Lemma">Lemma.</param>
/// <param name="Upos">Universal part-of-speech tag.</param>
/// <param name="Xpos">Language-specific (Penn) tag.</param>
/// <param name="Head">1-based index of the head word in the sentence, 0 for the root.</param>
/// <param name="Relation">Dependency relation, with its subtype ("nsubj:pass").</param>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, int Head, string Relation);

/// <summary>A multiword token: the surface form of words <see cref="First"/>..<see cref="Last"/> (1-based, inclusive).</summary>
/// <param name="First">First word.</param>
/// <param name="Last">Last word.</param>
/// <param name="Form">Surface form as written in the text.</param>
public sealed record ConlluMultiword(int First, int Last, string Form);

/// <summary>One sentence of a CoNLL-U file with its document and paragraph markers.</summary>
public sealed class ConlluSentence
{
    /// <summary>The "# text" comment, or the words joined by spaces when absent.</summary>
    public required string Text { get; init; }

    /// <summary>The "# sent_id" comment, or an empty string.</summary>
    public string Id { get; init; } = "";

    /// <summary>Document id when this sentence starts a new document ("# newdoc"), else null.</summary>
    public string? NewDocument { get; init; }

    /// <summary>True when this sentence starts a new paragraph ("# newpar") or document.</summary>
    public bool NewParagraph { get; init; }

    /// <summary>The syntactic words, in order (word i is Words[i-1]).</summary>
    public required IReadOnlyList<ConlluWord> Words { get; init; }

    /// <summary>Multiword tokens ("don't" = "do" + "n't").</summary>
    public IReadOnlyList<ConlluMultiword> Multiwords { get; init; } = [];
}
