using System.Text.Json;

namespace Parley.Ingest.Html;

/// <summary>What a page's JSON-LD (schema.org) says about its article.</summary>
public sealed class JsonLdArticle
{
    /// <summary>headline (or name) of the article object.</summary>
    public string? Headline { get; set; }
    /// <summary>datePublished (or dateCreated).</summary>
    public string? DatePublished { get; set; }
    /// <summary>dateModified.</summary>
    public string? DateModified { get; set; }
    /// <summary>Author names, in order.</summary>
    public List<string> Authors { get; } = [];
    /// <summary>True when every author is typed as an organisation (a publisher named as author).</summary>
    public bool AuthorsAreOrganizations { get; set; }
    /// <summary>publisher.name, or a WebSite object's name.</summary>
    public string? Publisher { get; set; }
    /// <summary>articleBody (or text).</summary>
    public string? ArticleBody { get; set; }
    /// <summary>inLanguage.</summary>
    public string? Language { get; set; }
    /// <summary>url or mainEntityOfPage.</summary>
    public string? Url { get; set; }
    /// <summary>The @type of the object the values came from ("NewsArticle").</summary>
    public string? Type { get; set; }
}

/// <summary>
/// Reads schema.org JSON-LD blocks, tolerating what real pages print (arrays, @graph, comments,
/// trailing commas, several blocks). The article object is the first whose @type is an article
/// type; a WebPage is used only when there is none.
/// </summary>
public static class JsonLd
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "Report",
        "ScholarlyArticle", "TechArticle", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
        "Review", "Recipe", "HowTo", "PressRelease",
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Reads the article described by <paramref name="blocks"/> (the texts of ld+json scripts); null when none.</summary>
    public static JsonLdArticle? Read(IEnumerable<string> blocks)
    {
        JsonLdArticle? article = null;
        JsonLdArticle? page = null;
        string? siteName = null;
        // Yoast-style graphs name the author by reference ({"@id": ".../#/schema/person/1"}) and print the
        // Person elsewhere in the graph: names by @id are collected over all blocks and resolved at the end.
        var namesById = new Dictionary<string, (string Name, bool Organization)>(StringComparer.Ordinal);
        var authorRefs = new List<string>();
        foreach (var block in blocks)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(block.Trim().TrimEnd(';'), Options);
            }
            catch (JsonException)
            {
                continue;
            }
            using (doc)
            {
                foreach (var obj in Objects(doc.RootElement, 0))
                {
                    var types = Types(obj);
                    if (Str(obj, "@id") is { } id && obj.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                        && types.Any(t => t is "Person" || t.Contains("Organization", StringComparison.Ordinal)))
                        namesById.TryAdd(id, (n.GetString()!.Trim(), !types.Contains("Person")));
                    if (types.Any(ArticleTypes.Contains) && obj.TryGetProperty("author", out var au)) AuthorRefs(au, authorRefs);
                    if (types.Any(ArticleTypes.Contains))
                    {
                        if (article is null) article = Build(obj, types);
                        else Merge(article, obj);
                    }
                    else if (types.Any(t => t.EndsWith("WebPage", StringComparison.OrdinalIgnoreCase)))
                        page ??= Build(obj, types);
                    else if (types.Contains("WebSite") || types.Contains("Organization") || types.Contains("NewsMediaOrganization"))
                        siteName ??= Str(obj, "name");
                }
            }
        }
        var result = article ?? page;
        if (result is not null && result.Publisher is null) result.Publisher = siteName;
        if (result is not null && result.Authors.Count == 0)
        {
            var organizations = 0;
            foreach (var r in authorRefs)
            {
                if (!namesById.TryGetValue(r, out var named) || named.Name.Length == 0 || result.Authors.Contains(named.Name)) continue;
                result.Authors.Add(named.Name);
                if (named.Organization) organizations++;
            }
            result.AuthorsAreOrganizations = organizations > 0 && organizations == result.Authors.Count;
        }
        return result;
    }

    /// <summary>The "@id" of author objects that carry no name of their own.</summary>
    private static void AuthorRefs(JsonElement e, List<string> refs)
    {
        if (e.ValueKind == JsonValueKind.Array)
            foreach (var x in e.EnumerateArray()) AuthorRefs(x, refs);
        else if (e.ValueKind == JsonValueKind.Object && !e.TryGetProperty("name", out _)
                 && e.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String)
            refs.Add(id.GetString()!);
    }

    private static IEnumerable<JsonElement> Objects(JsonElement e, int depth)
    {
        if (depth > 4) yield break;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
                foreach (var o in Objects(x, depth + 1)) yield return o;
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            if (e.TryGetProperty("@graph", out var graph))
                foreach (var o in Objects(graph, depth + 1)) yield return o;
            if (e.TryGetProperty("mainEntity", out var main) && main.ValueKind == JsonValueKind.Object)
                foreach (var o in Objects(main, depth + 1)) yield return o;
        }
    }

    private static List<string> Types(JsonElement obj)
    {
        var list = new List<string>();
        if (!obj.TryGetProperty("@type", out var t)) return list;
        if (t.ValueKind == JsonValueKind.String) list.Add(t.GetString()!);
        else if (t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray())
                if (x.ValueKind == JsonValueKind.String) list.Add(x.GetString()!);
        return list;
    }

    private static JsonLdArticle Build(JsonElement obj, List<string> types)
    {
        var a = new JsonLdArticle { Type = types.FirstOrDefault() };
        Merge(a, obj);
        return a;
    }

    private static void Merge(JsonLdArticle a, JsonElement obj)
    {
        a.Headline ??= Str(obj, "headline") ?? Str(obj, "name");
        a.DatePublished ??= Str(obj, "datePublished") ?? Str(obj, "dateCreated") ?? Str(obj, "uploadDate");
        a.DateModified ??= Str(obj, "dateModified");
        a.ArticleBody ??= Str(obj, "articleBody") ?? Str(obj, "text");
        a.Language ??= Str(obj, "inLanguage");
        a.Url ??= Str(obj, "url") ?? Str(obj, "mainEntityOfPage");
        if (a.Authors.Count == 0 && obj.TryGetProperty("author", out var author))
        {
            AddNames(a.Authors, author, 0);
            a.AuthorsAreOrganizations = a.Authors.Count > 0 && AllOrganizations(author);
        }
        if (a.Authors.Count == 0 && obj.TryGetProperty("creator", out var creator)) AddNames(a.Authors, creator, 0);
        if (a.Publisher is null && obj.TryGetProperty("publisher", out var pub))
        {
            var names = new List<string>();
            AddNames(names, pub, 0);
            a.Publisher = names.FirstOrDefault();
        }
    }

    private static bool AllOrganizations(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.EnumerateArray().All(AllOrganizations),
        JsonValueKind.Object => Types(e).Any(t => t.Contains("Organization", StringComparison.OrdinalIgnoreCase) || t is "Corporation" or "NewsMediaOrganization"),
        _ => false,
    };

    private static void AddNames(List<string> names, JsonElement e, int depth)
    {
        if (depth > 3) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                var s = e.GetString()!.Trim();
                if (s.Length > 0 && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase)) names.Add(s);
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) AddNames(names, x, depth + 1);
                break;
            case JsonValueKind.Object:
                var name = Str(e, "name");
                if (name is null && (Str(e, "givenName") is { } g)) name = (g + " " + Str(e, "familyName")).Trim();
                if (name is not null) names.Add(name);
                break;
        }
    }

    /// <summary>A string property, or the "@id"/"url"/"name" of an object property, or the first string of an array.</summary>
    private static string? Str(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                var s = v.GetString();
                return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            case JsonValueKind.Array:
                foreach (var x in v.EnumerateArray())
                    if (x.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(x.GetString())) return x.GetString()!.Trim();
                return null;
            case JsonValueKind.Object:
                return Str(v, "@id") ?? Str(v, "url") ?? Str(v, "name") ?? Str(v, "@value");
            default:
                return null;
        }
    }
}
