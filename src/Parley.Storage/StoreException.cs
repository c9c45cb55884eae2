namespace Parley.Storage;

/// <summary>A store that cannot be opened or written; <see cref="Code"/> is stable, for look-up.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string code, string message, Exception? inner = null) : base($"{code}: {message}", inner) => Code = code;

    /// <summary>Stable error code ("PARLEY-S001").</summary>
    public string Code { get; }
}
