using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parley.Core.Model;
using Parley.Ingest.Dates;
using Parley.Ingest.Text;

namespace Parley.Ingest.Html;

/// <summary>
/// Reads an HTML page's metadata, each value with where it came from: JSON-LD first (the page's
/// own structured statement), then OpenGraph and other meta tags, then the markup (<c>&lt;time&gt;</c>,
/// <c>&lt;h1&gt;</c>, bylines), then the URL (/2025/11/24/). Run before content extraction, which edits the DOM.
/// </summary>
public static partial class HtmlMetadataExtractor
{
    private static readonly string[] PublishedMetaNames =
    [
        "article:published_time", "og:article:published_time", "article:published", "published_time", "og:published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date",
        "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
        "citation_publication_date", "citation_date", "originalpublicationdate", "displaydate", "timestamp", "rnews:datepublished",
        "cxenseparse:recs:publishtime", "article_date_original", "date_published", "release_date", "datecreated", "og:updated_time",
    ];

    private static readonly string[] AuthorMetaNames =
    [
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author",
        "twitter:creator", "og:article:author", "authors",
    ];

    [GeneratedRegex(@"/(?<y>20\d\d|19\d\d)[/-](?<m>[01]?\d)[/-](?<d>[0-3]?\d)(?:/|[^\d])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"^\s*(?:by|written by|posted by|von|par|por|di|door)\s*:?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    /// <summary>Reads metadata from <paramref name="doc"/>; <paramref name="url"/> is where the page came from, if known.</summary>
    public static (ArticleMetadata Metadata, JsonLdArticle? JsonLd) Extract(IHtmlDocument doc, string? url)
    {
        var meta = new ArticleMetadata();
        var index = new PageIndex(doc);
        var jsonLd = JsonLd.Read(index.JsonLdScripts.Select(s => s.TextContent));
        var tags = MetaTags(index);

        // Canonical URL and language.
        meta.CanonicalUrl = Clean(index.Canonical?.GetAttribute("href")) ?? Get(tags, "og:url");
        meta.Language = NormaliseLanguage(doc.DocumentElement?.GetAttribute("lang")
            ?? Get(tags, "content-language") ?? Get(tags, "og:locale") ?? jsonLd?.Language);

        // Site.
        meta.Site = Get(tags, "og:site_name") ?? jsonLd?.Publisher ?? Get(tags, "application-name") ?? Get(tags, "twitter:site")?.TrimStart('@');

        // Title.
        meta.Title = ChooseTitle(doc, index, tags, jsonLd, meta.Site);

        // Modification time first: a printed date that is the page's update time is not its publication time.
        if (jsonLd?.DateModified is { } jm && DateTextParser.TryParseMachine(jm, out var md)) meta.Modified = md!.Value;
        else if ((Get(tags, "article:modified_time") ?? Get(tags, "og:updated_time")) is { } mm && DateTextParser.TryParseMachine(mm, out var md2)) meta.Modified = md2!.Value;

        // Publication time. A date printed just under the headline is what readers see, and it beats
        // metadata that templates often fill with a first-draft or site-wide date; then JSON-LD, meta
        // tags, <time>, any printed date in the article, and the URL.
        DateTimeOffset? machinePublished = null;
        var machineHasTime = false;
        if (jsonLd?.DatePublished is { } jp && DateTextParser.TryParseMachine(jp, out var jd))
            (machinePublished, machineHasTime) = (jd!.Value, jd.HasTime);
        DateTimeOffset? printedUpdate = null;
        VisibleDate(doc, index, meta, ref printedUpdate, machinePublished, window: HeadlineDateWindow, headlineOnly: true);
        if (machinePublished is { } mp && (meta.Published is null || (machineHasTime && mp.Date == meta.Published.Value.Date)))
            Set(meta, mp, "json-ld:datePublished"); // same day as printed: keep the machine value, it has the time
        if (meta.Published is null)
        {
            foreach (var name in PublishedMetaNames)
            {
                if (Get(tags, name) is { } v && DateTextParser.TryParseMachine(v, out var d))
                {
                    Set(meta, d!.Value, "meta:" + name);
                    break;
                }
            }
        }
        // Any other meta tag that names a publication date ("w-published-date", "article.publishDate").
        if (meta.Published is null)
        {
            foreach (var (k, v) in tags)
            {
                if (k.Contains("publish", StringComparison.OrdinalIgnoreCase) && !k.Contains("modif", StringComparison.OrdinalIgnoreCase)
                    && !k.Contains("updat", StringComparison.OrdinalIgnoreCase) && DateTextParser.TryParseMachine(v, out var d))
                {
                    Set(meta, d!.Value, "meta:" + k);
                    break;
                }
            }
        }
        if (meta.Published is null) TimeElement(index, meta);
        if (meta.Published is null) VisibleDate(doc, index, meta, ref printedUpdate, null);
        if (meta.Published is null && (url ?? meta.CanonicalUrl) is { } u && UrlDate().Match(u) is { Success: true } um
            && DateTextParser.TryParseMachine($"{um.Groups["y"].Value}-{um.Groups["m"].Value.PadLeft(2, '0')}-{um.Groups["d"].Value.PadLeft(2, '0')}", out var ud))
            Set(meta, ud!.Value, "url");
        // A page that only says when it was updated: that is the best estimate of when it was written.
        if (meta.Published is null && (printedUpdate ?? meta.Modified) is { } updated)
            Set(meta, updated, printedUpdate is not null ? "html:text-date (updated)" : "modified");

        // Author: the first plausible person's name (JSON-LD, meta tags, the "Written by" label pair some
        // templates print in twitter:labelN/dataN, then byline markup). A name that is the site's or the
        // publisher's, or a JSON-LD author typed as an organisation, is a byline of last resort: the page
        // usually prints the person further down. Login names come last of all.
        var candidates = new List<(string Name, bool Weak)>();
        var siteKeys = new[] { meta.Site, jsonLd?.Publisher }.Where(x => x is not null).Select(x => TextNormalizer.Key(x!)).ToList();
        if (jsonLd is { Authors.Count: > 0 })
        {
            var names = jsonLd.Authors.Select(a => Clean(a)!).Where(a => a is not null).Distinct().ToList();
            candidates.Add((JoinNames(names), jsonLd.AuthorsAreOrganizations));
        }
        foreach (var name in AuthorMetaNames)
        {
            var v = Get(tags, name);
            if (v is null || v.StartsWith("http", StringComparison.OrdinalIgnoreCase) || v.StartsWith('@')) continue;
            if (name == "citation_author") v = GivenNameFirst(v);
            candidates.Add((ByPrefix().Replace(v, ""), false));
        }
        for (var i = 1; i <= 4; i++)
            if (Get(tags, "twitter:label" + i) is { } label && ByPrefix().IsMatch(label + " ") && Get(tags, "twitter:data" + i) is { } data)
                candidates.Add((data, false));
        var plausible = candidates
            .Select(c => (Name: c.Name.Trim(' ', ',', '|', '-', '·'), c.Weak))
            .Where(c => IsPlausibleAuthor(c.Name, meta.Site))
            .Select(c => (c.Name, Weak: c.Weak || siteKeys.Contains(TextNormalizer.Key(c.Name)) || LooksLikeUserName(c.Name)))
            .ToList();
        meta.Author = plausible.FirstOrDefault(c => !c.Weak).Name;
        // Byline markup is searched only when the metadata gave no person's name (it walks the page).
        if (meta.Author is null && BylineFromMarkup(doc, index, siteKeys) is { } byline) meta.Author = byline;
        if (meta.Author is null && plausible.Count == 0 && siteKeys.Count > 0 && BylineFromMarkup(doc, index, []) is { } siteByline) meta.Author = siteByline;
        meta.Author ??= plausible.FirstOrDefault(c => !LooksLikeUserName(c.Name)).Name ?? plausible.FirstOrDefault().Name;
        return (meta, jsonLd);
    }

    private static void Set(ArticleMetadata meta, DateTimeOffset value, string source)
    {
        meta.Published = value;
        meta.PublishedSource = source;
    }

    private static void TimeElement(PageIndex index, ArticleMetadata meta)
    {
        // Prefer an element that says it is the publication time, then the first <time> inside the article.
        var marked = index.ItemProps.FirstOrDefault(e => e.GetAttribute("itemprop")!.Equals("datePublished", StringComparison.OrdinalIgnoreCase))
            ?? index.Times.FirstOrDefault(t => t.HasAttribute("pubdate"))
            ?? index.Times.FirstOrDefault(t => t.HasAttribute("datetime") && PageIndex.Within(t, "article"))
            ?? index.Times.FirstOrDefault(t => t.HasAttribute("datetime"));
        if (marked is null) return;
        var value = marked.GetAttribute("datetime") ?? marked.GetAttribute("content") ?? marked.TextContent;
        if (DateTextParser.TryParseMachine(value, out var d)) Set(meta, d!.Value, "html:" + marked.LocalName);
    }

    /// <summary>Text nodes right after the headline whose printed date wins over metadata dates.</summary>
    private const int HeadlineDateWindow = 15;

    /// <summary>How many text nodes after the headline are searched for a printed date.</summary>
    private const int VisibleDateWindow = 80;

    /// <summary>
    /// The date printed near the headline: a short text node that is a dateline ("Dec 12, 2025",
    /// "Published on July 18, 2025"), searched first in the text that follows the first &lt;h1&gt;,
    /// then anywhere in &lt;article&gt;/&lt;main&gt;; never in navigation, asides or footers (lists of other posts).
    /// </summary>
    private static void VisibleDate(IHtmlDocument doc, PageIndex index, ArticleMetadata meta, ref DateTimeOffset? printedUpdate, DateTimeOffset? machinePublished,
        int window = VisibleDateWindow, bool headlineOnly = false)
    {
        if (doc.Body is null) return;
        // 1. The text that follows the first headline (walk starts at the <h1>: no per-node position checks).
        if (index.H1.FirstOrDefault(h => PageIndex.Within(h, "body")) is { } h1)
        {
            var walker = doc.CreateTreeWalker(doc.Body, FilterSettings.Text);
            walker.Current = h1;
            if (Scan(walker, window, meta, ref printedUpdate, machinePublished)) return;
        }
        // 2. Anywhere in the article or main element.
        if (headlineOnly) return;
        foreach (var container in index.MainContainers.Take(3))
        {
            var walker = doc.CreateTreeWalker(container, FilterSettings.Text);
            if (Scan(walker, 2000, meta, ref printedUpdate, machinePublished)) return;
        }
    }

    /// <summary>
    /// Walks up to <paramref name="window"/> text nodes for a printed publication date. A date labelled as an
    /// update, in its own text or in the text just before it ("Updated" / "January 25, 2026" in two
    /// elements), or that is the page's declared modification day, is kept apart as <paramref name="printedUpdate"/>.
    /// </summary>
    private static bool Scan(ITreeWalker walker, int window, ArticleMetadata meta, ref DateTimeOffset? printedUpdate, DateTimeOffset? machinePublished)
    {
        var seen = 0;
        string? previous = null;
        while (walker.ToNext() is IText text && seen < window)
        {
            if (string.IsNullOrWhiteSpace(text.Data)) continue;
            seen++;
            var found = TryTextDate(text);
            if (found is not null)
            {
                var isUpdate = found.IsModified
                    || (previous is not null && Dateline.Match(previous + " " + TextNormalizer.CollapseWhitespace(text.Data)) is { IsModified: true })
                    || (meta.Modified is { } mod && mod.Date == found.Date.Value.Date && machinePublished?.Date != mod.Date);
                if (!isUpdate)
                {
                    Set(meta, found.Date.Value, "html:text-date");
                    return true;
                }
                printedUpdate ??= found.Date.Value;
            }
            previous = text.Data.Length <= 40 ? TextNormalizer.CollapseWhitespace(text.Data) : null;
        }
        return false;
    }

    private static DatelineMatch? TryTextDate(IText text)
    {
        var data = text.Data;
        if (data.Length is > 80 or < 6) return null;
        var parent = text.ParentElement;
        if (parent is null || parent.LocalName is "script" or "style" or "noscript" || PageIndex.Within(parent, "nav", "footer", "aside", "a")) return null;
        return Dateline.Match(TextNormalizer.CollapseWhitespace(data));
    }

    private static string? ChooseTitle(IHtmlDocument doc, PageIndex index, Dictionary<string, string> tags, JsonLdArticle? jsonLd, string? site)
    {
        var og = Get(tags, "og:title") ?? Get(tags, "twitter:title");
        var docTitle = Clean(doc.Title);
        var headline = Clean(jsonLd?.Headline);
        var siteKey = site is null ? null : TextNormalizer.Key(site);
        var allH1s = index.H1.Take(8)
            .Where(h => !PageIndex.Within(h, "nav", "footer", "aside"))
            .Select(h => (Element: h, Text: Clean(SpacedText(h))))
            .Where(h => h.Text is { Length: > 0 and <= 300 } && TextNormalizer.Key(h.Text) != siteKey)
            .ToList();
        // A headline inside a link counts only when the metadata confirms it (below); otherwise it is a teaser.
        var h1s = allH1s.Where(h => !PageIndex.Within(h.Element, "a")).ToList();
        // The displayed headline (<h1>) is the title: first one the page's metadata confirms, else the
        // first inside <article> or <main>, else the first. Metadata titles often carry SEO variants.
        var metaTitles = new[] { og, headline, docTitle }.Where(r => r is not null).Select(r => r!).ToList();
        var references = metaTitles.Select(TextNormalizer.Key).ToList();
        foreach (var (_, h) in allH1s)
        {
            var key = TextNormalizer.Key(h!);
            if (key.Length > 0 && references.Any(r => r.Contains(key, StringComparison.Ordinal) && key.Length * 3 >= r.Length))
                return WithoutSiteName(FirstPart(h!), site);
            // A headline printed after a date or a label ("Dec 18 2025 Preparing...", "Blog: Best..."): the
            // metadata's title, without the site name, is the headline itself.
            foreach (var m in metaTitles)
            {
                var stripped = StripSite(m, site);
                var sk = TextNormalizer.Key(stripped);
                if (sk.Length < 12 || sk.Length >= key.Length || !key.EndsWith(" " + sk, StringComparison.Ordinal)) continue;
                var lead = h!.Length > stripped.Length && h.EndsWith(stripped, StringComparison.OrdinalIgnoreCase) ? h[..^stripped.Length].Trim() : null;
                if (lead is not null && TextNormalizer.WordCount(lead) <= 4 && (lead.EndsWith(':') || Dateline.Match(lead) is not null)) return stripped;
            }
        }
        // A page with many <h1> elements uses them as section headings: none of them is the headline
        // unless the metadata confirms it (above), so the metadata title is used.
        if (h1s.Count < ManyHeadlines && metaTitles.Count > 0 || metaTitles.Count == 0)
        {
            var inArticle = h1s.FirstOrDefault(h => index.MainContainers.Any(m => m.Contains(h.Element)));
            var shown = inArticle.Text ?? (h1s.Count > 0 ? h1s[0].Text : null);
            // A headline that shares almost no words with any title the page declares is a section label
            // or a call to action ("Our blog", "Form your company today"): the declared title is used.
            if (shown is not null && (metaTitles.Count == 0 || metaTitles.Max(m => WordOverlap(shown, StripSite(m, site))) >= MinHeadlineOverlap))
                return WithoutSiteName(FirstPart(shown), site);
        }
        if (headline is not null)
        {
            // SEO plugins cut JSON-LD headlines at about 110 characters: a longer title that starts with it is the whole one.
            foreach (var longer in new[] { og, docTitle })
                if (longer is not null && headline.Length >= 90 && StripSite(longer, site) is var full && full.Length > headline.Length
                    && TextNormalizer.Key(full).StartsWith(TextNormalizer.Key(headline), StringComparison.Ordinal))
                    return full;
            return WithoutSiteName(headline, site);
        }
        if (og is not null) return StripSite(og, site);
        if (docTitle is not null) return StripSite(docTitle, site);
        return null;
    }

    /// <summary>Share of words (Jaccard) a displayed headline must have in common with some declared title.</summary>
    private const double MinHeadlineOverlap = 0.2;

    /// <summary>Words two titles share, as a share of the words in either (Jaccard, on lower-cased word keys).</summary>
    private static double WordOverlap(string a, string b)
    {
        var wa = TextNormalizer.Key(a).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var wb = TextNormalizer.Key(b).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var union = wa.Count + wb.Count - wa.Count(wb.Contains);
        return union == 0 ? 0 : (double)wa.Count(wb.Contains) / union;
    }

    /// <summary>How many &lt;h1&gt; elements make them section headings rather than the page's headline.</summary>
    private const int ManyHeadlines = 3;

    /// <summary>
    /// A displayed headline with a bar in it ("Best movers in 2025 | Top 19 companies") is the headline and
    /// a tagline or section: the part before the bar, when that part is a headline of its own (3+ words)
    /// and each part after it is short (a longer one is a subtitle: "Top 10 cameras | The best mirrorless
    /// cameras on the market").
    /// </summary>
    private static string FirstPart(string headline)
    {
        var bar = headline.IndexOf(" | ", StringComparison.Ordinal);
        return bar > 0 && TextNormalizer.WordCount(headline[..bar]) >= 3
               && headline[(bar + 3)..].Split(" | ").All(p => TextNormalizer.WordCount(p) <= TaglineWords)
            ? headline[..bar].Trim() : headline;
    }

    /// <summary>The longest part after a bar that is a tagline or a section name, not a subtitle.</summary>
    private const int TaglineWords = 5;

    /// <summary>
    /// Removes the site's own name (og:site_name or the JSON-LD publisher) where a headline carries it as
    /// a separate part ("Best exhibitions of 2025 – Artlyst"); any other part is kept.
    /// </summary>
    private static string WithoutSiteName(string title, string? site)
    {
        if (site is null) return title;
        var siteKey = TextNormalizer.Key(site);
        foreach (var sep in TitleSeparators)
        {
            var parts = title.Split(sep);
            if (parts.Length < 2) continue;
            var kept = parts.Where(p => TextNormalizer.Key(p) != siteKey).ToArray();
            if (kept.Length < parts.Length && kept.Length > 0) return string.Join(sep, kept).Trim();
        }
        return title;
    }

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "];

    /// <summary>The text under <paramref name="el"/> with a space where a line break or a block element separates words.</summary>
    private static string SpacedText(IElement el)
    {
        var sb = new System.Text.StringBuilder();
        Append(el);
        return sb.ToString();

        void Append(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t) sb.Append(t.Data);
                else if (child is IElement e)
                {
                    var spaced = e.LocalName is "br" or "div" or "p" or "li";
                    if (spaced) sb.Append(' ');
                    Append(e);
                    if (spaced) sb.Append(' ');
                }
            }
        }
    }

