namespace Parley.Syntax.Parsing;

/// <summary>How the arcs of the parser ensemble's members are weighed against each other.</summary>
public enum CombinationScheme
{
    /// <summary>Every member's arc counts one vote (the graph parser's <see cref="ParserCombination.GraphWeight"/> votes); ties go to the earlier member (forward, backward, graph).</summary>
    Votes,

    /// <summary>A transition parser's arc weighs 1 + the margin of the move that made it; the graph parser's 1 + <see cref="ParserCombination.GraphWeight"/> x its score margin over the word's best other head.</summary>
    Margins,

    /// <summary>
    /// Every arc of the sentence keeps the graph parser's score (<see cref="ParserCombination.GraphWeight"/> x its
    /// distance below the word's best head), and the transition parsers' arcs add their margin weights on top;
    /// the best projective tree over the sums wins.
    /// </summary>
    Scores,
}

/// <summary>
/// Which members of the parser ensemble (left-to-right and right-to-left transition parsers, graph
/// parser) take part and how their arcs are combined. The words' heads come from the combined arcs
/// (Sagae and Lavie 2006); each label from the member whose arc won, or from the graph parser's labeler.
/// </summary>
public sealed record ParserCombination
{
    /// <summary>Whether the left-to-right transition parser takes part (default true).</summary>
    public bool Forward { get; init; } = true;

    /// <summary>Whether the right-to-left transition parser takes part, when the model has one (default true).</summary>
    public bool Backward { get; init; } = true;

    /// <summary>Whether the graph-based parser takes part, when the model has one (default true).</summary>
    public bool Graph { get; init; } = true;

    /// <summary>How arcs are weighed (default <see cref="CombinationScheme.Margins"/>).</summary>
    public CombinationScheme Scheme { get; init; } = CombinationScheme.Margins;

    /// <summary>Scale of the graph parser's weights against the transition parsers' (default 1).</summary>
    public float GraphWeight { get; init; } = 1;

    /// <summary>Whether every label comes from the graph parser's labeler rather than from the member whose arc won (default false).</summary>
    public bool GraphLabels { get; init; }

    /// <summary>Whether each label is voted among the members that chose the word's head (default true), rather than taken from the heaviest of them.</summary>
    public bool LabelVotes { get; init; } = true;

    /// <summary>The combination used when none is given.</summary>
    public static ParserCombination Default { get; } = new();

    /// <summary>Writes the settings (in a model file).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Forward);
        writer.Write(Backward);
        writer.Write(Graph);
        writer.Write((byte)Scheme);
        writer.Write(GraphWeight);
        writer.Write(GraphLabels);
        writer.Write(LabelVotes);
    }

    /// <summary>Reads settings written by <see cref="Write"/>.</summary>
    internal static ParserCombination Read(BinaryReader reader)
    {
        var read = new ParserCombination
        {
            Forward = reader.ReadBoolean(),
            Backward = reader.ReadBoolean(),
            Graph = reader.ReadBoolean(),
            Scheme = (CombinationScheme)reader.ReadByte(),
            GraphWeight = reader.ReadSingle(),
            GraphLabels = reader.ReadBoolean(),
        };
        // The first experimental files of this format (never shipped) end before LabelVotes.
        try { return read with { LabelVotes = reader.ReadBoolean() }; }
        catch (EndOfStreamException) { return read; }
    }
}
