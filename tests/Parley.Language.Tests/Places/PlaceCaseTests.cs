using Parley.Language.Actors;
using Parley.Language.Places;
using Parley.Language.Tests.Actors;

namespace Parley.Language.Tests.Places;

/// <summary>Runs the readable spec cases in place-cases.tsv through ActorStage then PlaceStage.</summary>
public sealed class PlaceCaseTests
{
    private static readonly ActorStage Actors = new();
    private static readonly PlaceStage Places = new();

    public static TheoryData<string> Cases() => CaseFile.Ids("Places/place-cases.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string id)
    {
        var row = CaseFile.Row("Places/place-cases.tsv", id);
        var document = TestDocuments.Make(row["text"], "2025-11-24");
        Actors.Process(document);
        Places.Process(document);
        var found = string.Join(" | ", document.Places.Select(p => $"{p.Text}={p.Country}/{p.Kind}"));
        foreach (var expectation in CaseFile.Items(row["expect"]))
        {
            if (expectation.StartsWith('!'))
            {
                Assert.False(document.Places.Any(p => p.Text == expectation[1..]), $"{id}: '{expectation[1..]}' must not be a place; found {found}");
                continue;
            }
            var (text, rest, _, _) = CaseFile.Parse(expectation);
            var parts = rest.Split(' ');
            var place = document.Places.FirstOrDefault(p => p.Text == text);
            Assert.True(place is not null, $"{id}: no place '{text}'; found {found}");
            Assert.True((parts[0], parts[1]) == (place!.Country, place.Kind), $"{id}: '{text}' is {place.Country}/{place.Kind}, expected {rest}");
        }
    }
}

/// <summary>The gazetteer's coverage and a few well-known coordinates.</summary>
public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Fact]
    public void Busan_is_in_Korea_at_its_coordinates()
    {
        var busan = Gazetteer.Lookup("Busan").Where(e => e.Kind == "city").Single();
        Assert.Equal("KOR", busan.Country);
        Assert.Equal(35.18, busan.Latitude!.Value, 0.1);
        Assert.Equal(129.08, busan.Longitude!.Value, 0.1);
    }

    [Fact]
    public void Every_UN_member_has_its_capital_and_its_name_as_places()
    {
        var missing = new List<string>();
        foreach (var country in ActorDictionary.Default.Countries.Values)
        {
            if (!Gazetteer.Lookup(country.Name).Any(e => e.Kind == "country" && e.Country == country.Iso3)) missing.Add(country.Name);
            if (!country.Capitals.Any(c => Gazetteer.Lookup(c).Any(e => e.Country == country.Iso3 && e.Latitude is not null))) missing.Add(string.Join("|", country.Capitals));
        }
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Holds_cities_over_15000_and_first_level_regions()
    {
        Assert.True(Gazetteer.EntryCount > 25_000, $"{Gazetteer.EntryCount} entries");
        Assert.Contains(Gazetteer.Lookup("Bavaria"), e => e.Kind == "region" && e.Country == "DEU");
        Assert.Contains(Gazetteer.Lookup("California"), e => e.Kind == "region" && e.Country == "USA");
        Assert.Contains(Gazetteer.Lookup("Zaporizhzhia"), e => e.Country == "UKR");
        Assert.Contains(Gazetteer.Lookup("Sao Paulo"), e => e.Country == "BRA" && e.Kind == "city");
        Assert.Contains(Gazetteer.Lookup("São Paulo"), e => e.Country == "BRA" && e.Kind == "city");
    }
}
