using Parley.Core.Model;
using Parley.Language.Text;
using Parley.Syntax;

namespace Parley.Syntax.Tests;

/// <summary>Runs text through sentence splitting, tokenisation, tagging and parsing with the shipped models.</summary>
internal static class PipelineHelper
{
    private static readonly SentenceStage Sentences = new();
    private static readonly TokenizerStage Tokens = new();
    private static readonly TaggerStage Tagger = new();
    private static readonly ParserStage Parser = new();

    public static Document Analyse(string text)
    {
        var document = new Document(text);
        Sentences.Process(document);
        Tokens.Process(document);
        Tagger.Process(document);
        Parser.Process(document);
        return document;
    }

    public static Token Word(this Document d, string text, int occurrence = 0) =>
        d.Tokens.Where(t => t.Text == text).Skip(occurrence).First();

    /// <summary>"relation(head, dependent)" for the token <paramref name="dependent"/>.</summary>
    public static string Arc(this Document d, string dependent)
    {
        var t = d.Word(dependent);
        var head = t.Head is int h && h >= 0 ? d.Tokens[h].Text : "ROOT";
        return $"{t.Relation}({head}, {t.Text})";
    }
}
