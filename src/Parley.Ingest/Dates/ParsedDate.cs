namespace Parley.Ingest.Dates;

/// <summary>A date (and maybe time) found in text.</summary>
/// <param name="Value">The instant; midnight UTC when no time was given, UTC when no zone was given.</param>
/// <param name="HasTime">A time of day was given.</param>
/// <param name="HasZone">A time zone or offset was given.</param>
/// <param name="Start">Offset of the first character of the date in the searched text.</param>
/// <param name="End">Offset just after the last character of the date (and time, zone).</param>
public sealed record ParsedDate(DateTimeOffset Value, bool HasTime, bool HasZone, int Start, int End);
