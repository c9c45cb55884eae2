using System.Text.RegularExpressions;
using Parley.Core.Data;

namespace Parley.Ingest.Text;

/// <summary>
/// Recognises photo captions printed among article lines. A caption either ends with a photo
/// credit (from Text/Data/photo-credits.tsv) right after a sentence end or a separator
/// ("... on October 30, 2025. AFP", "... in Kyiv / Reuters", "(Photo: AP)"), or starts with a
/// credit label ("Photo:", "Image:", "File photo:"), or carries the position markers that only
/// captions use ("(L)", "(R)", "(C)", "(2nd L)", "from left"). "..., he told AFP." is not a
/// caption: the credit follows a verb, not a sentence end, and is followed by a full stop.
/// </summary>
public sealed partial class CaptionDetector
{
    private static readonly Lazy<CaptionDetector> DefaultInstance = new(() => new CaptionDetector(
        DataFile.ReadTsv(typeof(CaptionDetector).Assembly, "Text/Data/photo-credits.tsv").Select(r => r["credit"])));

    private readonly Regex _creditAtEnd;
    private readonly Regex _creditInParens;

    /// <summary>The detector built from Text/Data/photo-credits.tsv.</summary>
    public static CaptionDetector Default => DefaultInstance.Value;

    /// <summary>Builds a detector for the given credits (as printed).</summary>
    public CaptionDetector(IEnumerable<string> credits)
    {
        var alternatives = string.Join('|', credits.OrderByDescending(c => c.Length).Select(Regex.Escape));
        // credit[/credit] at the end, after ". " or a separator; an optional photographer name before the agency ("Jim Watson / AFP").
        _creditAtEnd = new Regex(
            $@"(?:[.!?”""')]\s+|\s[/|\-–—]\s*|\s*[/|]\s*|(?:photo|image|picture|credit|foto)s?\s*(?:by)?\s*:\s*)(?:[\p{{Lu}}][\p{{L}}.'\-]+\s+){{0,3}}[/|]?\s*(?:{alternatives})(?:\s*[/|,]\s*(?:{alternatives}|[\p{{Lu}}][\p{{L}}.'\-]+(?:\s+[\p{{Lu}}][\p{{L}}.'\-]+){{0,2}}))*\s*$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _creditInParens = new Regex(
            $@"\((?:(?:photo|image|picture|credit|foto)s?\s*(?:by)?\s*:?\s*)?[^()]{{0,60}}?(?:{alternatives})\)\s*$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);
    }

    [GeneratedRegex(@"\((?:\d(?:st|nd|rd|th)\s+)?[LRC]\)|\bfrom left\b|\(left\)|\(right\)|\(centre\)|\(center\)", RegexOptions.CultureInvariant)]
    private static partial Regex PositionMarker();

    [GeneratedRegex(@"^(?:photo|image|picture|file photo|photograph|foto|caption)s?\s*(?:credit)?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLabelAtStart();

    /// <summary>True when <paramref name="line"/> reads as a photo caption.</summary>
    public bool IsCaption(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.Length > 600) return false;
        if (_creditAtEnd.IsMatch(text)) return true;
        if (_creditInParens.IsMatch(text)) return true;
        if (CreditLabelAtStart().IsMatch(text)) return true;
        return PositionMarker().IsMatch(text);
    }
}
