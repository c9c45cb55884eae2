using System.Reflection;

namespace Parley.Core.Data;

/// <summary>
/// Reads the data files (dictionaries, codebooks, gazetteers, models) that each project embeds
/// from its <c>Data/</c> folders. Resource names are the file's path inside the project with '/'
/// separators ("Actors/Data/countries.tsv"), so a data file is found by the path a user sees.
/// </summary>
public static class DataFile
{
    /// <summary>Opens an embedded data file of <paramref name="assembly"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file is embedded (code PARLEY-D001).</exception>
    public static Stream Open(Assembly assembly, string path)
    {
        var stream = assembly.GetManifestResourceStream(path);
        if (stream is not null) return stream;
        var known = string.Join(", ", assembly.GetManifestResourceNames().OrderBy(n => n));
        throw new FileNotFoundException($"PARLEY-D001: data file '{path}' is not embedded in {assembly.GetName().Name}; embedded: {known}", path);
    }

    /// <summary>Reads an embedded text file whole.</summary>
    public static string ReadAllText(Assembly assembly, string path)
    {
        using var reader = new StreamReader(Open(assembly, path));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads the rows of an embedded tab-separated file: lines starting with '#' are comments,
    /// blank lines are skipped, the first remaining line is the header naming the columns.
    /// </summary>
    public static IEnumerable<TsvRow> ReadTsv(Assembly assembly, string path)
    {
        using var reader = new StreamReader(Open(assembly, path));
        string[]? header = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }
            yield return new TsvRow(path, lineNumber, header, cells);
        }
    }
}

/// <summary>One row of a TSV data file, with its columns addressed by header name.</summary>
public sealed class TsvRow
{
    private readonly string[] _header;
    private readonly string[] _cells;

    internal TsvRow(string file, int line, string[] header, string[] cells)
    {
        File = file;
        Line = line;
        _header = header;
        _cells = cells;
    }

    /// <summary>The data file this row came from.</summary>
    public string File { get; }

    /// <summary>1-based line number in that file.</summary>
    public int Line { get; }

    /// <summary>The cell under <paramref name="column"/>; empty when the row is short.</summary>
    /// <exception cref="KeyNotFoundException">The file has no such column (code PARLEY-D002).</exception>
    public string this[string column]
    {
        get
        {
            var index = Array.IndexOf(_header, column);
            if (index < 0) throw new KeyNotFoundException($"PARLEY-D002: {File} has no column '{column}' (columns: {string.Join(", ", _header)})");
            return index < _cells.Length ? _cells[index].Trim() : "";
        }
    }

    /// <summary>The cell under <paramref name="column"/> split on '|' into non-empty trimmed parts.</summary>
    public string[] List(string column) =>
        this[column].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
