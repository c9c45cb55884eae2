using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Parley.Ingest.Html;

/// <summary>
/// The elements the metadata reader looks at, gathered in one walk over the page in document order.
/// Each CSS query over a real page walks its few thousand elements again; one walk with plain tests
/// replaces a dozen of them.
/// </summary>
internal sealed class PageIndex
{
    public List<IElement> Meta { get; } = [];
    public List<IElement> JsonLdScripts { get; } = [];
    public IElement? Canonical { get; private set; }
    public List<IElement> H1 { get; } = [];
    public List<IElement> Times { get; } = [];
    public List<IElement> ItemProps { get; } = [];
    /// <summary>article, main and role=main elements.</summary>
    public List<IElement> MainContainers { get; } = [];
    /// <summary>Elements that may hold a byline: rel/itemprop author, author or byline in the class, and links inside those.</summary>
    public List<(IElement Element, BylineHint Hint)> Bylines { get; } = [];

    [Flags]
    public enum BylineHint
    {
        None = 0,
        RelAuthor = 1,
        ItemPropAuthor = 2,
        AuthorNameClass = 4,
        BylineClass = 8,
        AuthorClass = 16,
        LinkInBylineOrAuthor = 32,
        NameInItemPropAuthor = 64,
    }

    public PageIndex(IHtmlDocument doc)
    {
        if (doc.DocumentElement is { } root) Walk(root, false, false);
    }

    private void Walk(IElement el, bool inAuthorClass, bool inItemPropAuthor)
    {
        var hint = BylineHint.None;
        switch (el.LocalName)
        {
            case "meta": Meta.Add(el); break;
            case "script":
                if (el.GetAttribute("type") is { } type && type.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)) JsonLdScripts.Add(el);
                break;
            case "link":
                if (Canonical is null && HasToken(el.GetAttribute("rel"), "canonical")) Canonical = el;
                break;
            case "h1": H1.Add(el); break;
            case "time": Times.Add(el); break;
            case "article" or "main": MainContainers.Add(el); break;
            case "a":
                if (inAuthorClass) hint |= BylineHint.LinkInBylineOrAuthor;
                break;
        }
        if (el.GetAttribute("role") is { } role && role.Equals("main", StringComparison.OrdinalIgnoreCase) && el.LocalName is not ("article" or "main"))
            MainContainers.Add(el);
        var itemProp = el.GetAttribute("itemprop");
        if (itemProp is not null)
        {
            ItemProps.Add(el);
            if (HasToken(itemProp, "author")) hint |= BylineHint.ItemPropAuthor;
            if (inItemPropAuthor && HasToken(itemProp, "name")) hint |= BylineHint.NameInItemPropAuthor;
        }
        if (el.HasAttribute("rel") && HasToken(el.GetAttribute("rel"), "author")) hint |= BylineHint.RelAuthor;
        var cls = el.GetAttribute("class");
        var authorClass = false;
        if (cls is not null && cls.Length >= 6)
        {
            var byline = cls.AsSpan().ContainsAny(BylineWord);
            if (byline) { hint |= BylineHint.BylineClass; authorClass = true; }
            if (cls.AsSpan().ContainsAny(AuthorWord))
            {
                hint |= BylineHint.AuthorClass;
                authorClass = true;
                if (cls.AsSpan().ContainsAny(AuthorNameWords)) hint |= BylineHint.AuthorNameClass;
            }
            if (byline && cls.AsSpan().ContainsAny(BylineNameWords)) hint |= BylineHint.AuthorNameClass;
        }
        if (hint != BylineHint.None) Bylines.Add((el, hint));
        var childInAuthor = inAuthorClass || authorClass;
        var childInItemProp = inItemPropAuthor || (hint & BylineHint.ItemPropAuthor) != 0;
        // By index: AngleSharp finds an element's next sibling by scanning its parent's children from the start.
        var children = el.ChildNodes;
        for (var i = 0; i < children.Length; i++)
            if (children[i] is IElement c) Walk(c, childInAuthor, childInItemProp);
    }

    // Class words, searched case-insensitively with vectorised searches (a plain case-insensitive
    // Contains is a character-by-character loop when the runtime runs without culture data).
    private static readonly SearchValues<string> BylineWord = SearchValues.Create(["byline"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> AuthorWord = SearchValues.Create(["author"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> AuthorNameWords =
        SearchValues.Create(["author-name", "authorname", "author_name", "author__name"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> BylineNameWords = SearchValues.Create(["byline__name", "byline-name"], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the space-separated <paramref name="list"/> holds <paramref name="token"/> (case-insensitive).</summary>
    public static bool HasToken(string? list, string token)
    {
        if (list is null) return false;
        foreach (var range in list.AsSpan().Split(' '))
            if (list.AsSpan()[range].Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>True when <paramref name="el"/> or an ancestor is one of <paramref name="names"/>.</summary>
    public static bool Within(IElement? el, params ReadOnlySpan<string> names)
    {
        for (var e = el; e is not null; e = e.ParentElement)
            foreach (var n in names)
                if (e.LocalName == n) return true;
        return false;
    }
}
