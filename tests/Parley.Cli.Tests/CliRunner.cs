namespace Parley.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, against a throw-away store.</summary>
internal sealed class CliRunner : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("parley-cli-").FullName;

    public string Db => Path.Combine(Folder, "test.db");

    public (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content) => Write(name, System.Text.Encoding.UTF8.GetBytes(content));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
