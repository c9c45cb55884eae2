namespace Parley.Cli;

/// <summary>Entry point of the <c>parley</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        Console.WriteLine("parley: not wired yet");
        return 0;
    }
}
