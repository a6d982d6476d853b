using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>
/// Exact maths of the last ALS half-step: each resource factor y minimises, with the user factors X fixed and y ≥ 0,
/// implicit: Σ_all users c (p − xᵀy)² + λ·n·‖y‖² with c = 1 + α·r and p = 1 on observed pairs (0 and c = 1 elsewhere);
/// explicit: Σ_observed (r − xᵀy)² + λ·n·‖y‖² (n = the resource's ratings, r the likelihood rescaled into [5, 10]).
/// The test rebuilds the normal equations A y = b from that definition and checks the Karush–Kuhn–Tucker conditions of
/// the non-negative minimiser: gradient g = A y − b is 0 where y &gt; 0 and ≥ 0 where y = 0.
/// </summary>
public sealed class AlternatingLeastSquaresOptimalityTests
{
    private const string Tenant = "solo";
    private static readonly DepartmentAccessData Data = new(seed: 99, [Tenant], departments: 4, (5, 8), (8, 12));

    [Fact]
    public void Every_resource_factor_satisfies_the_non_negative_optimality_conditions_in_implicit_mode()
    {
        var options = new AccessAnomalyOptions
        {
            NumberOfIterations = 6,
            Alpha = 0.5,
            RegularizationParameter = 0.3,
        };
        var zeros = CheckResources(options);

        zeros.Should().BeGreaterThan(0, "the test must exercise the constrained case");
    }

    [Fact]
    public void Every_resource_factor_satisfies_the_optimality_conditions_in_explicit_mode_without_complement()
    {
        CheckResources(
            new AccessAnomalyOptions
            {
                NumberOfIterations = 6,
                ImplicitFeedback = false,
                ComplementSetFactor = 0,
            }
        );
    }

    private static int CheckResources(AccessAnomalyOptions options)
    {
        var model = new AccessAnomalyDetector(options).Fit(Data.Training);
        var k = options.Rank;
        var rated = Rescaled(Data.Training, options);
        var users = Data
            .Training.Select(pair => pair.User)
            .Distinct()
            .ToDictionary(user => user, user => model.UserFactor(Tenant, user)!.ToArray());
        var zeros = 0;
        foreach (var group in rated.GroupBy(pair => pair.Resource))
        {
            var (a, b) = NormalEquations(
                group.Select(pair => (users[pair.User], pair.Rating)).ToList(),
                users.Values,
                options
            );
            var y = model.ResourceFactor(Tenant, group.Key)!.ToArray();
            var scale = 1 + b.Max(Math.Abs);
            for (var i = 0; i < k; i++)
            {
                var gradient = Enumerable.Range(0, k).Sum(j => a[i, j] * y[j]) - b[i];
                y[i].Should().BeGreaterThanOrEqualTo(0);
                if (y[i] > 0)
                    Math.Abs(gradient).Should().BeLessThan(1e-7 * scale, $"resource {group.Key}, factor {i}");
                else
                    gradient.Should().BeGreaterThan(-1e-7 * scale, $"resource {group.Key}, factor {i} at the bound");
                if (y[i] == 0)
                    zeros++;
            }
        }
        return zeros;
    }

    private static (double[,] A, double[] B) NormalEquations(
        List<(double[] User, double Rating)> ratings,
        IEnumerable<double[]> allUsers,
        AccessAnomalyOptions options
    )
    {
        var k = options.Rank;
        var a = new double[k, k];
        var b = new double[k];
        if (options.ImplicitFeedback)
        {
            foreach (var x in allUsers)
                AddOuter(a, x, 1.0);
        }
        foreach (var (x, rating) in ratings)
        {
            var confidence = options.ImplicitFeedback ? 1 + options.Alpha * rating : 1.0;
            AddOuter(a, x, options.ImplicitFeedback ? confidence - 1 : 1.0);
            for (var i = 0; i < k; i++)
                b[i] += (options.ImplicitFeedback ? confidence : rating) * x[i];
        }
        for (var i = 0; i < k; i++)
            a[i, i] += options.RegularizationParameter * ratings.Count;
        return (a, b);
    }

    private static void AddOuter(double[,] a, double[] x, double weight)
    {
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
                a[i, j] += weight * x[i] * x[j];
        }
    }

    private static List<(string User, string Resource, double Rating)> Rescaled(
        IReadOnlyList<AccessLikelihood> pairs,
        AccessAnomalyOptions options
    )
    {
        var (minimum, maximum) = (pairs.Min(pair => pair.Likelihood), pairs.Max(pair => pair.Likelihood));
        return pairs
            .Select(pair =>
                (
                    pair.User,
                    pair.Resource,
                    options.LowValue
                        + (pair.Likelihood - minimum) / (maximum - minimum) * (options.HighValue - options.LowValue)
                )
            )
            .ToList();
    }
}
