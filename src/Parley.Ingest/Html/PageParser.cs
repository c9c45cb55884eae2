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

    /// <summary>Parses <paramref name="html"/> (already through <see cref="HtmlPrefilter"/> or not) into a document.</summary>
    public static IHtmlDocument Parse(string html) => (_parser ??= Create()).ParseDocument(html);

    private static HtmlParser Create()
    {
        var config = Configuration.Default
            .Without<IAttributeObserver>()
            .Without<AngleSharp.Html.ILinkRelationFactory>()
            .Without<AngleSharp.Browser.IMetaHandler>();
        return new HtmlParser(Options, BrowsingContext.New(config));
    }
}
