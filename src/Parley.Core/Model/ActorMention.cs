namespace Parley.Core.Model;

/// <summary>What kind of expression named an actor.</summary>
public enum ActorKind
{
    /// <summary>A country's name ("China").</summary>
    Country,
    /// <summary>A demonym or adjective ("Chinese", "U.S.").</summary>
    Adjective,
    /// <summary>A capital used as metonym for a government ("Beijing").</summary>
    Capital,
    /// <summary>A named person ("Xi Jinping").</summary>
    Person,
    /// <summary>An organisation or bloc ("NATO", "Western governments").</summary>
    Organisation,
    /// <summary>A role or description ("the Chinese leader", "officials").</summary>
    Description,
    /// <summary>A pronoun resolved to an earlier mention.</summary>
    Pronoun,
}

/// <summary>
/// An actor named in the text, resolved to a CAMEO-style code: a country or bloc code (ISO 3166
/// alpha-3, or "WST", "EUR", "NATO"...) plus a sector ("GOV", "MIL", "BUS", "MED"...).
/// </summary>
public sealed class ActorMention
{
    /// <summary>Character offsets of the whole mention ("Chinese President Xi Jinping").</summary>
    public required TextSpan Span { get; init; }

    /// <summary>Surface text of the mention.</summary>
    public required string Text { get; init; }

    /// <summary>Sentence holding the mention.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>What kind of expression this was.</summary>
    public required ActorKind Kind { get; init; }

    /// <summary>Country or bloc code ("USA", "CHN", "WST", "NATO").</summary>
    public required string Country { get; init; }

    /// <summary>Sector code ("GOV", "MIL", "MED"...); empty for the country at large.</summary>
    public string Sector { get; init; } = "";

    /// <summary>CAMEO-style actor code: <see cref="Country"/> followed by <see cref="Sector"/> ("USAGOV").</summary>
    public string Code => Country + Sector;

    /// <summary>Canonical name ("Donald Trump", "China", "Xinhua News Agency").</summary>
    public required string Name { get; init; }

    /// <summary>Dated role held on the article's date ("head of state"), when the actor is a person with one.</summary>
    public string? Role { get; init; }

    /// <summary>Stable identifier of the person or organisation in the actor dictionary, if any.</summary>
    public string? EntityId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Text} -> {Code}";
}
