using Parley.Core.Model;

namespace Parley.Language.Quotes;

/// <summary>Finds quotations in a paragraph: text between curly (“ ”) or straight (") double quotation marks.</summary>
internal static class QuotedSpans
{
    /// <summary>
    /// The spans inside quotation marks (without the marks), in order. Curly marks pair as open and
    /// close; straight marks alternate. An unclosed mark is ignored.
    /// </summary>
    public static List<TextSpan> Find(string text, TextSpan within)
    {
        var result = new List<TextSpan>();
        int? openCurly = null, openStraight = null;
        for (var i = within.Start; i < within.End; i++)
        {
            switch (text[i])
            {
                case '“':
                    openCurly = i;
                    break;
                case '”':
                    if (openCurly is { } o && i > o + 1) result.Add(new TextSpan(o + 1, i));
                    openCurly = null;
                    break;
                case '"':
                    if (openStraight is { } s)
                    {
                        if (i > s + 1) result.Add(new TextSpan(s + 1, i));
                        openStraight = null;
                    }
                    else openStraight = i;
                    break;
            }
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>The quoted words without edge punctuation and white space inside the marks ("extremely strong." -> "extremely strong").</summary>
    public static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ',' or '.' or ';' or ':')) e--;
        return new TextSpan(s, e);
    }
}
