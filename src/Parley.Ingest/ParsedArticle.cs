using Parley.Core.Model;

namespace Parley.Ingest;

/// <summary>The result of reading one article's text: body paragraphs and metadata found in it.</summary>
public sealed class ParsedArticle
{
    /// <summary>Body paragraphs in reading order.</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>Metadata found (title, dateline, captions, removed furniture).</summary>
    public ArticleMetadata Metadata { get; } = new();

    /// <summary>One-line warnings with codes.</summary>
    public List<string> Warnings { get; } = [];
}