    /// <summary>Removes a site name printed before or after the headline ("Headline | Site", "Site - Headline").</summary>
    public static string StripSite(string title, string? site)
    {
        foreach (var sep in TitleSeparators)
        {
            var parts = title.Split(sep);
            if (parts.Length < 2) continue;
            if (site is not null && WithoutSiteName(title, site) is var cut && cut.Length < title.Trim().Length) return cut;
            // Without a known site name: drop a short last (or first) part.
            var longest = parts.OrderByDescending(p => p.Length).First();
            if (parts[^1].Length < longest.Length && TextNormalizer.WordCount(parts[^1]) <= 4) return string.Join(sep, parts[..^1]).Trim();
            if (parts[0].Length < longest.Length && TextNormalizer.WordCount(parts[0]) <= 3) return string.Join(sep, parts[1..]).Trim();
        }
        return title.Trim();
    }

    private static readonly HashSet<string> GenericAuthorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "author", "the author", "authors", "admin", "administrator", "staff", "editor", "editors", "posted by", "written by",
        "guest", "user", "anonymous", "team", "unknown", "contributor",
    };

    /// <summary>Joins names as English prints them: "A", "A and B", "A, B, and C".</summary>
    public static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        2 => names[0] + " and " + names[1],
        _ => string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1],
    };

    private static bool IsPlausibleAuthor(string candidate, string? site)
    {
        if (candidate.Length is 0 or > 120 || GenericAuthorWords.Contains(candidate)) return false;
        if (candidate.Contains("://", StringComparison.Ordinal) || candidate.EndsWith(':')) return false;
        if (candidate.Any(char.IsDigit) && (DateTextParser.TryFind(candidate, out _) || candidate.Contains("read", StringComparison.OrdinalIgnoreCase))) return false;
        return TextNormalizer.WordCount(candidate) is >= 1 and <= 20;
    }

    /// <summary>A login name rather than a printed name: one word with a dot, underscore or digit, or all lower case ("andrew.keaveney", "kffnirmitap").</summary>
    private static bool LooksLikeUserName(string candidate) =>
        !candidate.Contains(' ') && (candidate.Any(c => c is '.' or '_' || char.IsDigit(c)) || candidate.All(c => !char.IsUpper(c)));

    /// <summary>A byline that goes on with its date ("Ziyi Xu, Dec 17, 2025", "Ana Ruiz | 4 May 2025"): the name before it.</summary>
    private static string? WithoutTrailingDate(string? byline)
    {
        if (byline is null || !byline.Any(char.IsDigit) || !DateTextParser.TryFind(byline, out var date) || date is null || date.Start == 0) return byline;
        var name = byline[..date.Start].TrimEnd(' ', ',', '|', '·', '-', '–', '—');
        return name.Length == 0 || Weekday().IsMatch(name) ? null : name;
    }

    /// <summary>
    /// Scholarly metadata (citation_author) prints "Surname, Given": turned round to the printed order
    /// ("Roy, Aniruddha" -> "Aniruddha Roy"). Anything else (several commas, "and") is left as it is.
    /// </summary>
    private static string GivenNameFirst(string name)
    {
        var parts = name.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || TextNormalizer.WordCount(p) > 3 || !char.IsUpper(p[0]))) return name;
        return parts[1] + " " + parts[0];
    }

    /// <summary>Byline hints, most specific first: itemprop=name inside itemprop=author, rel=author, itemprop=author,
    /// an author-name class, a link inside a byline or author element, a byline class, an author class.</summary>
    private static readonly PageIndex.BylineHint[] BylineOrder =
    [
        PageIndex.BylineHint.NameInItemPropAuthor, PageIndex.BylineHint.RelAuthor, PageIndex.BylineHint.ItemPropAuthor,
        PageIndex.BylineHint.AuthorNameClass, PageIndex.BylineHint.LinkInBylineOrAuthor, PageIndex.BylineHint.BylineClass,
        PageIndex.BylineHint.AuthorClass,
    ];

    private static string? BylineFromMarkup(IHtmlDocument doc, PageIndex index, List<string> siteKeys)
    {
        foreach (var hint in BylineOrder)
        {
            foreach (var (c, _) in index.Bylines.Where(b => (b.Hint & hint) != 0).Take(10))
            {
                if (PageIndex.Within(c, "footer", "aside", "nav")) continue;
                if (AcceptByline(c.GetAttribute("content") ?? c.TextContent, siteKeys) is { } whole) return whole;
                // An author box that also holds a photo caption, a role or a biography: its first lines.
                var lines = 0;
                foreach (var t in c.Descendants<IText>())
                {
                    if (string.IsNullOrWhiteSpace(t.Data)) continue;
                    if (BylineLabel().IsMatch(t.Data.Trim())) continue;
                    if (AcceptByline(t.Data, siteKeys) is { } line) return line;
                    if (++lines >= 3) break;
                }
            }
        }
        return BylineFromText(doc);
    }

    private static string? AcceptByline(string raw, List<string> siteKeys)
    {
        var text = Clean(raw);
        if (text is null) return null;
        text = WithoutTrailingDate(ByPrefix().Replace(text, "").Trim(' ', ',', '|', '·', '-'));
        if (text is null) return null;
        var words = TextNormalizer.WordCount(text);
        return words is >= 1 and <= 6 && text.Length <= 80 && IsPlausibleAuthor(text, null) && !LooksLikeUserName(text)
               && LooksLikeName(text) && !siteKeys.Contains(TextNormalizer.Key(text)) ? text : null;
    }

    /// <summary>How many text nodes are searched for a printed "By Name" byline.</summary>
    private const int BylineTextWindow = 600;

    /// <summary>A printed byline: a text "By" followed by a name element, or a short "By Name" text.</summary>
    private static string? BylineFromText(IHtmlDocument doc)
    {
        if (doc.Body is null) return null;
        var walker = doc.CreateTreeWalker(doc.Body, FilterSettings.Text);
        var seen = 0;
        var afterLabel = false;
        while (walker.ToNext() is IText node && seen++ < BylineTextWindow)
        {
            var data = node.Data.Trim();
            if (data.Length == 0) continue;
            if (data.Length > 60 || PageIndex.Within(node.ParentElement, "footer", "aside", "nav", "script", "style"))
            {
                afterLabel = false;
                continue;
            }
            string? name = null;
            if (afterLabel) name = Clean(data.TrimEnd(',')) is { } n && LooksLikeName(n) ? n : null;
            else if (BylineLabel().IsMatch(data))
            {
                // "By" / "Written by" printed alone: the name is the next text (often a link or a span).
                afterLabel = true;
                continue;
            }
            else if (ByPrefix().IsMatch(data) && char.IsUpper(ByPrefix().Replace(data, "").FirstOrDefault()))
                name = WithoutTrailingDate(Clean(ByPrefix().Replace(data, "")));
            afterLabel = false;
            if (name is null) continue;
            var words = TextNormalizer.WordCount(name);
            if (words is >= 1 and <= 6 && name.Length <= 80 && char.IsUpper(name[0]) && IsPlausibleAuthor(name, null) && !LooksLikeUserName(name)) return name;
        }
        return null;
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "and", "&", "van", "von", "de", "da", "del", "der", "den", "di", "du", "la", "le", "bin", "al", "y", "e", "the", "of",
    };

    /// <summary>
    /// Printed like a person's or a team's name: most words capitalised (particles such as "van", "of" aside),
    /// not a single word in capitals ("HERE"), no form marks ("Name *"), and not page furniture ("Reply").
    /// </summary>
    private static bool LooksLikeName(string text)
    {
        if (text.Contains('*') || text.EndsWith(':') || text.EndsWith(" by", StringComparison.OrdinalIgnoreCase)) return false;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && words[0].Length > 1 && words[0].All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;
        int lower = 0, counted = 0;
        foreach (var w in words)
        {
            if (NameParticles.Contains(w)) continue;
            counted++;
            if (!char.IsUpper(w[0])) lower++;
        }
        if (counted == 0 || lower * 2 >= counted) return false;
        return BoilerplateVocabulary.Default.Classify(text) == FurnitureKind.None;
    }

    [GeneratedRegex(@"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    /// <summary>A byline label printed on its own, the name following in another element.</summary>
    [GeneratedRegex(@"^(?:by|written by|posted by|words by|reported by|author|authors|von|par|por|di|door)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineLabel();

    private static Dictionary<string, string> MetaTags(PageIndex index)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in index.Meta)
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = Clean(m.GetAttribute("content"));
            if (key is null || content is null) continue;
            tags.TryAdd(key.Trim(), content);
        }
        return tags;
    }

    private static string? Get(Dictionary<string, string> tags, string key) => tags.TryGetValue(key, out var v) ? v : null;

    private static string? Clean(string? s)
    {
        if (s is null) return null;
        var c = TextNormalizer.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(s));
        return c.Length == 0 ? null : c;
    }

    private static string? NormaliseLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var code = lang.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsLetter) ? code : null;
    }
}
