using Xunit;

namespace Parley.Testing;

/// <summary>
/// Locates the team's shared data folder (<c>../shared</c> beside the repository) so tests can read
/// gold files and corpora in place. Tests that need it call <see cref="Require"/>, which skips the
/// test with a clear message on a fresh clone where the folder is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>Absolute path of the shared folder, or null when absent.</summary>
    public static string? RootPath => Root.Value;

    /// <summary>The path of <paramref name="relative"/> inside the shared folder; skips the test when it is absent.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        Skip.If(root is null, "../shared is absent (a fresh clone): this test reads shared gold data in place and is skipped.");
        var path = Path.Combine(root!, relative);
        Skip.If(!File.Exists(path) && !Directory.Exists(path), $"{relative} is absent from {root}: skipped.");
        return path;
    }

    /// <summary>The repository root (the folder holding Parley.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Parley.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return Path.GetFullPath(fromEnv);
        var candidate = Path.Combine(RepositoryRoot, "..", "shared");
        return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }
}
