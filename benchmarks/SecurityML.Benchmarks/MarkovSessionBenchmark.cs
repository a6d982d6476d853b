using BenchmarkDotNet.Attributes;
using SecurityML.Detection.Sequences;

namespace SecurityML.Benchmarks;

/// <summary>
/// Fits a <see cref="MarkovSessionDetector"/> on <see cref="SessionCount"/> synthetic sessions and scores every one
/// by its rarest window (length 3, start/end tokens), as msticpy's <c>Model.train</c> + <c>compute_rarest_windows</c>.
/// Sessions (seed 42) have 1–8 commands drawn from 40 names with a skewed (exponential) frequency, each with 0–4 of
/// 15 parameters: 8 with 3 values (modellable), 7 with identity-like values from 5,000.
/// </summary>
[MemoryDiagnoser]
public class MarkovSessionBenchmark
{
    private const int Seed = 42;
    private IReadOnlyList<CommandSession> _sessions = [];
    private MarkovSessionModel? _model;

    /// <summary>Number of sessions.</summary>
    [Params(100_000)]
    public int SessionCount { get; set; }

    /// <summary>What is modelled.</summary>
    [Params(SessionModelKind.Commands, SessionModelKind.CommandsParametersAndValues)]
    public SessionModelKind Kind { get; set; }

    /// <summary>Makes the sessions and a fitted model for the scoring benchmark.</summary>
    [GlobalSetup]
    public void MakeSessions()
    {
        var random = new Random(Seed);
        _sessions = Enumerable
            .Range(0, SessionCount)
            .Select(_ => new CommandSession(
                Enumerable.Range(0, random.Next(1, 9)).Select(_ => NextCommand(random)).ToList()
            ))
            .ToList();
        _model = Fit();
    }

    /// <summary>Counts, smooths and normalises.</summary>
    [Benchmark]
    public MarkovSessionModel Fit() =>
        new MarkovSessionDetector(new MarkovSessionOptions { Kind = Kind }).Fit(_sessions);

    /// <summary>The rarest window of length 3 of every session.</summary>
    [Benchmark]
    public double[] RarestWindowLikelihoods() => _model!.RarestWindowLikelihoods(_sessions);

    private static Command NextCommand(Random random)
    {
        var name = $"Cmd-{Math.Min((int)(-Math.Log(1 - random.NextDouble()) * 8), 39):D2}";
        var parameters = Enumerable
            .Range(0, 15)
            .OrderBy(_ => random.Next())
            .Take(random.Next(0, 5))
            .Select(index => new CommandParameter(
                $"P{index:D2}",
                index < 8 ? $"v{random.Next(3)}" : $"id{random.Next(5000)}"
            ));
        return new Command(name, parameters.ToList());
    }
}
