using System.Diagnostics;
using SecurityML.Detection;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Runner.Commands;
using SecurityML.Scoring;
using SecurityML.Tests.Detection;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Runner;

/// <summary><c>secml score --model</c> with crafted model files (valid checksums): a message naming the file and exit
/// code 1, never a stack trace.</summary>
[Collection(NotebookExecutionCollection.Name)]
public sealed class ScoreBadModelTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] Saved(IAnomalyModel<EntityValue> model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static byte[] BaselineModel() =>
        Saved(
            new RobustZScoreDetector(new RobustZScoreOptions { MinimumHistory = 1 }).Fit([
                new("alice", 1),
                new("alice", 3),
                new("bob", 5),
            ])
        );

    private static byte[] IpEmbeddingModelFile()
    {
        var model = new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 8,
                VectorDimension = 4,
                Epochs = 1,
                NumberOfIpPrefixVectors = 16,
                Seed = 3,
            }
        ).Fit(
            Enumerable
                .Range(0, 12)
                .Select(index => new EntityIpPair($"user{index % 3}", $"10.0.{index % 4}.{index}"))
                .ToList()
        );
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task Every_rejected_mutation_of_a_registered_kind_gives_a_message_naming_the_file_and_exit_1()
    {
        var path = _folder.File("crafted.model");
        int rejected = 0;
        foreach (var file in new[] { BaselineModel(), IpEmbeddingModelFile() })
        {
            foreach (var mutation in ModelFileMutations.Of(file, seed: 7, ModelRegistry.Kinds))
            {
                try
                {
                    ModelRegistry.Load(new MemoryStream(mutation.Bytes), path);
                    continue; // a usable model: scoring it is the fuzz test's business
                }
                catch (ModelFileException)
                {
                    rejected++;
                }
                await File.WriteAllBytesAsync(path, mutation.Bytes);
                var error = new StringWriter();
                int exit = await ScoreCommand.RunAsync(
                    new ScoreRequest
                    {
                        ModelPath = path,
                        InputPath = "-",
                        Threshold = 1,
                    },
                    new MemoryStream(),
                    new StringWriter(),
                    error,
                    CancellationToken.None
                );

                exit.Should().Be(1, mutation.Name);
                error.ToString().Should().StartWith($"secml score: {path}: ", mutation.Name);
            }
        }
        rejected.Should().BeGreaterThan(500);
    }

    [Fact]
    public void The_secml_process_reports_crafted_models_without_a_stack_trace()
    {
        var mutations = ModelFileMutations
            .Of(BaselineModel(), seed: 7, ModelRegistry.Kinds)
            .DistinctBy(mutation => mutation.Name)
            .ToDictionary(mutation => mutation.Name);
        var crafted = new[]
        {
            "payload Int32 2147483647 at 0",
            "header card.features = text",
            "header card = 70-deep nesting",
            "payload length field 2147483647",
        };
        foreach (var name in crafted)
        {
            var path = _folder.File($"crafted-{crafted.ToList().IndexOf(name)}.model");
            File.WriteAllBytes(path, mutations[name].Bytes);

            var (exitCode, output) = Secml(
                "score",
                "--model",
                path,
                "--input",
                _folder.Write("empty.csv", ""),
                "--threshold",
                "1"
            );

            exitCode.Should().Be(1, $"{name}: {output}");
            output.Should().Contain($"secml score: {path}: ", name).And.NotContain("   at ", name);
        }
    }

    [Fact]
    public void An_alert_triage_model_without_its_plugin_names_the_plugin_to_add()
    {
        var path = _folder.File("triage.model");
        using (var stream = File.Create(path))
            ModelFile.Save(stream, new ModelCard { Kind = "AlertTriage" }, 1, _ => { });

        var (exitCode, output) = Secml("score", "--model", path, "--input", _folder.Write("empty.csv", ""));

        exitCode.Should().Be(1, output);
        output
            .Should()
            .Contain($"secml score: {path}: no loader is registered for AlertTriage models")
            .And.Contain("(--plugin artifacts/lib/SecurityML.MLNet.dll)");
    }

    private static (int ExitCode, string Output) Secml(params string[] arguments)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var runner = Path.Combine(
            RepositoryPaths.Root,
            "lib",
            "SecurityML.Runner",
            "bin",
            configuration,
            "net10.0",
            "secml.dll"
        );
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(runner);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeTrue("secml finishes");
        return (process.ExitCode, output.Result + error.Result);
    }
}
