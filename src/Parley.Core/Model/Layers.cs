namespace Parley.Core.Model;

/// <summary>Names of the layers a stage may require or provide. A new stage may define its own.</summary>
public static class Layers
{
    /// <summary>The body text and metadata: present from the start.</summary>
    public const string Text = "text";
    /// <summary>Paragraph and sentence spans.</summary>
    public const string Sentences = "sentences";
    /// <summary>Token spans.</summary>
    public const string Tokens = "tokens";
    /// <summary>Part-of-speech tags and lemmas.</summary>
    public const string Tags = "tags";
    /// <summary>Dependency heads and relations.</summary>
    public const string Syntax = "syntax";
    /// <summary>Resolved temporal expressions.</summary>
    public const string Times = "times";
    /// <summary>Resolved actor mentions.</summary>
    public const string Actors = "actors";
    /// <summary>Resolved places.</summary>
    public const string Places = "places";
    /// <summary>Quotes and source attributions.</summary>
    public const string Quotes = "quotes";
    /// <summary>Coded events.</summary>
    public const string Events = "events";
}
