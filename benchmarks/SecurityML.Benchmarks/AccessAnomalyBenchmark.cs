using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Benchmarks;

/// <summary>
/// Fits <see cref="AccessAnomalyDetector"/> (implicit-feedback non-negative ALS, rank 10, the reference defaults) on
/// 2,000,000 (user, resource) pairs: 200,000 users in 2,000 departments of 100, each department with 10 own
/// resources, plus 50 resources shared by everybody (20,050 resources). Every user accesses 8 of their department's
/// resources and 2 shared ones. <see cref="OneIteration"/> fits with one ALS iteration (indexing, rescaling,
/// normalisation and components included), <see cref="FullTraining"/> with the default 25.
/// </summary>
[MemoryDiagnoser]
public class AccessAnomalyBenchmark
{
    private const int Users = 200_000;
    private const int UsersPerDepartment = 100;
    private const int ResourcesPerDepartment = 10;
    private const int SharedResources = 50;
    private const int OwnAccesses = 8;
    private const int SharedAccesses = 2;

    private List<AccessLikelihood> _pairs = [];

    /// <summary>Builds the pairs once (names shared between pairs, as a loader would intern them).</summary>
    [GlobalSetup]
    public void BuildPairs()
    {
        var random = new Random(20240304);
        var shared = Enumerable.Range(0, SharedResources).Select(index => $"shared{index:D2}").ToArray();
        var departments = Users / UsersPerDepartment;
        var own = Enumerable.Range(0, departments * ResourcesPerDepartment).Select(index => $"res{index:D5}").ToArray();
        _pairs = new List<AccessLikelihood>(Users * (OwnAccesses + SharedAccesses));
        for (var user = 0; user < Users; user++)
        {
            var name = $"user{user:D6}";
            var department = user / UsersPerDepartment;
            var resources = Enumerable
                .Range(0, ResourcesPerDepartment)
                .OrderBy(_ => random.Next())
                .Take(OwnAccesses)
                .Select(index => own[department * ResourcesPerDepartment + index])
                .Concat(
                    Enumerable
                        .Range(0, SharedResources)
                        .OrderBy(_ => random.Next())
                        .Take(SharedAccesses)
                        .Select(index => shared[index])
                );
            _pairs.AddRange(
                resources.Select(resource => new AccessLikelihood(
                    "contoso",
                    name,
                    resource,
                    1 + 20 * random.NextDouble()
                ))
            );
        }
    }

    /// <summary>Fit with one ALS iteration.</summary>
    [Benchmark]
    public int OneIteration() => Fit(1);

    /// <summary>Fit with the default 25 ALS iterations.</summary>
    [Benchmark]
    public int FullTraining() => Fit(AccessAnomalyOptions.DefaultNumberOfIterations);

    /// <summary>Prints the process's peak working set (setup included).</summary>
    [GlobalCleanup]
    public void ReportPeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"// PeakWorkingSet pairs={_pairs.Count}: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"
            )
        );
    }

    private int Fit(int iterations) =>
        new AccessAnomalyDetector(new AccessAnomalyOptions { NumberOfIterations = iterations })
            .Fit(_pairs)
            .Tenants.Count;
}
