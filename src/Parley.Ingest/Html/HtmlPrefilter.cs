using System.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// Cuts out, before the HTML parser sees them, the parts of a page that never hold article text or
/// metadata: the bodies of <c>&lt;script&gt;</c> elements (except JSON-LD), <c>&lt;style&gt;</c>, <c>&lt;svg&gt;</c>,
/// <c>&lt;noscript&gt;</c> and <c>&lt;template&gt;</c> elements, and comments. On real pages these are about half of the characters, and
/// the parser would otherwise build and then throw away their nodes. The element tags stay (empty), so
/// the document's structure is unchanged. A plain scan with vectorised searches; no regex.
/// </summary>
public static class HtmlPrefilter
{
    /// <summary>Returns <paramref name="html"/> without script, style and svg contents and comments.</summary>
    public static string Strip(string html)
    {
        StringBuilder? sb = null;
        var span = html.AsSpan();
        var copied = 0;
        var i = 0;
        while (i < span.Length)
        {
            var lt = span[i..].IndexOf('<');
            if (lt < 0) break;
            i += lt;
            var rest = span[i..];
            int cutFrom, cutTo;
            if (rest.StartsWith("<!--"))
            {
                var end = rest[4..].IndexOf("-->");
                cutFrom = i;
                cutTo = end < 0 ? span.Length : i + 4 + end + 3;
            }
            else if (Cut(rest) is { } name)
            {
                var tagEnd = rest.IndexOf('>');
                if (tagEnd < 0) break;
                var openTag = rest[..(tagEnd + 1)];
                if (name == "script" && openTag.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    i += tagEnd + 1; // JSON-LD (and other JSON data): kept for the metadata reader
                    continue;
                }
                if (openTag.EndsWith("/>"))
                {
                    i += tagEnd + 1;
                    continue;
                }
                var close = IndexOfEndTag(rest[(tagEnd + 1)..], name);
                cutFrom = i + tagEnd + 1;
                cutTo = close < 0 ? span.Length : cutFrom + close;
            }
            else
            {
                i++;
                continue;
            }
            sb ??= new StringBuilder(html.Length / 2);
            sb.Append(span[copied..cutFrom]);
            copied = cutTo;
            i = Math.Max(cutTo, i + 1);
        }
        if (sb is null) return html;
        sb.Append(span[copied..]);
        return sb.ToString();
    }

    /// <summary>Elements whose contents are cut: never article text (the content reader drops them whole).</summary>
    private static readonly string[] CutElements = ["script", "style", "svg", "noscript", "template"];

    private static string? Cut(ReadOnlySpan<char> s)
    {
        foreach (var name in CutElements)
            if (Opens(s, name)) return name;
        return null;
    }

    /// <summary>Where <c>&lt;/name</c> (any case) first occurs in <paramref name="s"/>, or -1: an ordinal search for "&lt;/", then the name.</summary>
    private static int IndexOfEndTag(ReadOnlySpan<char> s, string name)
    {
        var from = 0;
        while (true)
        {
            var k = s[from..].IndexOf("</", StringComparison.Ordinal);
            if (k < 0) return -1;
            k += from;
            if (s[(k + 2)..].StartsWith(name, StringComparison.OrdinalIgnoreCase)) return k;
            from = k + 2;
        }
    }

    /// <summary>True when <paramref name="s"/> starts with the open tag of element <paramref name="name"/>.</summary>
    private static bool Opens(ReadOnlySpan<char> s, string name) =>
        s.Length > name.Length + 1 && s[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && s[name.Length + 1] is ' ' or '>' or '\t' or '\n' or '\r' or '/';
}
