using System.CommandLine;
using SecurityML.Runner.Commands;

namespace SecurityML.Runner;

/// <summary>The <c>secml</c> command line.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static Task<int> Main(string[] args)
    {
        LibraryResolver.Register();
        return BuildRootCommand().Parse(args).InvokeAsync();
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand BuildRootCommand() =>
        new("secml: run SecurityML notebooks headless and manage their data.")
        {
            RunCommand.Create(),
            CleanCommand.Create(),
            DemoDataCommand.Create(),
            ScoreCommand.Create(),
            ImportCommand.Create(),
            DcrCommand.Create(),
        };
}
