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
        // Log text reaches messages and summaries: a terminal must not act on escape sequences in it.
        Console.SetOut(new TerminalSafeWriter(Console.Out));
        Console.SetError(new TerminalSafeWriter(Console.Error));
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
