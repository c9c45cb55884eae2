namespace Parley.Coding.Patterns;

/// <summary>Whether a pattern's trigger is a verb or an event noun.</summary>
public enum TriggerKind
{
    /// <summary>A verbal predicate: source = subject, target = object.</summary>
    Verb,
    /// <summary>An event noun: source = possessor or light-verb subject, target = "with X", "on X"...</summary>
    Noun,
}

/// <summary>One row of Patterns/Data/verbs.tsv: a word pattern and the CAMEO code it signals.</summary>
/// <param name="Code">CAMEO code.</param>
/// <param name="Kind">Verb or noun trigger.</param>
/// <param name="Pattern">The compiled word pattern.</param>
/// <param name="NeedsPair">The event needs a second party (target or conjoined participant).</param>
/// <param name="Fallback">Coded only when the sentence has no other event.</param>
/// <param name="Line">Line in the data file, for messages.</param>
/// <param name="TargetWithOnly">The direct object is a topic ("discussed the war"): the target comes only from "with/between/among X".</param>
/// <param name="TargetInComplement">A verdict in reported speech ("said the vote was a sham"): the target is what the
/// reported clause judges, named before its second word.</param>
/// <param name="TargetIsOwner">The target is the owner of the pattern's last noun ("called for her resignation").</param>
public sealed record EventPattern(string Code, TriggerKind Kind, WordPattern Pattern, bool NeedsPair, bool Fallback, int Line, bool TargetWithOnly = false,
    bool TargetInComplement = false, bool TargetIsOwner = false)
{
    /// <summary>The code of a blocking pattern: words that look like a trigger but report no event.</summary>
    public const string NoEvent = "-";

    /// <summary>True for a blocking pattern (<see cref="NoEvent"/>).</summary>
    public bool Blocks => Code == NoEvent;

    /// <summary>The CAMEO root ("11" for 112); <see cref="NoEvent"/> for a blocking pattern, which has no root.</summary>
    public string Root => Blocks ? NoEvent : Code[..2];
}

/// <summary>A pattern matched in a sentence.</summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="Tokens">Matched token positions within the sentence, in order.</param>
public sealed record PatternMatch(EventPattern Pattern, int[] Tokens)
{
    /// <summary>First matched token.</summary>
    public int Start => Tokens[0];

    /// <summary>One past the last matched token.</summary>
    public int End => Tokens[^1] + 1;

    /// <summary>How specific the match is: matched words, with longer codes breaking ties.</summary>
    public int Score => Tokens.Length * 10 + Pattern.Code.Length;
}
