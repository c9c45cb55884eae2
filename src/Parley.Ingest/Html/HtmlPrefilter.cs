using System.Buffers;

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
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, html.Length));
        try
        {
            var length = StripInto(html, buffer);
            return length == html.Length ? html : new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes <paramref name="html"/> without the cut parts into <paramref name="output"/> (at least as
    /// long as the input) and returns the length written: no intermediate strings, so a caller can parse
    /// from a pooled buffer.
    /// </summary>
    public static int StripInto(ReadOnlySpan<char> html, Span<char> output)
    {
        var span = html;
        var written = 0;
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
                var tagEnd = TagEnd(rest);
                if (tagEnd < 0) break;
                var openTag = rest[..(tagEnd + 1)];
                if (openTag.EndsWith("/>"))
                {
                    i += tagEnd + 1;
                    continue;
                }
                var close = IndexOfEndTag(rest[(tagEnd + 1)..], name);
                if (name == "script" && openTag.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    // JSON-LD (and other JSON data): kept for the metadata reader, and not searched for
                    // tags or comments, since its strings may hold markup.
                    if (close < 0) break;
                    i += tagEnd + 1 + close;
                    continue;
                }
                cutFrom = i + tagEnd + 1;
                cutTo = close < 0 ? span.Length : cutFrom + close;
            }
            else
            {
                // Any other tag is stepped over whole, so a '<' inside a quoted attribute value
                // (alt="a <script> tag") is not taken for the start of a tag.
                var tagEnd = rest.Length > 1 && (char.IsAsciiLetter(rest[1]) || rest[1] == '/') ? TagEnd(rest) : 0;
                if (tagEnd < 0) break;
                i += Math.Max(1, tagEnd);
                continue;
            }
            span[copied..cutFrom].CopyTo(output[written..]);
            written += cutFrom - copied;
            copied = cutTo;
            i = Math.Max(cutTo, i + 1);
        }
        span[copied..].CopyTo(output[written..]);
        return written + span.Length - copied;
    }

    /// <summary>Elements whose contents are cut: never article text (the content reader drops them whole).</summary>
    private static readonly string[] CutElements = ["script", "style", "svg", "noscript", "template"];

    private static string? Cut(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || (s[1] | 0x20) is not ('s' or 't' or 'n')) return null; // the first letters of CutElements
        foreach (var name in CutElements)
            if (Opens(s, name)) return name;
        return null;
    }

    /// <summary>
    /// Where the tag starting <paramref name="tag"/> ends (its '&gt;'), or -1: a '&gt;' inside a quoted
    /// attribute value does not end it, as in the HTML tokenizer. A quote opens a value only after '='.
    /// </summary>
    private static int TagEnd(ReadOnlySpan<char> tag)
    {
        var k = 1;
        while (true)
        {
            var j = tag[k..].IndexOfAny('>', '"', '\'');
            if (j < 0) return -1;
            k += j;
            if (tag[k] == '>') return k;
            var p = k - 1;
            while (p > 0 && char.IsWhiteSpace(tag[p])) p--;
            if (tag[p] == '=')
            {
                var close = tag[(k + 1)..].IndexOf(tag[k]);
                if (close < 0) return -1;
                k += close + 2;
            }
            else k++;
        }
    }

    /// <summary>Where <c>&lt;/name</c> (any case) first occurs in <paramref name="s"/>, or -1: an ordinal search for "&lt;/", then the name.</summary>
    internal static int IndexOfEndTag(ReadOnlySpan<char> s, string name)
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
