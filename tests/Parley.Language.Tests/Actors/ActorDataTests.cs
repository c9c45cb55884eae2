using Parley.Language.Actors;

namespace Parley.Language.Tests.Actors;

/// <summary>Integrity of the actor data files: complete, unique, well-dated, unambiguous.</summary>
public sealed class ActorDataTests
{
    private static readonly ActorDictionary Dictionary = ActorDictionary.Default;

    [Fact]
    public void Every_UN_member_state_is_listed_once()
    {
        var members = Dictionary.Countries.Values.Where(c => c.UnStatus == "member").ToList();
        Assert.Equal(193, members.Count);
        Assert.Equal(members.Count, members.Select(c => c.Iso2).Distinct().Count());
        foreach (var code in new[] { "PSE", "VAT", "TWN", "XKX", "HKG" }) Assert.True(Dictionary.Countries.ContainsKey(code), code);
        Assert.All(Dictionary.Countries.Values, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Iso3);
            Assert.Matches("^[A-Z]{2}$", c.Iso2);
            Assert.NotEmpty(c.Capitals);
            Assert.Contains(c.LeaderRole, new[] { "head of state", "head of government" });
        });
    }

    [Fact]
    public void No_name_or_adjective_names_two_countries()
    {
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in Dictionary.Countries.Values)
        {
            foreach (var term in c.Variants.Concat(c.Adjectives).Append(c.Name))
            {
                var key = string.Join(' ', WordScanner.Scan(term).Select(w => w.Key));
                if (!owners.TryGetValue(key, out var set)) owners[key] = set = [];
                set.Add(c.Iso3);
            }
        }
        var clashes = owners.Where(o => o.Value.Count > 1).Select(o => $"{o.Key}: {string.Join(",", o.Value)}").ToList();
        Assert.True(clashes.Count == 0, string.Join("; ", clashes));
    }

    [Fact]
    public void People_have_known_countries_and_no_overlapping_terms_in_one_office()
    {
        var codes = Dictionary.Countries.Keys.Concat(Dictionary.Blocs.Values.Select(b => b.Code)).ToHashSet();
        var terms = Dictionary.People.Values.SelectMany(p => p.Offices.Select(o => (Person: p, Office: o))).ToList();
        Assert.All(terms, t => Assert.Contains(t.Office.Country, codes));
        var problems = new List<string>();
        foreach (var office in terms.GroupBy(t => (t.Office.Country, t.Office.Role)))
        {
            var ordered = office.OrderBy(t => t.Office.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previousEnd = ordered[i - 1].Office.End;
                if (previousEnd is null || previousEnd > ordered[i].Office.Start)
                    problems.Add($"{office.Key}: {ordered[i - 1].Person.Name} ({ordered[i - 1].Office.Start}..{previousEnd}) overlaps {ordered[i].Person.Name} (from {ordered[i].Office.Start})");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void G20_and_Security_Council_members_have_their_leading_office_back_to_2017()
    {
        string[] g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA"];
        var missing = new List<string>();
        foreach (var country in g20)
        {
            foreach (var role in new[] { "leader", "foreign minister" })
            {
                foreach (var date in new[] { new DateOnly(2017, 7, 1), new DateOnly(2019, 7, 1), new DateOnly(2022, 7, 1), new DateOnly(2025, 11, 24) })
                {
                    if (Dictionary.HolderOf(country, role, date) is null) missing.Add($"{country} {role} {date}");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("; ", missing));
    }

    [Fact]
    public void Security_Council_members_of_2025_and_2026_have_their_leader()
    {
        string[] members = ["USA", "GBR", "FRA", "RUS", "CHN", "DZA", "GUY", "KOR", "SLE", "SVN", "DNK", "GRC", "PAK", "PAN", "SOM", "BHR", "COL", "COD", "LVA", "LBR"];
        var missing = members.Where(c => Dictionary.HolderOf(c, "leader", new DateOnly(2025, 6, 1)) is null
            || Dictionary.HolderOf(c, "head of state", new DateOnly(2019, 6, 1)) is null).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    [Fact]
    public void Every_person_is_found_by_name()
    {
        foreach (var person in Dictionary.People.Values)
        {
            var words = WordScanner.Scan(person.Name);
            var length = Dictionary.Phrases.Match(words, 0, out var items);
            Assert.True(length == words.Count && items.Any(i => i.Kind == LexKind.Person && i.Id == person.Id), person.Name);
        }
    }

    [Fact]
    public void Media_know_their_country_and_channels_are_not_actors()
    {
        Assert.Equal("CHN", Dictionary.FindMedia("Xinhua")!.Country);
        Assert.Equal("FRA", Dictionary.FindMedia("AFP")!.Country);
        Assert.True(Dictionary.IsChannel("Truth Social"));
        Assert.False(Dictionary.IsChannel("Reuters"));
    }

    [Theory]
    [InlineData("U.S.-China", "U.S.|-|China")]
    [InlineData("China’s pledge", "China|’s|pledge")]
    [InlineData("the Philippines' navy", "the|Philippines|'|navy")]
    [InlineData("J.D. Vance", "J.D.|Vance")]
    [InlineData("N'Djamena", "N'Djamena")]
    [InlineData("Ukraine–Russia", "Ukraine|–|Russia")]
    public void Words_are_split_as_the_dictionaries_expect(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', WordScanner.Scan(text).Select(w => w.Surface)));
}
