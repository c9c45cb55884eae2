using Parley.Core.Model;

namespace Parley.Language.Text;

/// <summary>
/// Splits text into tokens following UD English (EWT) conventions, as character spans:
/// clitics apart ("China" "'s", "do" "n't", "ca" "n't", curly apostrophes too), punctuation apart,
/// abbreviations whole ("U.S.", "Gen."), numbers whole ("100,000", "3.5", "08/16/2000", "10:30"),
/// hyphenated compounds split at the hyphen ("search" "-" "engine") unless the first part is a
/// prefix that stays attached ("non-human", "e-mail"), URLs and e-mail addresses whole.
/// Stateless and thread-safe.
/// </summary>
public sealed class Tokenizer
{
    private readonly TextLexicon _lexicon;

    /// <summary>Creates a tokenizer over the embedded word lists.</summary>
    public Tokenizer() : this(TextLexicon.Default) { }

    /// <summary>Creates a tokenizer over <paramref name="lexicon"/>.</summary>
    public Tokenizer(TextLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Appends to <paramref name="tokens"/> the spans of the tokens of text[start..end).</summary>
    public void Tokenize(string text, int start, int end, List<TextSpan> tokens)
    {
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end) break;
            var chunkStart = i;
            while (i < end && !char.IsWhiteSpace(text[i])) i++;
            TokenizeChunk(text, chunkStart, i, tokens);
        }
    }

    /// <summary>The tokens of <paramref name="text"/> as strings (for tests and tools).</summary>
    public List<string> Tokenize(string text)
    {
        var spans = new List<TextSpan>();
        Tokenize(text, 0, text.Length, spans);
        return spans.Select(s => text.Substring(s.Start, s.Length)).ToList();
    }

    private void TokenizeChunk(string text, int a, int b, List<TextSpan> tokens)
    {
        // Leading punctuation: opening quotes, brackets, and other symbols that never start a word.
        while (a < b && IsLeadingPunct(text, a, b))
        {
            var runEnd = RunEnd(text, a, b);
            tokens.Add(new TextSpan(a, runEnd));
            a = runEnd;
        }
        if (a >= b) return;

        // Trailing punctuation, peeled from the end and emitted after the core.
        var trailing = new List<TextSpan>(2);
        while (b > a)
        {
            var c = text[b - 1];
            if (c == '.')
            {
                var runStart = b - 1;
                while (runStart > a && text[runStart - 1] == '.') runStart--;
                if (b - runStart == 1 && runStart > a && _lexicon.Abbreviation(text.AsSpan(a, b - a)) is not null) break;
                if (runStart == a) break; // the chunk is only periods: emitted as the core below
                trailing.Add(new TextSpan(runStart, b));
                b = runStart;
                continue;
            }
            if (IsTrailingPunct(c) && !(IsUrlOrEmail(text, a, b) && c is '/' or '='))
            {
                var runStart = b - 1;
                while (runStart > a && text[runStart - 1] == c) runStart--;
                if (runStart == a) break;
                trailing.Add(new TextSpan(runStart, b));
                b = runStart;
                continue;
            }
            break;
        }

        if (IsUrlOrEmail(text, a, b))
        {
            tokens.Add(new TextSpan(a, b));
        }
        else
        {
            SplitCore(text, a, b, tokens);
        }
        for (var t = trailing.Count - 1; t >= 0; t--) tokens.Add(trailing[t]);
    }

    private void SplitCore(string text, int a, int b, List<TextSpan> tokens)
    {
        // Clitics at the end: "n't", "'s", "'re", "'ve", "'ll", "'d", "'m"; a bare possessive "'" after s.
        var cliticStart = CliticStart(text, a, b);
        var wordEnd = cliticStart;
        var pieceStart = a;
        var i = a;
        while (i < wordEnd)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
                continue;
            }
            if (IsWordInternal(text, pieceStart, i, wordEnd))
            {
                i++;
                continue;
            }
            if (i > pieceStart) tokens.Add(new TextSpan(pieceStart, i));
            var runEnd = i + 1;
            while (runEnd < wordEnd && text[runEnd] == c && c is '.' or '-' or '!' or '?' or '*' or '=' or '_') runEnd++;
            tokens.Add(new TextSpan(i, runEnd));
            i = runEnd;
            pieceStart = i;
        }
        if (wordEnd > pieceStart) tokens.Add(new TextSpan(pieceStart, wordEnd));
        if (cliticStart < b) tokens.Add(new TextSpan(cliticStart, b));
    }

    /// <summary>True when the punctuation at <paramref name="i"/> stays inside the word being built from <paramref name="pieceStart"/>.</summary>
    private bool IsWordInternal(string text, int pieceStart, int i, int end)
    {
        var c = text[i];
        var before = i > pieceStart ? text[i - 1] : '\0';
        var after = i + 1 < end ? text[i + 1] : '\0';
        switch (c)
        {
            case '.':
                // "3.5", "U.S.A", "www.example", and the final period of an abbreviation that ends the core or
                // meets a hyphen, dash or slash ("U.S.-China", "U.K.-based", "U.S.—and", "U.S./Mexico"), which then
                // splits off alone.
                if (char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)) return true;
                return (i + 1 == end || after is '-' or '‐' or '–' or '—' or '/') && i > pieceStart && _lexicon.Abbreviation(text.AsSpan(pieceStart, i + 1 - pieceStart)) is not null;
            case ',':
                return char.IsDigit(before) && i + 3 < end + 1 && IsThreeDigits(text, i + 1, end);
            case ':':
            case '/':
                return char.IsDigit(before) && char.IsDigit(after);
            case '\'':
            case '’':
                return char.IsLetter(before) && char.IsLetter(after); // O'Brien
            case '&':
                return char.IsUpper(before) && char.IsUpper(after); // AT&T
            case '-':
            case '‐':
                // Numbers joined by hyphens stay whole in EWT ("9-11", "212-902-3724", "01-Feb-02").
                if (char.IsDigit(before) && char.IsLetterOrDigit(after) || char.IsLetterOrDigit(before) && char.IsDigit(after)) return true;
                return char.IsLetter(before) && char.IsLetter(after) && _lexicon.IsHyphenPrefix(text.AsSpan(pieceStart, i - pieceStart));
            default:
                return false;
        }
    }

    private static bool IsThreeDigits(string text, int from, int end)
    {
        if (from + 3 > end) return false;
        for (var k = from; k < from + 3; k++)
            if (!char.IsDigit(text[k])) return false;
        return from + 3 == end || !char.IsDigit(text[from + 3]);
    }

    private int CliticStart(string text, int a, int b)
    {
        var length = b - a;
        if (length < 2) return b;
        var word = text.AsSpan(a, length);
        // n't: "don't" -> "do" "n't", "can't" -> "ca" "n't".
        if (length > 3 && IsApostrophe(word[^2]) && (word[^1] is 't' or 'T') && (word[^3] is 'n' or 'N')) return b - 3;
        if (length > 2 && IsApostrophe(word[^2]) && (word[^1] is 's' or 'S' or 'd' or 'D' or 'm' or 'M') &&
            (char.IsLetterOrDigit(word[^3]) || word[^3] == '.' && _lexicon.Abbreviation(word[..^2]) is not null)) return b - 2; // "U.S.'s"
        if (length > 3 && IsApostrophe(word[^3]) && char.IsLetter(word[^4]) &&
            (word[^2..].Equals("re", StringComparison.OrdinalIgnoreCase) || word[^2..].Equals("ve", StringComparison.OrdinalIgnoreCase) || word[^2..].Equals("ll", StringComparison.OrdinalIgnoreCase)))
            return b - 3;
        // Possessive of a plural: "countries'" -> "countries" "'".
        if (IsApostrophe(word[^1]) && (word[^2] is 's' or 'S')) return b - 1;
        // Fused forms EWT splits: "cannot", "gonna", "wanna", "gotta".
        if (word.Equals("cannot", StringComparison.OrdinalIgnoreCase)) return b - 3;
        if (length == 5 && (word.Equals("gonna", StringComparison.OrdinalIgnoreCase) || word.Equals("wanna", StringComparison.OrdinalIgnoreCase) || word.Equals("gotta", StringComparison.OrdinalIgnoreCase))) return b - 2;
        return b;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    private static bool IsLeadingPunct(string text, int a, int b)
    {
        var c = text[a];
        if (char.IsLetterOrDigit(c)) return false;
        // A leading apostrophe of a clitic-like word ("'s", "'90s") or a lone clitic stays with the word.
        if (IsApostrophe(c) && a + 1 < b && char.IsLetterOrDigit(text[a + 1]))
        {
            var rest = b - a - 1;
            if (char.IsDigit(text[a + 1])) return false; // '90s
            if (rest <= 2 && IsCliticTail(text.AsSpan(a + 1, rest))) return false;
            return true;
        }
        // A period before digits is a decimal (".5"), a period before letters a leading dot (".NET").
        if (c == '.' && a + 1 < b && char.IsLetterOrDigit(text[a + 1])) return false;
        // "$100", "#hashtag", "@user": the symbol is its own token (EWT splits "$"); "#"/"@" handles stay whole.
        if ((c == '#' || c == '@') && a + 1 < b && char.IsLetterOrDigit(text[a + 1])) return false;
        return true;
    }

    private static bool IsCliticTail(ReadOnlySpan<char> s) =>
        s.Equals("s", StringComparison.OrdinalIgnoreCase) || s.Equals("d", StringComparison.OrdinalIgnoreCase) ||
        s.Equals("m", StringComparison.OrdinalIgnoreCase) || s.Equals("re", StringComparison.OrdinalIgnoreCase) ||
        s.Equals("ve", StringComparison.OrdinalIgnoreCase) || s.Equals("ll", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrailingPunct(char c) =>
        c is ',' or ';' or ':' or '!' or '?' or '"' or '”' or '’' or '\'' or ')' or ']' or '}' or '»' or '…' or '%' or '*';

    private static int RunEnd(string text, int a, int b)
    {
        var c = text[a];
        var j = a + 1;
        if (c is '.' or '-' or '!' or '?' or '*' or '=' or '_' or '`')
            while (j < b && text[j] == c) j++;
        return j;
    }

    private static bool IsUrlOrEmail(string text, int a, int b)
    {
        var s = text.AsSpan(a, b - a);
        if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
            s.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || s.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
            return s.Length > 7;
        var at = s.IndexOf('@');
        if (at > 0 && at < s.Length - 3)
        {
            var dot = s[(at + 1)..].IndexOf('.');
            return dot > 0 && dot < s.Length - at - 2;
        }
        return false;
    }
}
