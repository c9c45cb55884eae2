namespace Parley.Core.Model;

/// <summary>A place named in the text, resolved through the gazetteer.</summary>
public sealed class PlaceMention
{
    /// <summary>Character offsets of the place name.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>Surface text.</summary>
    public required string Text { get; init; }

    /// <summary>Sentence holding the mention.</summary>
    public required int SentenceIndex { get; init; }

    /// <summary>Canonical name ("Busan").</summary>
    public required string Name { get; init; }

    /// <summary>ISO 3166 alpha-3 code of the country the place lies in.</summary>
    public required string Country { get; init; }

    /// <summary>"city", "region" or "country".</summary>
    public string Kind { get; init; } = "city";

    /// <summary>Latitude in degrees, when known.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees, when known.</summary>
    public double? Longitude { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Text} -> {Country}";
}
