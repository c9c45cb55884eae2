namespace Parley.Language.Actors;

/// <summary>A state or territory from countries.tsv.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code ("CHN").</param>
/// <param name="Iso2">ISO 3166-1 alpha-2 code ("CN").</param>
/// <param name="Name">Canonical English short name ("China").</param>
/// <param name="Variants">Other names ("People's Republic of China", "PRC").</param>
/// <param name="Adjectives">Adjectives and demonyms ("Chinese").</param>
/// <param name="Capitals">Capital cities, metonyms for the government ("Beijing").</param>
/// <param name="Metonyms">Other names for the government ("Zhongnanhai", "the Kremlin").</param>
/// <param name="LeaderRole">The role "the Chinese leader" names: "head of state" or "head of government".</param>
/// <param name="UnStatus">"member", "observer" or "other".</param>
/// <param name="CapitalIsMetonym">True when news uses the capital for the government ("Beijing said").</param>
public sealed record CountryEntry(
    string Iso3, string Iso2, string Name, IReadOnlyList<string> Variants, IReadOnlyList<string> Adjectives,
    IReadOnlyList<string> Capitals, IReadOnlyList<string> Metonyms, string LeaderRole, string UnStatus, bool CapitalIsMetonym);

/// <summary>A region, bloc, international organisation or non-state group from blocs.tsv.</summary>
/// <param name="Id">Stable identifier ("nato").</param>
/// <param name="Code">Code in the country position ("WST", "NATO", "UNO"; an ISO3 for a group).</param>
/// <param name="Sector">Sector ("" for a region at large, "IGO", "REB"...).</param>
/// <param name="Kind">"region", "igo" or "group".</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Variants">Names as written.</param>
/// <param name="Adjectives">Adjectives that combine with role nouns ("Western").</param>
public sealed record BlocEntry(
    string Id, string Code, string Sector, string Kind, string Name, IReadOnlyList<string> Variants, IReadOnlyList<string> Adjectives);

/// <summary>A role noun or a title from sectors.tsv.</summary>
/// <param name="Term">The word(s) as written ("officials", "Foreign Minister").</param>
/// <param name="Sector">Sector code ("GOV").</param>
/// <param name="IsTitle">True for a title written before a name.</param>
/// <param name="Role">For titles, the dated role they name ("head of state", "leader"); empty otherwise.</param>
/// <param name="Country">For a title that belongs to one state ("Pope": VAT), that state; empty otherwise.</param>
public sealed record SectorTerm(string Term, string Sector, bool IsTitle, string Role, string Country = "");

/// <summary>One term in one office, from people.tsv.</summary>
/// <param name="Country">State ISO3 or bloc code.</param>
/// <param name="Sector">Sector code ("GOV").</param>
/// <param name="Role">"head of state", "head of government", "foreign minister"...</param>
/// <param name="Titles">Titles written before the name ("President").</param>
/// <param name="Start">First day in office.</param>
/// <param name="End">First day out of office; null while in office.</param>
/// <param name="Note">Uncertainty or context, from the data file.</param>
public sealed record Office(string Country, string Sector, string Role, IReadOnlyList<string> Titles, DateOnly Start, DateOnly? End, string Note)
{
    /// <summary>True when the term covers <paramref name="date"/>.</summary>
    public bool IsHeldOn(DateOnly date) => Start <= date && (End is null || date < End.Value);
}

/// <summary>A person with dated offices, from people.tsv.</summary>
/// <param name="Id">Stable identifier ("xi-jinping").</param>
/// <param name="Name">Canonical name ("Xi Jinping").</param>
/// <param name="Aliases">Other written forms ("Xi").</param>
/// <param name="Gender">"m", "f" or "".</param>
/// <param name="Offices">Terms of office, earliest first.</param>
public sealed record PersonEntry(string Id, string Name, IReadOnlyList<string> Aliases, string Gender, IReadOnlyList<Office> Offices)
{
    /// <summary>The office held on <paramref name="date"/>, preferring <paramref name="role"/> when several are held; null when none.</summary>
    public Office? OfficeOn(DateOnly date, string? role = null)
    {
        Office? best = null;
        foreach (var o in Offices)
        {
            if (!o.IsHeldOn(date)) continue;
            if (role is not null && RoleMatches(o.Role, role)) return o;
            best ??= o;
        }
        return best;
    }

    /// <summary>True when an office role satisfies a requested role ("leader" matches heads of state and government).</summary>
    public static bool RoleMatches(string officeRole, string requested) =>
        officeRole == requested || (requested == "leader" && officeRole is "head of state" or "head of government");
}

/// <summary>A news agency, outlet or publishing platform from media.tsv.</summary>
/// <param name="Id">Stable identifier ("xinhua").</param>
/// <param name="Name">Canonical name ("Xinhua News Agency").</param>
/// <param name="Variants">Names as written.</param>
/// <param name="Country">Home country ISO3, or "".</param>
/// <param name="Kind">"agency", "outlet" or "channel" (a channel is a platform, not an actor).</param>
public sealed record MediaEntry(string Id, string Name, IReadOnlyList<string> Variants, string Country, string Kind)
{
    /// <summary>True for a platform a statement is posted on ("Truth Social"), which is not an actor.</summary>
    public bool IsChannel => Kind == "channel";
}
