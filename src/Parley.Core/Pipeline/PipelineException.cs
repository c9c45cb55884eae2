namespace Parley.Core.Pipeline;

/// <summary>A pipeline that cannot run as assembled. <see cref="Code"/> is stable, for look-up.</summary>
public sealed class PipelineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PipelineException(string code, string message) : base($"{code}: {message}") => Code = code;

    /// <summary>Stable error code ("PARLEY-P001").</summary>
    public string Code { get; }
}
