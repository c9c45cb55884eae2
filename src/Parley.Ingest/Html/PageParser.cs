using System.Buffers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Ingest.Html;

/// <summary>
/// The HTML parser the reader uses, set up for reading text rather than for a browser: no
/// scripting, no source positions, no comments, and a browsing context without the services a
/// browser needs (attribute observers that parse every link's URL and prepare style-sheet loads,
/// link relations, the meta-charset handler: the input is already decoded text). One parser per
/// thread, reused, because building a context costs more than parsing a small page.
/// </summary>
public static class PageParser
{
    private static readonly HtmlParserOptions Options = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
    };

    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>Parses <paramref name="html"/> as it is into a document.</summary>
    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Cuts what never holds article text (<see cref="HtmlPrefilter"/>) and parses the rest. The cut page
    /// lives in a pooled buffer, not a new string (pages are often large enough for the large-object
    /// heap, whose allocations trigger full collections); disposing the result returns it.
    /// </summary>
    public static ParsedPage ParseStripped(string html)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, html.Length));
        try
        {
            var length = HtmlPrefilter.StripInto(html, buffer);
            return new ParsedPage(Parser.ParseDocument(buffer.AsMemory(0, length)), buffer);
        }
        catch
        {
            ArrayPool<char>.Shared.Return(buffer);
            throw;
        }
    }

    private static HtmlParser Parser => _parser ??= Create();

    private static HtmlParser Create()
    {
        var config = Configuration.Default
            .Without<IAttributeObserver>()
            .Without<AngleSharp.Html.ILinkRelationFactory>()
            .Without<AngleSharp.Browser.IMetaHandler>();
        return new HtmlParser(Options, BrowsingContext.New(config));
    }
}

/// <summary>A parsed page and the pooled buffer its source text lives in; dispose it when done with the document.</summary>
public sealed class ParsedPage : IDisposable
{
    private char[]? _buffer;

    internal ParsedPage(IHtmlDocument document, char[] buffer)
    {
        Document = document;
        _buffer = buffer;
    }

    /// <summary>The parsed document (valid until disposal).</summary>
    public IHtmlDocument Document { get; }

    /// <summary>Disposes the document and returns the buffer to the pool.</summary>
    public void Dispose()
    {
        Document.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } b) ArrayPool<char>.Shared.Return(b);
    }
}
