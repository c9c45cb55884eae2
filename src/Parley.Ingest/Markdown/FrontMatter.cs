using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Ingest.Markdown;

/// <summary>
/// YAML front matter, as static-site generators and scraped corpora put it at the top of Markdown
/// and text files: a block between two <c>---</c> lines. Only top-level scalar values (and lists
/// of scalars, joined with ", ") are kept, keyed by lower-case name.
/// </summary>
public static class FrontMatter
{
    /// <summary>Largest front matter block read (a bigger one is treated as body text).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>
    /// Splits <paramref name="text"/> into its front matter fields and the body after it. Returns
    /// false (fields empty, body = the text) when there is no front matter or it is not valid YAML;
    /// <paramref name="error"/> then says why when a block was present but unreadable.
    /// </summary>
    public static bool TrySplit(string text, out Dictionary<string, string> fields, out string body, out string? error)
    {
        fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        body = text;
        error = null;
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0) return false;
        var firstEol = text.IndexOf('\n', start);
        if (firstEol < 0 || text[(start + 3)..firstEol].Trim().Length > 0) return false;
        var end = FindClosing(text, firstEol + 1);
        if (end < 0 || end - firstEol > MaxLength) return false;
        var yaml = text[(firstEol + 1)..end];
        var afterClose = text.IndexOf('\n', end);
        body = afterClose < 0 ? "" : text[(afterClose + 1)..];
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) return true;
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } key }) continue;
                var value = v switch
                {
                    YamlScalarNode s => s.Value,
                    YamlSequenceNode seq => string.Join(", ", seq.Children.OfType<YamlScalarNode>().Select(s => s.Value).Where(s => !string.IsNullOrWhiteSpace(s))),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(value)) fields[key.Trim()] = value.Trim();
            }
            return true;
        }
        catch (YamlException e)
        {
            error = IngestCodes.Format(IngestCodes.BadRecord, $"front matter is not valid YAML ({e.Start.Line}:{e.Start.Column}): {e.Message}");
            return true;
        }
    }

    private static int FindClosing(string text, int from)
    {
        var pos = from;
        while (pos < text.Length)
        {
            var eol = text.IndexOf('\n', pos);
            var line = (eol < 0 ? text[pos..] : text[pos..eol]).TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...") return pos;
            if (eol < 0) return -1;
            pos = eol + 1;
        }
        return -1;
    }
}
