namespace Parley.Testing.Http;

/// <summary>Own news-like pages (invented wording) with the furniture real sites carry.</summary>
internal static class NewsPages
{
    public static string Page(string title, string? published, params string[] paragraphs) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}} | Harbour Ledger</title>
        {{(published is null ? "" : $"<meta property=\"article:published_time\" content=\"{published}\">")}}
        <meta property="og:title" content="{{title}}"></head>
        <body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
        <main><article>
        <h1>{{title}}</h1>
        {{string.Join("\n", paragraphs.Select(p => "<p>" + p + "</p>"))}}
        </article>
        <aside><h2>Most read</h2><ul><li><a href="/a">Ten things to do this weekend</a></li></ul></aside></main>
        <footer><p>Subscribe to our newsletter</p><p>© 2026 Harbour Ledger</p></footer>
        </body></html>
        """;

    public static string Ports() => Page("Port workers end strike after pay deal", "2026-02-27T08:15:00Z",
        "Dock workers in the port of Valdora returned to work on Friday after their union accepted a pay offer from the port authority, ending a strike that had lasted nine days.",
        "The union said the agreement raises wages by six percent over two years. Shipping agents said a backlog of about forty vessels would take a week to clear.",
        "The port authority thanked mediators from the labour ministry for their help in reaching the deal.");

    public static string Bridge() => Page("Two neighbours agree to rebuild border bridge", "2026-02-26T14:00:00Z",
        "The foreign ministers of Norland and Estmark signed an agreement on Thursday to rebuild a road bridge over the Lira river that was damaged by floods last spring.",
        "Both governments will share the cost, officials said, and construction is due to begin in the summer.");

    public static string Ministers() => Page("Ghana and Togo sign border trade accord", "2026-02-25T11:30:00Z",
        "Ghana and Togo signed an agreement in Accra on Wednesday to cut fees at their main border crossing, the two foreign ministers said.",
        "Ghana's foreign minister said the accord would help traders and lorry drivers who wait days at the crossing.");

    public static string Undated() => Page("Farmers protest over water rules", null,
        "Several hundred farmers drove tractors into the centre of Morvik on Tuesday to protest against new limits on water use from rivers during dry months.",
        "Police said the protest was peaceful and the roads were cleared by the evening.");
}
