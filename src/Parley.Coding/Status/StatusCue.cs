using Parley.Coding.Patterns;
using Parley.Core.Model;

namespace Parley.Coding.Status;

/// <summary>How a status cue attaches to the event it qualifies.</summary>
public enum CueKind
{
    /// <summary>Takes a "to"-complement holding the event ("pledged to resume").</summary>
    Control,
    /// <summary>An auxiliary or adverb just before the trigger ("will visit", "did not meet").</summary>
    Modal,
    /// <summary>Opens a conditional clause ("if").</summary>
    Condition,
}

/// <summary>One row of Status/Data/status-cues.tsv.</summary>
/// <param name="Pattern">The cue's words.</param>
/// <param name="Kind">How it attaches.</param>
/// <param name="Status">The status it gives.</param>
/// <param name="Derive">How it changes the governed event's code (derived-codes.tsv), or null.</param>
public sealed record StatusCue(WordPattern Pattern, CueKind Kind, EventStatus Status, string? Derive);

/// <summary>A status cue found in a sentence.</summary>
/// <param name="Cue">The cue.</param>
/// <param name="Tokens">Matched token positions.</param>
public sealed record CueMatch(StatusCue Cue, int[] Tokens)
{
    /// <summary>First matched token.</summary>
    public int Start => Tokens[0];

    /// <summary>One past the last matched token.</summary>
    public int End => Tokens[^1] + 1;
}
