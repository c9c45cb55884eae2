namespace Parley.Core.Model;

/// <summary>A direct quotation or reported-speech clause with its speaker.</summary>
public sealed class Quote
{
    /// <summary>Character offsets of the quoted words, without the quotation marks.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The quoted words.</summary>
    public required string Text { get; init; }

    /// <summary>Sentence holding the quote.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>Speaker's canonical name, when found.</summary>
    public string? Speaker { get; set; }

    /// <summary>Speaker's actor code ("USAGOV"), when resolved.</summary>
    public string? SpeakerCode { get; set; }

    /// <summary>Offsets of the speaker mention, when found.</summary>
    public TextSpan? SpeakerSpan { get; set; }

    /// <summary>True for reported speech ("Trump said he held..."), false for a direct quote.</summary>
    public bool Reported { get; init; }
}

/// <summary>An attribution: who reported what a sentence or paragraph says ("according to Xinhua").</summary>
public sealed class SourceAttribution
{
    /// <summary>Character offsets of the source's name.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The source as named ("China's Xinhua News Agency", "Truth Social").</summary>
    public required string Name { get; init; }

    /// <summary>Sentence holding the attribution.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>Actor code of the source when resolved ("CHNMED").</summary>
    public string? Code { get; init; }

    /// <summary>How the attribution was made: "according-to", "said", "post", "statement".</summary>
    public string Cue { get; init; } = "said";
}
