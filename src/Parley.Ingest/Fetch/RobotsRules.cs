namespace Parley.Ingest.Fetch;

/// <summary>
/// The rules of one site's robots.txt that apply to one crawler (RFC 9309): the group whose
/// <c>User-agent</c> names the crawler's product token, else the <c>*</c> group. A path is allowed
/// unless the longest matching <c>Disallow</c> is longer than the longest matching <c>Allow</c>
/// (a tie goes to Allow). Patterns may use <c>*</c> (any run of characters) and a final <c>$</c>
/// (end of the path). <c>Crawl-delay</c> is not in the RFC but many sites set it; it is honoured.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Rules that allow everything (no robots.txt, or a 4xx answer for it).</summary>
    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Rules that refuse everything (robots.txt unreachable or answering 5xx, as RFC 9309 asks).</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The Crawl-delay the site asks of this crawler, if any.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Parses robots.txt text for the crawler whose product token is <paramref name="productToken"/> (e.g. "Parley").</summary>
    public static RobotsRules Parse(string text, string productToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent" or "useragent")
            {
                // Consecutive User-agent lines share one group; a User-agent after rules opens a new one.
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }
                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null) continue; // rules before any User-agent belong to no group
            switch (key)
            {
                case "allow":
                    if (value.Length > 0) current.Rules.Add((Normalise(value), true));
                    break;
                case "disallow":
                    // An empty Disallow means "nothing is disallowed".
                    if (value.Length > 0) current.Rules.Add((Normalise(value), false));
                    break;
                case "crawl-delay":
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0 && seconds < 86_400)
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    break;
            }
        }

        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        if (mine.Count == 0) return AllowAll;
        // Several groups naming the same agent are merged, as RFC 9309 says.
        return new RobotsRules(mine.SelectMany(g => g.Rules).ToList(), mine.Select(g => g.CrawlDelay).Max());
    }

    /// <summary>True when the crawler may fetch <paramref name="pathAndQuery"/> ("/news/a?id=1").</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        var path = Normalise(string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery);
        if (path == "/robots.txt") return true;
        var bestAllow = -1;
        var bestDisallow = -1;
        foreach (var (pattern, allow) in _rules)
        {
            if (!Matches(pattern, path)) continue;
            if (allow) bestAllow = Math.Max(bestAllow, pattern.Length);
            else bestDisallow = Math.Max(bestDisallow, pattern.Length);
        }
        return bestDisallow < 0 || bestAllow >= bestDisallow;
    }

    /// <summary>Percent-escapes are compared in upper case so "/a%3c" and "/a%3C" match.</summary>
    private static string Normalise(string path)
    {
        if (!path.Contains('%')) return path;
        var chars = path.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
            if (chars[i] == '%')
            {
                chars[i + 1] = char.ToUpperInvariant(chars[i + 1]);
                chars[i + 2] = char.ToUpperInvariant(chars[i + 2]);
            }
        return new string(chars);
    }

    /// <summary>
    /// Matches a robots pattern against a path: a prefix match, with '*' wildcards and a final '$'
    /// anchor. Classic glob matching that only backtracks to the last star, so a hostile pattern
    /// full of stars costs O(pattern x path), never exponential time.
    /// </summary>
    internal static bool Matches(string pattern, string path)
    {
        if (pattern.EndsWith('$')) pattern = pattern[..^1];
        else pattern += "*"; // without '$' a pattern is a prefix
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];
        public List<(string Pattern, bool Allow)> Rules { get; } = [];
        public TimeSpan? CrawlDelay { get; set; }
    }
}
