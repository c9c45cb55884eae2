namespace Parley.Syntax.Learning;

/// <summary>
/// Stable 64-bit hashing of feature values (never <see cref="string.GetHashCode()"/>, which changes
/// between runs): a model stores features by these hashes, so they must be the same everywhere.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of text normalised for features: curly quotes and apostrophes folded to ASCII.</summary>
    public static ulong Text(ReadOnlySpan<char> s, bool lower)
    {
        var h = Offset;
        foreach (var raw in s)
        {
            var c = Normalise(raw);
            if (lower) c = char.ToLowerInvariant(c);
            h = (h ^ c) * Prime;
        }
        return Finish(h);
    }

    /// <summary>Folds typographic variants to the ASCII forms the treebanks mostly use.</summary>
    public static char Normalise(char c) => c switch
    {
        '’' or '‘' or '`' or '´' => '\'',
        '“' or '”' or '„' => '"',
        '–' => '-',
        _ => c,
    };

    /// <summary>Feature keys keep 40 bits: collisions stay rare at a few million features, and sorted keys delta-code in ~3 bytes.</summary>
    private const ulong KeyMask = (1UL << 40) - 1;

    /// <summary>Combines a template id with up to three values into one feature key (never 0).</summary>
    public static ulong Key(int template, ulong a, ulong b = 0, ulong c = 0)
    {
        var h = (ulong)(template + 1) * 0x9E3779B97F4A7C15UL;
        h = Mix(h ^ a);
        h = Mix(h ^ b);
        h = Mix(h ^ c) & KeyMask;
        return h == 0 ? 1 : h;
    }

    /// <summary>
    /// Joins two precomputed keys (and a small value) into one feature key with a single mixing step:
    /// cheaper than <see cref="Key"/> when the parts are reused across many combinations (never 0).
    /// </summary>
    public static ulong Join(ulong a, ulong b, ulong c)
    {
        var h = Mix(a ^ (b << 21 | b >> 43) ^ (c + 1) * 0xD6E8FEB86659FD93UL) & KeyMask;
        return h == 0 ? 1 : h;
    }

    private static ulong Finish(ulong h) => Mix(h);

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
