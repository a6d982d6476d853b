using System.Diagnostics;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

/// <summary>Runs the built <c>secml</c> in its own process, as users and schedules do.</summary>
internal static class SecmlProcess
{
    /// <summary>The runner built with the tests:
    /// lib/SecurityML.Runner/bin/&lt;configuration&gt;/net10.0/secml.dll.</summary>
    public static string RunnerPath()
    {
        // bin/<configuration>/net10.0
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(
            RepositoryPaths.Root,
            "lib",
            "SecurityML.Runner",
            "bin",
            configuration,
            "net10.0",
            "secml.dll"
        );
        File.Exists(path).Should().BeTrue($"the runner is built with the tests ({path})");
        return path;
    }

    /// <summary>Runs <c>dotnet secml.dll arguments...</c>; returns the exit code and standard output followed by
    /// standard error.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments) =>
        Run(new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run(string[])"/>, with extra environment variables for the process.</summary>
    public static (int ExitCode, string Output) Run(
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(RunnerPath());
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeTrue("secml finishes");
        return (process.ExitCode, output.Result + error.Result);
    }
}
