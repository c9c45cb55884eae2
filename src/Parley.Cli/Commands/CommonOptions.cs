using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary>The default store file, in the current folder.</summary>
    public const string DefaultDatabase = "parley.db";

    public static Option<string> Database() => new("--db")
    {
        Description = "SQLite store file (created when missing).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARLEY_DB") ?? DefaultDatabase,
    };
}
