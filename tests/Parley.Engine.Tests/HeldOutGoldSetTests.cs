using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Coding.Cameo;
using Parley.Evaluation.Events;
using Parley.Testing;

namespace Parley.Engine.Tests;

/// <summary>
/// Keeps the blind held-out gold set (tests/data/gold/heldout) well formed: every evidence string
/// quotes its article, ids are unique and name an article, every code is in the CAMEO codebook,
/// dates are well formed, and no two gold lines are indistinguishable to the scorer. These checks
/// never look at coder output.
/// </summary>
public class HeldOutGoldSetTests
{
    internal static string Dir => Path.Combine(SharedData.RepositoryRoot, "tests", "data", "gold", "heldout");
    internal static string GoldPath => Path.Combine(Dir, "heldout-events.jsonl");
    internal static string ArticlesDir => Path.Combine(Dir, "articles");

    private static readonly IReadOnlyList<GoldEvent> Gold = GoldEvent.Load(GoldPath);

    private static Dictionary<string, string> Articles() =>
        Directory.GetFiles(ArticlesDir, "h*.txt").ToDictionary(p => Path.GetFileName(p)[..3], File.ReadAllText);

    [Fact]
    public void Every_gold_event_names_an_article_and_quotes_it()
    {
        var articles = Articles().ToDictionary(kv => kv.Key, kv => Norm(kv.Value));
        Assert.Equal(16, articles.Count);
        foreach (var g in Gold)
        {
            Assert.True(articles.TryGetValue(g.Id[..3], out var text), $"{g.Id}: no article heldout/articles/{g.Id[..3]}-*.txt");
            foreach (var e in g.EvidenceAny)
                Assert.True(text!.Contains(Norm(e), StringComparison.Ordinal), $"{g.Id}: evidence not in its article: {e}");
        }
    }

    [Fact]
    public void Ids_are_unique_codes_exist_and_fields_are_well_formed()
    {
        Assert.Equal(Gold.Count, Gold.Select(g => g.Id).Distinct().Count());
        foreach (var g in Gold)
        {
            Assert.Matches(@"^h\d\d-[a-z0-9-]+$", g.Id);
            Assert.All(g.Codes, c => Assert.True(CameoCodebook.Default.Contains(c), $"{g.Id}: code {c} is not in the CAMEO codebook"));
            Assert.All(g.Dates, d => Assert.True(IsWellFormedDate(d), $"{g.Id}: date {d}"));
            Assert.All(g.Actor1.Concat(g.Actor2), a => Assert.True(a is null || Regex.IsMatch(a, "^[A-Z][A-Z0-9]{1,2}$"), $"{g.Id}: actor {a}"));
            Assert.NotEmpty(g.Actor1);
            Assert.NotEmpty(g.Actor2);
            Assert.NotEmpty(g.EvidenceAny);
            Assert.True(g.Status is null or "pledged" or "planned" or "denied", $"{g.Id}: status {g.Status}");
        }
    }

    [Fact]
    public void Occurred_events_are_not_dated_after_their_article_was_published()
    {
        var published = Articles().ToDictionary(kv => kv.Key, kv => PublicationDay(kv.Value));
        foreach (var g in Gold.Where(g => g.Status is null))
        {
            var days = g.Dates.Where(d => d.Length == 10).ToList();
            Assert.False(days.Count == g.Dates.Count && days.All(d => string.CompareOrdinal(d, published[g.Id[..3]]) > 0),
                $"{g.Id}: an occurred event dated after publication ({published[g.Id[..3]]})");
        }
    }

    [Fact]
    public void The_set_covers_every_cameo_root_with_required_events_and_pledges_plans_and_denials()
    {
        var roots = Gold.Where(g => g.Required).Select(g => g.Root).ToHashSet();
        Assert.All(CameoRoots.All, root => Assert.Contains(root, roots));
        Assert.All(Articles().Keys, a => Assert.Contains(Gold, g => g.Required && g.Id.StartsWith(a, StringComparison.Ordinal)));
        Assert.Contains(Gold, g => g.Status == "pledged" && g.Required);
        Assert.Contains(Gold, g => g.Status == "planned" && g.Required);
        Assert.Contains(Gold, g => g.Status == "denied");
    }

    [Fact]
    public void A_coder_reproducing_the_gold_scores_perfectly_so_no_two_gold_events_collide()
    {
        // What a coder printing each gold line's first actors, code, date and evidence would emit.
        var produced = Gold.Select(g => JsonSerializer.SerializeToNode(new
        {
            date = g.Dates[0], cameo = g.Codes[0], status = g.Status ?? "occurred",
            actor1 = g.Actor1[0] is { } a1 ? new { country = a1 } : null,
            actor2 = g.Actor2[0] is { } a2 ? new { country = a2 } : null,
            evidence = new { text = "... " + g.EvidenceAny[0] + " ..." },
        })!.AsObject()).ToList();
        var score = EventScorer.Score(Gold, produced);

        Assert.Equal((1.0, 1.0, 0), (score.Recall, score.Precision, score.Duplicates));
        Assert.Empty(score.StatusMismatches);
    }

    /// <summary>The scorer's normalisation: curly quotes and en/em dashes made plain, runs of
    /// white space collapsed to one space, lower case.</summary>
    private static string Norm(string s)
    {
        s = s.Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u2018', '\'').Replace('\u2019', '\'')
            .Replace('\u2013', '-').Replace('\u2014', '-');
        return Regex.Replace(s, @"\s+", " ").Trim().ToLowerInvariant();
    }

    private static bool IsWellFormedDate(string d) =>
        Regex.IsMatch(d, @"^\d{4}(-\d\d(-\d\d)?|-W\d\d)?$")
        && (d.Length != 10 || DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        && (d.Length != 7 || int.Parse(d[5..], CultureInfo.InvariantCulture) is >= 1 and <= 12);

    private static string PublicationDay(string article)
    {
        var m = Regex.Match(article, @"Published (\w+) (\d+)\w\w, (\d{4})");
        Assert.True(m.Success, "no dateline");
        var date = DateTime.ParseExact($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "MMMM d yyyy", CultureInfo.InvariantCulture);
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
