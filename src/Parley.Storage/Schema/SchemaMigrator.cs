using System.Reflection;
using Microsoft.Data.Sqlite;
using Parley.Core.Data;

namespace Parley.Storage.Schema;

/// <summary>
/// Brings a database to the newest schema by running the numbered scripts in Schema/Data in
/// order; the version reached is kept in SQLite's <c>user_version</c>.
/// </summary>
internal static class SchemaMigrator
{
    private static readonly Assembly Here = typeof(SchemaMigrator).Assembly;

    private static readonly Lazy<IReadOnlyList<(int Version, string Script)>> Scripts = new(() =>
        Here.GetManifestResourceNames()
            .Where(n => n.StartsWith("Schema/Data/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(Path.GetFileName(n)[..3]), Script: DataFile.ReadAllText(Here, n)))
            .OrderBy(s => s.Version)
            .ToList());

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Scripts.Value[^1].Version;

    public static void Migrate(SqliteConnection connection)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        if (current > LatestVersion)
            throw new StoreException("PARLEY-S001",
                $"the database has schema version {current}, newer than this Parley knows ({LatestVersion}); upgrade Parley.");
        foreach (var (version, script) in Scripts.Value.Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = script + $";\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
