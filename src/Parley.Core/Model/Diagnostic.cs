namespace Parley.Core.Model;

/// <summary>A note a stage leaves on a document: a stable code a user can look up, and a message.</summary>
/// <param name="Code">Stable code ("PARLEY-T001").</param>
/// <param name="Stage">Name of the stage that raised it.</param>
/// <param name="Message">What happened, in plain words.</param>
public sealed record Diagnostic(string Code, string Stage, string Message);
