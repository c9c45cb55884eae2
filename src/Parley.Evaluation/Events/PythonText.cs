using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Evaluation.Events;

/// <summary>
/// The few pieces of Python semantics that <c>score_events.py</c> relies on, so that the C# port
/// decides every match and prints every figure exactly as the script does: <c>str()</c> of a JSON
/// value, truthiness, Unicode whitespace, case folding by <c>str.lower</c>, slicing by code point
/// and round-half-even fixed-point formatting of the exact binary value.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>norm()</c> of the scorer: typographic quotes and dashes to ASCII,
    /// whitespace runs to one space, trimmed, lower-cased.</summary>
    public static string Norm(string? s)
    {
        s ??= "";
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c0 in s)
        {
            var c = c0 switch
            {
                '\u201c' or '\u201d' => '"',
                '\u2018' or '\u2019' => '\'',
                '\u2013' or '\u2014' => '-',
                _ => c0,
            };
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > 0) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return Lower(sb.ToString());
    }

    /// <summary>Python's <c>str.isspace</c> for one UTF-16 unit (every Python space is in the BMP):
    /// .NET's white space plus the four information separators U+001C..U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001c' && c <= '\u001f');

    /// <summary>Python's <c>str.strip()</c> with no argument.</summary>
    public static string Strip(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsSpace(s[start])) start++;
        while (end > start && IsSpace(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>Python's <c>str.lower()</c>: the invariant simple mapping plus the two full
    /// mappings that differ (U+0130 becomes "i" + combining dot; a word-final capital sigma
    /// becomes final sigma).</summary>
    public static string Lower(string s)
    {
        if (s.IndexOf('\u0130') < 0 && s.IndexOf('\u03a3') < 0) return s.ToLowerInvariant();
        var sb = new StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\u0130') sb.Append("i\u0307");
            else if (c == '\u03a3')
            {
                var before = i > 0 && char.IsLetter(s[i - 1]);
                var after = i + 1 < s.Length && char.IsLetter(s[i + 1]);
                sb.Append(before && !after ? '\u03c2' : '\u03c3');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length)
            {
                sb.Append(s.Substring(i, 2).ToLowerInvariant());
                i++;
            }
            else sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>s[:n]</c>: the first <paramref name="n"/> code points.</summary>
    public static string Head(string s, int n)
    {
        var units = 0;
        for (var count = 0; count < n && units < s.Length; count++)
            units += char.IsHighSurrogate(s[units]) && units + 1 < s.Length && char.IsLowSurrogate(s[units + 1]) ? 2 : 1;
        return s[..units];
    }

    /// <summary>The number of code points in <paramref name="s"/> (Python's <c>len</c>).</summary>
    public static int Length(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++, n++)
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
        return n;
    }

    /// <summary>Python truthiness of a JSON value as <c>json.loads</c> returns it.</summary>
    public static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v => NumberText(v) is { } t && !IsZero(t),
        _ => true,
    };

    /// <summary>Python's <c>str(x)</c> of a JSON value as <c>json.loads</c> returns it
    /// (<c>None</c>, <c>True</c>, <c>41</c>, <c>41.0</c>, <c>['a', 1]</c>).</summary>
    public static string Str(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Repr(node),
    };

    /// <summary>Python's <c>str(x or "")</c>.</summary>
    public static string StrOrEmpty(JsonNode? node) => Truthy(node) ? Str(node) : "";

    /// <summary>The string held by a JSON value, or null when it holds anything else.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Python's <c>repr(x)</c> of a JSON value.</summary>
    public static string Repr(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "None";
            case JsonArray a:
                return "[" + string.Join(", ", a.Select(Repr)) + "]";
            case JsonObject o:
                return "{" + string.Join(", ", o.Select(kv => ReprString(kv.Key) + ": " + Repr(kv.Value))) + "}";
            case JsonValue v when v.TryGetValue<string>(out var s):
                return ReprString(s);
            case JsonValue v when v.TryGetValue<bool>(out var b):
                return b ? "True" : "False";
            case JsonValue v:
                var text = NumberText(v) ?? v.ToJsonString();
                if (text.IndexOfAny(['.', 'e', 'E']) < 0)
                    return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                return FloatRepr(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            default:
                return node.ToJsonString();
        }
    }

    private static string? NumberText(JsonValue v)
    {
        var raw = v.ToJsonString();
        return raw.Length > 0 && (char.IsAsciiDigit(raw[0]) || raw[0] == '-') ? raw : null;
    }

    private static bool IsZero(string numberText) =>
        double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == 0;

    private static string ReprString(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < ' ' || c == '\u007f') sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, fixed notation for
    /// decimal exponents from -4 to 15, scientific ("1e+16") outside.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        // Shortest round-trip digits come from "R"; normalise them to digits + decimal point position.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative) shortest = shortest[1..];
        var exp = 0;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exp = int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..ePos];
        }
        var dot = shortest.IndexOf('.');
        var intPart = dot < 0 ? shortest : shortest[..dot];
        var frac = dot < 0 ? "" : shortest[(dot + 1)..];
        var digits = (intPart + frac).TrimStart('0');
        var leadingZeros = (intPart + frac).Length - (intPart + frac).TrimStart('0').Length;
        var decpt = intPart.Length + exp - leadingZeros; // value = 0.digits * 10^decpt
        digits = digits.TrimEnd('0');
        string body;
        if (digits.Length == 0)
        {
            body = "0.0";
        }
        else if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) body = "0." + new string('0', -decpt) + digits;
            else if (decpt >= digits.Length) body = digits + new string('0', decpt - digits.Length) + ".0";
            else body = digits[..decpt] + "." + digits[decpt..];
        }
        else
        {
            var e = decpt - 1;
            body = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
        }
        return (negative ? "-" : "") + body;
    }

    /// <summary>Python's <c>f"{x:.{places}f}"</c>: the exact binary value of <paramref name="x"/>
    /// rounded half to even (so 0.125 prints 0.12 and 0.005, stored a hair above, prints 0.01).</summary>
    public static string Fixed(double x, int places)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        var negative = x < 0 || (x == 0 && double.IsNegative(x));
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075; // |x| = mantissa * 2^exponent
        var scale = BigInteger.Pow(10, places);
        BigInteger numerator = new BigInteger(mantissa) * scale, denominator = BigInteger.One;
        if (exponent >= 0) numerator <<= exponent; else denominator <<= -exponent;
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven)) quotient += 1;
        var digits = quotient.ToString(CultureInfo.InvariantCulture).PadLeft(places + 1, '0');
        var text = places == 0 ? digits : digits[..^places] + "." + digits[^places..];
        return (negative ? "-" : "") + text;
    }
}
