using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parley.Ingest.Text;

namespace Parley.Ingest.Html;

/// <summary>Main content found in a page.</summary>
public sealed class ExtractedContent
{
    /// <summary>Body paragraphs in reading order.</summary>
    public List<string> Paragraphs { get; } = [];
    /// <summary>Figure captions.</summary>
    public List<string> Captions { get; } = [];
    /// <summary>Removed furniture lines (short descriptions).</summary>
    public List<string> Removed { get; } = [];
}

/// <summary>
/// Finds an HTML page's main content. Steps, each a general rule:
/// 1. Captions (<c>figcaption</c>) are kept apart; figures, scripts, forms, navigation, asides,
///    footers and elements whose role or class/id names furniture (comments, share, related,
///    newsletter, cookie...) are removed, unless they hold most of the page's text.
/// 2. Every text block is scored by its length and commas, and the score flows to its parent and
///    grandparent (Readability's idea); a container's score is damped by its link density. An
///    <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c> element, or the element holding the JSON-LD articleBody,
///    gets a bonus.
/// 3. The best container and its siblings that score well are read block by block into
///    paragraphs; blocks that are mostly links or are furniture by the boilerplate vocabulary are dropped.
/// </summary>
public sealed partial class HtmlContentExtractor
{
    private static readonly HashSet<string> RemoveTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input",
        "select", "textarea", "nav", "aside", "footer", "dialog", "menu", "link", "meta", "figure", "picture", "video",
        "audio", "map", "head",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "header", "address", "hr", "center", "details",
        "summary", "body", "html", "form", "fieldset",
    };

    [GeneratedRegex(@"comment|share|sharing|social|related|recommend|promo|newsletter|subscri|signup|sign-up|cookie|consent|banner|sidebar|side-bar|breadcrumb|footer|masthead|menu|navbar|nav-|popup|modal|advert|(?:^|[\s_-])ads?(?:$|[\s_-])|sponsor|outbrain|taboola|toolbar|pagination|pager|disqus|skip-link|tooltip|most-read|mostread|trending|more-stories|read-more|readmore|byline|author-bio|paywall|login|overlay", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    private static readonly MatchCache NegativeNames = new(Negative);

    [GeneratedRegex(@"article|content|entry|post|story|body|text|main|blog|prose|markdown|rich-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    private static readonly MatchCache PositiveNames = new(Positive);

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "banner", "contentinfo", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar",
    };

    private readonly BoilerplateVocabulary _vocabulary;

    /// <summary>Characters (white space folded) and characters inside links, per element, computed once per page.</summary>
    private sealed class Stats
    {
        private readonly Dictionary<IElement, (int Chars, int LinkChars)> _byElement = new(ReferenceEqualityComparer.Instance);

        /// <summary>Every element under the root, in document order (the root excluded).</summary>
        public List<IElement> Elements { get; } = [];

        public Stats(IElement root) => Compute(root, false);

        private (int, int) Compute(IElement el, bool inLink)
        {
            int chars = 0, links = 0;
            var isLink = inLink || el.LocalName == "a";
            foreach (var child in ChildrenOf(el))
            {
                if (child is IText t)
                {
                    var n = Folded(t.Data);
                    chars += n;
                    if (isLink) links += n;
                }
                else if (child is IElement e)
                {
                    Elements.Add(e);
                    var (c, l) = Compute(e, isLink);
                    chars += c;
                    links += l;
                }
            }
            _byElement[el] = (chars, links);
            return (chars, links);
        }

        public int Chars(IElement el) => _byElement.TryGetValue(el, out var s) ? s.Chars : Folded(el.TextContent);

        public double LinkDensity(IElement el) =>
            _byElement.TryGetValue(el, out var s) && s.Chars > 0 ? Math.Min(1.0, (double)s.LinkChars / s.Chars) : 0;

        private static int Folded(string text) => FoldedLength(text);
    }

    /// <summary>Creates an extractor with the default (or given) boilerplate vocabulary.</summary>
    public HtmlContentExtractor(BoilerplateVocabulary? vocabulary = null) => _vocabulary = vocabulary ?? BoilerplateVocabulary.Default;

    /// <summary>When set, receives one line per decision (removed elements, candidate scores): for tuning and bug reports.</summary>
    public Action<string>? Trace { get; set; }

    /// <summary>Extracts the main content. Edits <paramref name="doc"/> (removes furniture).</summary>
    public ExtractedContent Extract(IHtmlDocument doc, string? title, string? jsonLdBody)
    {
        var result = new ExtractedContent();
        var body = doc.Body;
        if (body is null) return result;

        var all = DescendantElements(body);
        foreach (var cap in all)
        {
            if (cap.LocalName != "figcaption") continue;
            var text = TextNormalizer.CollapseWhitespace(cap.TextContent);
            if (text.Length > 0) result.Captions.Add(text);
        }

        // A. Elements that are never article text, whatever their content.
        var doomed = new List<IElement>();
        int? bodyLength = null;
        foreach (var el in all)
        {
            if (RemoveTags.Contains(el.LocalName))
            {
                // A misused or unclosed aside/nav/footer can wrap the whole page: one holding most of the text stays.
                if (el.LocalName is "aside" or "nav" or "footer" && TextLength(el) is > 2000 and var n && n * 2 > (bodyLength ??= TextLength(body))) continue;
                doomed.Add(el);
                continue;
            }
            // Hidden elements are dropped, except large ones: streaming renderers ship the article hidden and reveal it by script.
            if ((el.HasAttribute("hidden") || (el.GetAttribute("style") is { } st && st.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase)))
                && el.TextContent.Length < 1000)
            { doomed.Add(el); continue; }
            if (el.GetAttribute("role") is { } role && FurnitureRoles.Contains(role)) { doomed.Add(el); continue; }
            if (el.LocalName is "header" && el.QuerySelectorAll("p").Sum(p => p.TextContent.Length) < 200) { doomed.Add(el); continue; }
            if (el.LocalName is "form" && TextLength(el) < 1000) doomed.Add(el);
        }
        RemoveAll(doomed, result);

        // B. The container with the best-scoring text blocks.
        var stats = new Stats(body);
        var top = ChooseContainer(body, stats).ToList();
        if (Trace is not null) foreach (var t in top) Trace($"chosen <{t.LocalName} class='{t.ClassName}' id='{t.Id}'> {stats.Chars(t)} chars");

        // C. Inside it, furniture named by class or id (share bars, related lists, comments), when it is a small part.
        doomed.Clear();
        foreach (var container in top)
        {
            var containerText = Math.Max(1, stats.Chars(container));
            foreach (var el in DescendantElements(container))
            {
                if (el.LocalName is "p" or "a" or "span" or "b" or "strong" or "em" or "i") continue;
                var names = (el.ClassName ?? "") + " " + el.Id;
                if (names.Length <= 1 || !NegativeNames.IsMatch(names) || PositiveNames.IsMatch(names)) continue;
                if (stats.Chars(el) * 2 < containerText) doomed.Add(el);
            }
        }
        RemoveAll(doomed, result);

        var titleKey = title is null ? null : TextNormalizer.Key(title);
        var blocks = new List<Block>();
        foreach (var container in top) Collect(container, blocks);
        var endHeadings = new List<int>();
        foreach (var b in blocks)
        {
            var text = TextNormalizer.CollapseWhitespace(b.Text.ToString());
            if (text.Length == 0) continue;
            var key = TextNormalizer.Key(text);
            if (key.Length == 0) continue;
            if (titleKey is not null && key == titleKey) continue;
            var density = (double)b.LinkChars / Math.Max(1, text.Length);
            // Only a block that is nearly all link is a link list: a sentence built around a link is text
            // (WCXB body F1 by threshold: 0.4: -0.0008, 0.5: base, 0.65: +0.0008, 0.8: +0.0012, 0.9: +0.0011).
            if (density > 0.8 && !b.IsHeading)
            {
                result.Removed.Add("links: " + Truncate(text));
                continue;
            }
            if (_vocabulary.Classify(text) is var kind && kind != FurnitureKind.None)
            {
                if (kind == FurnitureKind.End && ArticleEnd.IsEndHeading(text)) endHeadings.Add(result.Paragraphs.Count);
                result.Removed.Add("furniture: " + Truncate(text));
                continue;
            }
            result.Paragraphs.Add(text);
        }
        ArticleEnd.Cut(result.Paragraphs, endHeadings, result.Removed);
        RepeatedParagraphs.Drop(result.Paragraphs, result.Removed);
        // Trailing fragments (tag lists, "Posted in", call-to-action buttons) end many containers:
        // short lines that close no sentence, after the last real paragraph, are not article text.
        while (result.Paragraphs.Count > 1 && result.Paragraphs[^1] is var last
               && TextNormalizer.WordCount(last) < TrailingFragmentWords && !TextBlocks.EndsSentence(last))
        {
            result.Removed.Add("trailing: " + Truncate(last));
            result.Paragraphs.RemoveAt(result.Paragraphs.Count - 1);
        }
        return result;
    }

    private void RemoveAll(List<IElement> doomed, ExtractedContent result)
    {
        foreach (var el in doomed)
        {
            if (el.Parent is null) continue;
            if (el.LocalName is not ("script" or "style" or "head" or "svg" or "noscript" or "template"))
            {
                var text = Trace is not null ? TextNormalizer.CollapseWhitespace(el.TextContent) : CollapsedTextIfShorter(el, 120) ?? "";
                if (Trace is not null && text.Length > 50) Trace($"removed <{el.LocalName} class='{el.ClassName}' id='{el.Id}'> {text.Length} chars: {Truncate(text)}");
                if (text.Length is > 0 and < 120) result.Removed.Add("html:" + el.LocalName + ": " + text);
            }
            el.Remove();
        }
    }

    private static string Truncate(string s) => s.Length <= 100 ? s : s[..100] + "...";

    private sealed class Block
    {
        public StringBuilder Text { get; } = new();
        public int LinkChars { get; set; }
        public bool IsHeading { get; set; }
    }

    private static void Collect(INode node, List<Block> blocks)
    {
        var current = new Block();
        Walk(node, false);
        Flush();

        void Flush()
        {
            if (current.Text.Length > 0) blocks.Add(current);
            current = new Block();
        }

        void Walk(INode n, bool inLink)
        {
            foreach (var child in ChildrenOf(n))
            {
                if (child is IText t)
                {
                    current.Text.Append(t.Data);
                    if (inLink) current.LinkChars += t.Data.Trim().Length;
                }
                else if (child is IElement e)
                {
                    if (e.LocalName == "br")
                    {
                        Flush();
                        continue;
                    }
                    var block = BlockTags.Contains(e.LocalName);
                    if (block) Flush();
                    if (e.LocalName is "h2" or "h3" or "h4" or "h5" or "h6") current.IsHeading = true;
                    if (block && e.LocalName is "td" or "th") current.Text.Append(' ');
                    Walk(e, inLink || e.LocalName == "a");
                    if (block) Flush();
                    else if (e.LocalName is "img" && current.Text.Length > 0) current.Text.Append(' ');
                }
            }
        }
    }

    private IEnumerable<IElement> ChooseContainer(IElement body, Stats stats)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var el in stats.Elements)
        {
            if (el.LocalName is not ("p" or "pre" or "td" or "blockquote" or "li" or "div" or "h2" or "h3")) continue;
            if (el.LocalName is "div" or "li" && HasBlockChild(el)) continue;
            var length = stats.Chars(el);
            if (length < 25) continue;
            var score = 1.0 + Commas(el) + Math.Min(length / 100.0, 3.0);
            var parent = el.ParentElement;
            var level = 0;
            while (parent is not null && level < 3)
            {
                if (!scores.ContainsKey(parent)) scores[parent] = InitialScore(parent);
                scores[parent] += level == 0 ? score : level == 1 ? score / 2 : score / 6;
                parent = parent.ParentElement;
                level++;
            }
        }
        if (scores.Count == 0) return [body];
        IElement? best = null;
        var bestScore = double.MinValue;
        var final = new Dictionary<IElement, double>();
        foreach (var (el, s) in scores)
        {
            var adjusted = s * (1 - stats.LinkDensity(el));
            final[el] = adjusted;
            if (adjusted > bestScore)
            {
                bestScore = adjusted;
                best = el;
            }
        }
        if (best is null) return [body];

        // Climb while the parent holds substantially the same content (a wrapper around the best block).
        var parentEl = best.ParentElement;
        while (parentEl is not null && parentEl.LocalName != "body" && final.TryGetValue(parentEl, out var ps) && ps >= bestScore * 0.9)
        {
            best = parentEl;
            bestScore = Math.Max(bestScore, ps);
            parentEl = best.ParentElement;
        }

        // Climb further while the parent adds a good share of content-like text (sections of one article
        // split into sibling blocks) without becoming link-heavy (navigation, lists of other articles).
        var good = GoodText(stats);
        if (Trace is not null)
            for (var a = best; a is not null && a.LocalName != "html"; a = a.ParentElement)
                Trace($"ancestor <{a.LocalName} class='{a.ClassName}'> good {good.GetValueOrDefault(a)} chars {stats.Chars(a)} links {stats.LinkDensity(a):0.00}");
        while (best.ParentElement is { } up && up.LocalName is not ("body" or "html"))
        {
            var mine = good.GetValueOrDefault(best);
            var theirs = good.GetValueOrDefault(up);
            if (theirs <= mine * 1.05 || (theirs >= mine * ClimbRatio && stats.LinkDensity(up) < 0.35))
            {
                best = up;
                continue;
            }
            // Page builders nest each section of one article in several wrappers, so the share grows
            // in small steps: look a few levels up for the ancestor where it has grown enough.
            var jumped = false;
            var probe = up.ParentElement;
            for (var level = 0; level < ClimbLookahead && probe is not null && probe.LocalName is not ("body" or "html"); level++, probe = probe.ParentElement)
            {
                if (good.GetValueOrDefault(probe) >= mine * ClimbRatio && stats.LinkDensity(probe) < 0.35)
                {
                    best = probe;
                    jumped = true;
                    break;
                }
            }
            if (!jumped) break;
        }

        // Include siblings that score well or are clean paragraphs.
        var list = new List<IElement>();
        var threshold = Math.Max(10, bestScore * 0.2);
        if (best.ParentElement is { } siblingsParent && best.LocalName != "body")
        {
            foreach (var sib in siblingsParent.Children)
            {
                if (sib == best) { list.Add(sib); continue; }
                if (final.TryGetValue(sib, out var s) && s >= threshold) { list.Add(sib); continue; }
                if (sib.LocalName == "p")
                {
                    var text = TextNormalizer.CollapseWhitespace(sib.TextContent);
                    var ld = stats.LinkDensity(sib);
                    if ((text.Length > 80 && ld < 0.25) || (text.Length > 0 && ld == 0 && TextBlocks.EndsSentence(text))) list.Add(sib);
                }
            }
        }
        else list.Add(best);
        return list;
    }

    /// <summary>Shorter trailing lines that close no sentence are dropped.</summary>
    private const int TrailingFragmentWords = 8;

    /// <summary>How many levels above a small step the climb looks for a large one.</summary>
    private const int ClimbLookahead = 8;

    /// <summary>How much more content-like text a parent must hold for the extraction to widen to it.</summary>
    private const double ClimbRatio = 1.5;

    /// <summary>
    /// Content-like characters under each element: text blocks of at least 40 characters, or ending a
    /// sentence, with under 30% of their text in links. Navigation and link lists add nothing.
    /// </summary>
    private static Dictionary<IElement, int> GoodText(Stats stats)
    {
        var good = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        foreach (var el in stats.Elements)
        {
            if (el.LocalName is not ("p" or "pre" or "td" or "blockquote" or "li" or "div" or "h2" or "h3" or "h4" or "dd")) continue;
            if (HasBlockChild(el)) continue;
            var chars = stats.Chars(el);
            if (chars < 40 && !(chars > 0 && TextBlocks.EndsSentence(el.TextContent))) continue;
            if (stats.LinkDensity(el) >= 0.3) continue;
            for (var a = el.ParentElement; a is not null; a = a.ParentElement)
                good[a] = good.GetValueOrDefault(a) + chars;
        }
        return good;
    }

    /// <summary>Commas (Latin and CJK) in the text under <paramref name="node"/>, counted without building the text.</summary>
    private static int Commas(INode node)
    {
        var n = 0;
        foreach (var child in ChildrenOf(node))
        {
            if (child is IText t)
            {
                foreach (var c in t.Data.AsSpan())
                    if (c is ',' or '，' or '、') n++;
            }
            else if (child is IElement) n += Commas(child);
        }
        return n;
    }

    private static double InitialScore(IElement el)
    {
        var score = el.LocalName switch
        {
            "article" or "main" => 10,
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = (el.ClassName ?? "") + " " + el.Id;
        if (names.Length > 1)
        {
            if (NegativeNames.IsMatch(names)) score -= 25;
            if (PositiveNames.IsMatch(names)) score += 25;
        }
        if (el.GetAttribute("itemprop") is { } ip && ip.Contains("articleBody", StringComparison.OrdinalIgnoreCase)) score += 50;
        return score;
    }

    private static int TextLength(INode node) => FoldedTextLength(node);

    /// <summary>Length of <paramref name="text"/> with every run of white space counted as one character.</summary>
    private static int FoldedLength(string text)
    {
        var n = 0;
        var space = true;
        Fold(text, ref n, ref space);
        return n;
    }
}
