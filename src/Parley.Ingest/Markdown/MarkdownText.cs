using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Ingest.Markdown;

/// <summary>
/// Turns Markdown into plain text that <see cref="Text.PlainTextArticleParser"/> reads: headings,
/// emphasis, links, images, list markers, block quotes, code fences, HTML tags and backslash escapes
/// are removed, keeping the words. Each list item becomes its own paragraph. Images' alt text is
/// dropped from the body (it describes a picture, not the story).
/// </summary>
public static partial class MarkdownText
{
    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(https?://[^>]+)>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,500}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)|(?<!\w)_(?=\S)([^_]+?)(?<=\S)_(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+|\s+#+\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s{0,3}(?:[-*_]\s*){3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*\[[^\]]+\]:\s*\S+")]
    private static partial Regex LinkDefinition();

    /// <summary>Converts <paramref name="markdown"/> to plain text with blank lines between paragraphs.</summary>
    public static string ToPlain(string markdown)
    {
        var sb = new StringBuilder(markdown.Length);
        var inFence = false;
        // HTML tags may span lines ("<span\nstyle=...>"): remove them before the line-by-line pass.
        markdown = HtmlTag().Replace(markdown, "");
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                sb.Append('\n');
                continue;
            }
            if (inFence || LinkDefinition().IsMatch(line) || Rule().IsMatch(line))
            {
                sb.Append('\n');
                continue;
            }
            var hardBreak = line.EndsWith("  ", StringComparison.Ordinal);
            if (Heading().IsMatch(line))
            {
                // A heading is a paragraph of its own.
                sb.Append('\n').Append(Inline(Heading().Replace(line, ""))).Append("\n\n");
                continue;
            }
            if (ListMarker().IsMatch(line))
            {
                sb.Append('\n').Append(Inline(ListMarker().Replace(line, ""))).Append('\n');
                continue;
            }
            line = Quote().Replace(line, "");
            sb.Append(Inline(line));
            sb.Append(hardBreak ? "  \n" : "\n");
        }
        return sb.ToString();
    }

    private static string Inline(string line)
    {
        line = Image().Replace(line, "");
        line = Link().Replace(line, m => m.Groups[1].Success && m.Groups[1].Length > 0 ? m.Groups[1].Value : m.Groups[2].Value);
        line = AutoLink().Replace(line, "$1");
        line = HtmlTag().Replace(line, "");
        line = Emphasis().Replace(line, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value);
        line = Escape().Replace(line, "$1");
        line = line.Replace('\u00A0', ' ');
        return System.Net.WebUtility.HtmlDecode(line);
    }
}
