using Parley.Core.Model;
using Parley.Ingest.Dates;

namespace Parley.Ingest.Text;

/// <summary>
/// Reads an article printed as plain text, in the form pages copied to text take: the headline on
/// the first line, a dateline ("Published November 24th, 2025 - 07:05 GMT"), then the body with
/// page furniture, captions and highlights mixed in. General rules, no site-specific ones:
/// <list type="bullet">
/// <item>Title: the first line, unless it is a dateline, furniture or long prose.</item>
/// <item>Publication time: the first dateline among the first lines (<see cref="Dateline"/>).</item>
/// <item>Furniture (<see cref="BoilerplateVocabulary"/>) goes to Metadata.Removed; section labels
/// ("Highlights") too, while what follows them is kept as a highlight.</item>
/// <item>A line repeating the headline is dropped.</item>
/// <item>Photo captions (<see cref="CaptionDetector"/>) go to Metadata.Captions, not the body.</item>
/// <item>A paragraph printed twice (a highlight and its body copy) is read once: the copy in the
/// body is kept and the highlight dropped, because the body copy sits in its narrative context
/// (the sentences before it anchor "three weeks earlier" and pronouns), while the highlight is a
/// pull-out. Repeats that are not highlights keep their first copy. Copies are compared on
/// <see cref="TextNormalizer.Key"/> (case, quotes, white space and punctuation ignored); a
/// truncated copy ("..." or a prefix of at least 12 words) counts as a copy of the full one.</item>
/// </list>
/// Thread-safe.
/// </summary>
public sealed class PlainTextArticleParser
{
    /// <summary>How many leading units are searched for a dateline.</summary>
    public const int DatelineSearchUnits = 8;

    /// <summary>Longest first line still taken as a title.</summary>
    public const int MaxTitleLength = 300;

    private readonly BoilerplateVocabulary _vocabulary;
    private readonly CaptionDetector _captions;

    /// <summary>Builds a parser with the default (or given) vocabularies.</summary>
    public PlainTextArticleParser(BoilerplateVocabulary? vocabulary = null, CaptionDetector? captions = null)
    {
        _vocabulary = vocabulary ?? BoilerplateVocabulary.Default;
        _captions = captions ?? CaptionDetector.Default;
    }

    /// <summary>Parses <paramref name="text"/>. <paramref name="knownTitle"/> (from front matter, a CSV column) wins over the first line.</summary>
    public ParsedArticle Parse(string text, string? knownTitle = null, bool firstLineIsTitle = true)
    {
        var result = new ParsedArticle();
        var meta = result.Metadata;
        var units = TextBlocks.Split(text);
        var start = 0;

        // Title: the first unit, when it reads like a headline.
        if (knownTitle is not null) meta.Title = knownTitle;
        else if (firstLineIsTitle && units.Count > 1 && LooksLikeTitle(units[0].Text))
        {
            meta.Title = units[0].Text;
            start = 1;
        }
        var titleKey = meta.Title is null ? null : TextNormalizer.Key(meta.Title);
        if (knownTitle is not null && units.Count > 0 && TextNormalizer.Key(units[0].Text) == titleKey) start = 1;

        // Dateline(s) among the first units.
        var skip = new HashSet<int>();
        for (var i = start; i < Math.Min(units.Count, start + DatelineSearchUnits); i++)
        {
            var match = Dateline.Match(units[i].Text);
            if (match is null) continue;
            if (match.IsModified) meta.Modified ??= match.Date.Value;
            else if (meta.Published is null)
            {
                meta.Published = match.Date.Value;
                meta.PublishedSource = "dateline";
            }
            else continue;
            skip.Add(i);
            meta.Removed.Add("dateline: " + units[i].Text);
        }

        // Classify every other unit.
        var body = new List<(string Text, bool Highlight)>();
        var labelBlock = -1;
        for (var i = start; i < units.Count; i++)
        {
            if (skip.Contains(i)) continue;
            var unit = units[i];
            var kind = _vocabulary.Classify(unit.Text);
            if (kind == FurnitureKind.Label)
            {
                labelBlock = unit.Block;
                meta.Removed.Add("label: " + unit.Text);
                continue;
            }
            if (kind is FurnitureKind.Furniture or FurnitureKind.End)
            {
                meta.Removed.Add("furniture: " + unit.Text);
                continue;
            }
            if (titleKey is not null && TextNormalizer.Key(unit.Text) == titleKey)
            {
                meta.Removed.Add("repeated headline: " + unit.Text);
                continue;
            }
            if (_captions.IsCaption(unit.Text))
            {
                meta.Captions.Add(unit.Text);
                continue;
            }
            body.Add((unit.Text, unit.Block == labelBlock));
        }

        foreach (var (p, removed) in RemoveDuplicates(body))
        {
            if (removed) meta.Removed.Add("duplicate: " + p);
            else result.Paragraphs.Add(p);
        }
        return result;
    }

    private static bool LooksLikeTitle(string line)
    {
        if (line.Length > MaxTitleLength || Dateline.Match(line) is not null) return false;
        if (BoilerplateVocabulary.Default.Classify(line) != FurnitureKind.None) return false;
        var words = TextNormalizer.WordCount(line);
        return words is > 0 and <= 40;
    }

    /// <summary>Marks copies of a paragraph as removed (true) and keeps one (false); see the class remarks for which.</summary>
    public static IEnumerable<(string Text, bool Removed)> RemoveDuplicates(IReadOnlyList<(string Text, bool Highlight)> paragraphs)
    {
        var keys = paragraphs.Select(p => TextNormalizer.Key(p.Text.TrimEnd('.', '…', ' '))).ToArray();
        var removed = new bool[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (removed[i] || keys[i].Length == 0) continue;
            for (var j = i + 1; j < paragraphs.Count; j++)
            {
                if (removed[j]) continue;
                var same = keys[i] == keys[j];
                var iTruncated = !same && IsTruncatedCopy(keys[i], paragraphs[i].Text, keys[j]);
                var jTruncated = !same && IsTruncatedCopy(keys[j], paragraphs[j].Text, keys[i]);
                if (!same && !iTruncated && !jTruncated) continue;
                // Keep the full copy; between equal copies keep the body one (not a highlight), else the first.
                var dropFirst = iTruncated || (!jTruncated && paragraphs[i].Highlight && !paragraphs[j].Highlight);
                if (dropFirst)
                {
                    removed[i] = true;
                    break;
                }
                removed[j] = true;
            }
        }
        for (var i = 0; i < paragraphs.Count; i++) yield return (paragraphs[i].Text, removed[i]);
    }

    private static bool IsTruncatedCopy(string shortKey, string shortText, string longKey)
    {
        if (shortKey.Length >= longKey.Length || !longKey.StartsWith(shortKey, StringComparison.Ordinal)) return false;
        var t = shortText.TrimEnd();
        return t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith('…') || TextNormalizer.WordCount(shortKey) >= 12;
    }
}
