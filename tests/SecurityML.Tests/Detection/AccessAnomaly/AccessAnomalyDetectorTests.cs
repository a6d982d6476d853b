using SecurityML.Detection;
using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>The reference's properties on department-structured data, and the scoring rules.</summary>
public sealed class AccessAnomalyDetectorTests
{
    private static readonly string[] Tenants = ["alpha", "beta"];
    private static readonly DepartmentAccessData Data = new(seed: 2024, Tenants, departments: 5, (5, 10), (25, 50));
    private static readonly Lazy<AccessAnomalyModel> Joint = new(() => new AccessAnomalyDetector().Fit(Data.Training));

    private static double Mean(IEnumerable<double> values) => values.Average();

    private static double PopulationStandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / values.Count);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Training_scores_have_mean_zero_and_standard_deviation_one_per_tenant(
        bool separateTenants,
        bool implicitFeedback
    )
    {
        var options = new AccessAnomalyOptions
        {
            SeparateTenants = separateTenants,
            ImplicitFeedback = implicitFeedback,
        };
        var model =
            separateTenants || !implicitFeedback ? new AccessAnomalyDetector(options).Fit(Data.Training) : Joint.Value;

        foreach (var tenant in Tenants)
        {
            var scores = model.Score(Data.Training.Where(pair => pair.Tenant == tenant).ToList());
            Math.Abs(Mean(scores)).Should().BeLessThan(1e-3, tenant);
            Math.Abs(PopulationStandardDeviation(scores) - 1).Should().BeLessThan(1e-3, tenant);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unseen_cross_department_pairs_score_at_least_two_above_unseen_same_department_pairs(
        bool implicitFeedback
    )
    {
        var model = implicitFeedback
            ? Joint.Value
            : new AccessAnomalyDetector(new AccessAnomalyOptions { ImplicitFeedback = false }).Fit(Data.Training);

        foreach (var tenant in Tenants)
        {
            var (same, cross) = Data.UnseenPairs(tenant);
            var difference = Mean(model.Score(cross)) - Mean(model.Score(same));
            difference.Should().BeGreaterThanOrEqualTo(2.0, $"tenant {tenant}, implicit {implicitFeedback}");
        }
    }

    [Fact]
    public void Scores_are_the_normalised_dot_products_of_non_negative_factors()
    {
        var model = Joint.Value;
        var pairs = Data.Training.Take(50).Concat(Data.UnseenPairs("beta").CrossDepartment.Take(50)).ToList();
        var scores = model.Score(pairs);

        for (var index = 0; index < pairs.Count; index++)
        {
            var user = model.UserFactor(pairs[index].Tenant, pairs[index].User)!;
            var resource = model.ResourceFactor(pairs[index].Tenant, pairs[index].Resource)!;
            user.Concat(resource).Should().OnlyContain(value => value >= 0);
            var (mean, deviation) = model.Normalisation(pairs[index].Tenant)!.Value;
            var expected = (mean - user.Zip(resource, (u, r) => u * r).Sum()) / deviation;
            scores[index].Should().BeApproximately(expected, 1e-12);
        }
    }

    [Fact]
    public void Parallel_and_sequential_training_give_identical_scores()
    {
        var pairs = Data.UnseenPairs("alpha").CrossDepartment.Take(200).ToList();
        var sequential = new AccessAnomalyDetector(
            new AccessAnomalyOptions { MaxDegreeOfParallelism = 1, NumberOfIterations = 5 }
        );
        var parallel = new AccessAnomalyDetector(
            new AccessAnomalyOptions { MaxDegreeOfParallelism = 4, NumberOfIterations = 5 }
        );

        parallel.Fit(Data.Training).Score(pairs).Should().Equal(sequential.Fit(Data.Training).Score(pairs));
    }

    [Fact]
    public void The_training_loss_never_increases()
    {
        var reports = new List<TrainingProgress>();
        new AccessAnomalyDetector(new AccessAnomalyOptions { NumberOfIterations = 10 }).Fit(
            Data.Training,
            new Recorder(reports.Add)
        );

        reports.Select(report => report.Step).Should().Equal(Enumerable.Range(1, 10));
        reports.Should().OnlyContain(report => report.TotalSteps == 10 && report.Loss > 0);
        for (var index = 1; index < reports.Count; index++)
        {
            reports[index].Loss!.Value.Should().BeLessThanOrEqualTo(reports[index - 1].Loss!.Value * (1 + 1e-9));
        }
    }

    [Fact]
    public void Separate_tenants_report_every_tenant_s_iterations()
    {
        var reports = new List<TrainingProgress>();
        new AccessAnomalyDetector(new AccessAnomalyOptions { NumberOfIterations = 3, SeparateTenants = true }).Fit(
            Data.Training,
            new Recorder(reports.Add)
        );

        reports.Select(report => report.Step).Should().Equal(1, 2, 3, 4, 5, 6);
        reports.Should().OnlyContain(report => report.TotalSteps == 6);
    }

    [Fact]
    public void A_linear_change_of_likelihoods_changes_nothing_because_they_are_rescaled_per_tenant()
    {
        var options = new AccessAnomalyOptions { NumberOfIterations = 3 };
        var changed = Data.Training.Select(pair => pair with { Likelihood = 40 * pair.Likelihood + 3 }).ToList();
        var pairs = Data.UnseenPairs("alpha").SameDepartment.Take(100).ToList();

        var expected = new AccessAnomalyDetector(options).Fit(Data.Training).Score(pairs);
        new AccessAnomalyDetector(options)
            .Fit(changed)
            .Score(pairs)
            .Should()
            .BeEquivalentTo(
                expected,
                o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>()
            );
    }

    [Fact]
    public void Equal_likelihoods_are_scaled_to_the_midpoint_whatever_their_value()
    {
        var options = new AccessAnomalyOptions { NumberOfIterations = 3 };
        var pairs = Data.UnseenPairs("beta").CrossDepartment.Take(100).ToList();

        var low = new AccessAnomalyDetector(options).Fit(
            Data.Training.Select(pair => pair with { Likelihood = 0.001 }).ToList()
        );
        var high = new AccessAnomalyDetector(options).Fit(
            Data.Training.Select(pair => pair with { Likelihood = 1e6 }).ToList()
        );

        high.Score(pairs).Should().Equal(low.Score(pairs));
    }

    private sealed class Recorder(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
