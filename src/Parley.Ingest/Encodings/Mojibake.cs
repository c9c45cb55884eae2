using System.Text;

namespace Parley.Ingest.Encodings;

/// <summary>
/// Repairs text that was encoded in UTF-8 twice: a page whose CMS read UTF-8 bytes as Windows-1252 or
/// Latin-1 and wrote them out again as UTF-8, so that "don’t" reads "donâ€™t" and "café" reads "cafÃ©".
/// Each run of characters that, taken back to single bytes, forms one valid UTF-8 character is replaced
/// by that character. A page is repaired only when it has at least <see cref="MinRuns"/> such runs: one
/// alone may be genuine Latin text ("Ã©" is rare, but not impossible).
/// </summary>
public static class Mojibake
{
    /// <summary>How many double-encoded characters a text must have before it is repaired.</summary>
    public const int MinRuns = 2;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Returns <paramref name="text"/> with its double-encoded characters repaired, or the same string when it has none.</summary>
    public static string Repair(string text)
    {
        if (Count(text, MinRuns) < MinRuns) return text;
        var sb = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        var i = 0;
        while (i < text.Length)
        {
            if (TryRun(text, i, bytes, out var length, out var repaired))
            {
                sb.Append(repaired);
                i += length;
            }
            else sb.Append(text[i++]);
        }
        return sb.ToString();
    }

    /// <summary>Double-encoded characters in <paramref name="text"/>, counted up to <paramref name="enough"/>.</summary>
    private static int Count(string text, int enough)
    {
        Span<byte> bytes = stackalloc byte[4];
        var n = 0;
        for (var i = 0; i < text.Length && n < enough; i++)
        {
            var c = text[i];
            if (c is < '\u00C2' or > '\u00F4') continue;
            if (TryRun(text, i, bytes, out var length, out _))
            {
                n++;
                i += length - 1;
            }
        }
        return n;
    }

    /// <summary>Whether a double-encoded character starts at <paramref name="start"/>: its length in chars and the repaired text.</summary>
    private static bool TryRun(string text, int start, Span<byte> bytes, out int length, out string repaired)
    {
        length = 0;
        repaired = "";
        var lead = text[start];
        var continuation = lead switch
        {
            >= '\u00C2' and <= '\u00DF' => 1,
            >= '\u00E0' and <= '\u00EF' => 2,
            >= '\u00F0' and <= '\u00F4' => 3,
            _ => 0,
        };
        if (continuation == 0 || start + continuation >= text.Length) return false;
        bytes[0] = (byte)lead;
        for (var k = 1; k <= continuation; k++)
        {
            var b = SingleByte(text[start + k]);
            if (b is < 0x80 or > 0xBF) return false;
            bytes[k] = (byte)b;
        }
        try
        {
            repaired = StrictUtf8.GetString(bytes[..(continuation + 1)]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        length = continuation + 1;
        return true;
    }

    /// <summary>The byte a character stands for in Windows-1252 (or Latin-1 for the C1 controls), or -1.</summary>
    private static int SingleByte(char c)
    {
        if (c <= '\u00FF') return c;
        return c switch
        {
            '€' => 0x80, '‚' => 0x82, 'ƒ' => 0x83, '„' => 0x84, '…' => 0x85, '†' => 0x86, '‡' => 0x87, 'ˆ' => 0x88,
            '‰' => 0x89, 'Š' => 0x8A, '‹' => 0x8B, 'Œ' => 0x8C, 'Ž' => 0x8E, '‘' => 0x91, '’' => 0x92, '“' => 0x93,
            '”' => 0x94, '•' => 0x95, '–' => 0x96, '—' => 0x97, '˜' => 0x98, '™' => 0x99, 'š' => 0x9A, '›' => 0x9B,
            'œ' => 0x9C, 'ž' => 0x9E, 'Ÿ' => 0x9F,
            _ => -1,
        };
    }
}
