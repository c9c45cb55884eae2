using System.Net;
using System.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// Protects the HTML parser from hostile nesting. Tree builders check "is an element in scope" by
/// walking the stack of open elements, so a page of a million nested &lt;div&gt;s costs time that grows
/// with the square of the depth. <see cref="MaxDepth"/> estimates the depth in one linear pass;
/// a page deeper than the limit is read by <see cref="Flatten"/> instead: tags removed, block tags
/// turned into paragraph breaks, so its text is still read.
/// </summary>
public static class NestingGuard
{
    /// <summary>Deepest nesting parsed as a tree. Real pages stay well under a few hundred levels.</summary>
    public const int DepthLimit = 1000;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        // elements that close their open siblings, so repeats do not nest
        "p", "li", "dt", "dd", "option", "tr", "td", "th", "html", "head", "body",
    };

    /// <summary><see cref="NotNesting"/> looked up by span: no string per tag.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingByName = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "pre", "table", "ul", "ol", "header", "footer", "main",
    };

    /// <summary>An estimate of the deepest element nesting in <paramref name="html"/> (a lower bound for well-formed markup).</summary>
    public static int MaxDepth(string html)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!')
            {
                var end = html.StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i);
                if (end < 0) break;
                i = end + 1;
                continue;
            }
            var closing = next == '/';
            var start = closing ? i + 2 : i + 1;
            var nameEnd = start;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            if (nameEnd == start)
            {
                i++;
                continue;
            }
            var name = html.AsSpan(start, nameEnd - start);
            var close = html.IndexOf('>', nameEnd);
            if (close < 0) break;
            var selfClosing = html[close - 1] == '/';
            if (closing)
            {
                if (!NotNestingByName.Contains(name) && depth > 0) depth--;
            }
            else if (!selfClosing && !NotNestingByName.Contains(name))
            {
                var script = name.Equals("script", StringComparison.OrdinalIgnoreCase);
                if (script || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    var endTag = HtmlPrefilter.IndexOfEndTag(html.AsSpan(close), script ? "script" : "style");
                    i = endTag < 0 ? html.Length : close + endTag;
                    continue;
                }
                if (++depth > max) max = depth;
            }
            i = close + 1;
        }
        return max;
    }

    /// <summary>The text of <paramref name="html"/> without a tree: scripts and styles dropped, tags removed, block tags as paragraph breaks.</summary>
    public static string Flatten(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }
            sb.Append(html, i, lt - i);
            var gt = html.IndexOf('>', lt);
            if (gt < 0) break;
            var tag = html.AsSpan(lt + 1, gt - lt - 1).TrimStart('/');
            var nameLength = 0;
            while (nameLength < tag.Length && char.IsAsciiLetterOrDigit(tag[nameLength])) nameLength++;
            var name = tag[..nameLength].ToString();
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                if (html[lt + 1] != '/')
                {
                    var end = html.IndexOf("</" + name, gt, StringComparison.OrdinalIgnoreCase);
                    gt = end < 0 ? html.Length - 1 : Math.Max(gt, html.IndexOf('>', end) is var e && e >= 0 ? e : html.Length - 1);
                }
            }
            else if (BlockTags.Contains(name)) sb.Append("\n\n");
            i = gt + 1;
        }
        return WebUtility.HtmlDecode(sb.ToString());
    }
}
