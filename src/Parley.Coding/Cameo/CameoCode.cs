using Parley.Core.Model;

namespace Parley.Coding.Cameo;

/// <summary>One CAMEO 1.1b3 event code with everything the codebook says about it.</summary>
/// <param name="Code">The code ("041", "0311", or a root such as "04").</param>
/// <param name="Label">The codebook's label ("Discuss by telephone").</param>
/// <param name="Description">A one-line description of what the code covers.</param>
/// <param name="Goldstein">Goldstein score, -10 (most conflictual) to +10 (most cooperative).</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="Plover">PLOVER 2.0 type and mode.</param>
public sealed record CameoCode(string Code, string Label, string Description, double Goldstein, int QuadClass, PloverType Plover)
{
    /// <summary>The two-digit root category ("04" for "041").</summary>
    public string Root => Code[..2];
}
