using SecurityML.Data;
using SecurityML.Numerics;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Non-negative alternating least squares over a <see cref="SparseRatings"/> matrix of users × resources.
/// Implicit mode (Hu, Koren and Volinsky 2008, "Collaborative Filtering for Implicit Feedback Datasets"): every cell
/// has preference p = 1 if observed else 0 and confidence c = 1 + α·r (1 when unobserved); a user row solves
/// (YᵀY + Σᵢ α·rᵢ·yᵢyᵢᵀ + λ·n·I) x = Σᵢ (1 + α·rᵢ) yᵢ over its n observed resources, the YᵀY term computed once per
/// half-iteration. Explicit mode: (Σᵢ yᵢyᵢᵀ + λ·n·I) x = Σᵢ rᵢ·yᵢ. Both as Spark's ALS (λ scaled by n), each row
/// solved with x ≥ 0 by <see cref="NonNegativeLeastSquares"/>. Rows are solved in parallel; each reads only the
/// other side's factors, so results do not depend on the number of threads.
/// </summary>
internal sealed class AlternatingLeastSquares(AccessAnomalyOptions options)
{
    private const string Stage = "ALS iteration";

    private readonly int _rank = options.Rank;

    /// <summary>Factors of rows (users) and columns (resources), row-major: entity e's factor at [e·rank,
    /// (e+1)·rank).</summary>
    public sealed record Result(double[] UserFactors, double[] ResourceFactors, double Loss);

    public Result Train(
        SparseRatings byUser,
        long seed,
        IProgress<TrainingProgress>? progress,
        int stepOffset,
        int totalSteps,
        CancellationToken cancellationToken
    )
    {
        var byResource = byUser.Transpose();
        var userFactors = new double[byUser.RowCount * _rank];
        var resourceFactors = InitialFactors(byResource.RowCount, seed);
        var loss = double.NaN;
        for (var iteration = 1; iteration <= options.NumberOfIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SolveSide(byUser, resourceFactors, userFactors, cancellationToken);
            SolveSide(byResource, userFactors, resourceFactors, cancellationToken);
            loss = Loss(byUser, userFactors, resourceFactors);
            progress?.Report(new TrainingProgress(Stage, stepOffset + iteration, totalSteps, loss));
        }
        return new Result(userFactors, resourceFactors, loss);
    }

    /// <summary>Absolute values of seeded normal draws, scaled to unit length (Spark's non-negative start).</summary>
    private double[] InitialFactors(int count, long seed)
    {
        var factors = new double[count * _rank];
        for (var entity = 0; entity < count; entity++)
        {
            var random = new DeterministicRandom(seed, stream: (ulong)entity + 1);
            var norm = 0.0;
            for (var j = 0; j < _rank; j++)
            {
                var value = Math.Abs(random.NextNormal()) + 1e-3;
                factors[entity * _rank + j] = value;
                norm += value * value;
            }
            norm = Math.Sqrt(norm);
            for (var j = 0; j < _rank; j++)
                factors[entity * _rank + j] /= norm;
        }
        return factors;
    }

    private void SolveSide(SparseRatings ratings, double[] other, double[] target, CancellationToken cancellationToken)
    {
        var gram = options.ImplicitFeedback ? Gram(other) : null;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(
            0,
            ratings.RowCount,
            parallel,
            () => new Workspace(_rank),
            (row, _, workspace) =>
            {
                SolveRow(ratings, row, other, target, gram, workspace);
                return workspace;
            },
            _ => { }
        );
    }

    private void SolveRow(SparseRatings ratings, int row, double[] other, double[] target, double[]? gram, Workspace w)
    {
        var k = _rank;
        if (gram is null)
            Array.Clear(w.A);
        else
            Array.Copy(gram, w.A, k * k);
        Array.Clear(w.B);
        var count = ratings.CountOf(row);
        for (var index = ratings.RowStarts[row]; index < ratings.RowStarts[row + 1]; index++)
        {
            var offset = ratings.Columns[index] * k;
            var rating = ratings.Values[index];
            var weight = gram is null ? 1.0 : options.Alpha * rating;
            var preference = gram is null ? rating : 1.0 + options.Alpha * rating;
            for (var i = 0; i < k; i++)
            {
                var scaled = weight * other[offset + i];
                w.B[i] += preference * other[offset + i];
                for (var j = 0; j <= i; j++)
                    w.A[i * k + j] += scaled * other[offset + j];
            }
        }
        var regularization = options.RegularizationParameter * Math.Max(count, 1);
        for (var i = 0; i < k; i++)
        {
            w.A[i * k + i] += regularization;
            for (var j = 0; j < i; j++)
                w.A[j * k + i] = w.A[i * k + j];
        }
        NonNegativeLeastSquares.Solve(w.A, w.B, k, w.X, w.Solver);
        Array.Copy(w.X, 0, target, row * k, k);
    }

    /// <summary>YᵀY (lower triangle filled; the row solve mirrors it), summed in entity order.</summary>
    private double[] Gram(double[] factors)
    {
        var k = _rank;
        var gram = new double[k * k];
        for (var offset = 0; offset < factors.Length; offset += k)
        {
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j <= i; j++)
                    gram[i * k + j] += factors[offset + i] * factors[offset + j];
            }
        }
        return gram;
    }

    /// <summary>The objective both half-steps minimise (implicit: over every cell, computed through YᵀY).</summary>
    private double Loss(SparseRatings byUser, double[] users, double[] resources)
    {
        var k = _rank;
        var loss = 0.0;
        var resourceCounts = new int[byUser.ColumnCount];
        for (var user = 0; user < byUser.RowCount; user++)
        {
            for (var index = byUser.RowStarts[user]; index < byUser.RowStarts[user + 1]; index++)
            {
                var resource = byUser.Columns[index];
                resourceCounts[resource]++;
                var rating = byUser.Values[index];
                var predicted = Dot(users, user * k, resources, resource * k, k);
                loss += options.ImplicitFeedback
                    ? (1.0 + options.Alpha * rating) * (1.0 - predicted) * (1.0 - predicted) - predicted * predicted
                    : (rating - predicted) * (rating - predicted);
            }
            loss += options.RegularizationParameter * byUser.CountOf(user) * Dot(users, user * k, users, user * k, k);
        }
        for (var resource = 0; resource < byUser.ColumnCount; resource++)
        {
            loss +=
                options.RegularizationParameter
                * resourceCounts[resource]
                * Dot(resources, resource * k, resources, resource * k, k);
        }
        return options.ImplicitFeedback ? loss + UnobservedTerm(users, Gram(resources)) : loss;
    }

    /// <summary>Σᵤ xᵤᵀ (YᵀY) xᵤ: the squared predictions of every cell, observed or not.</summary>
    private double UnobservedTerm(double[] users, double[] gram)
    {
        var k = _rank;
        var total = 0.0;
        for (var offset = 0; offset < users.Length; offset += k)
        {
            for (var i = 0; i < k; i++)
            {
                var sum = gram[i * k + i] * users[offset + i];
                for (var j = 0; j < i; j++)
                    sum += 2 * gram[i * k + j] * users[offset + j];
                total += users[offset + i] * sum;
            }
        }
        return total;
    }

    internal static double Dot(double[] left, int leftOffset, double[] right, int rightOffset, int length)
    {
        var sum = 0.0;
        for (var i = 0; i < length; i++)
            sum += left[leftOffset + i] * right[rightOffset + i];
        return sum;
    }

    private sealed class Workspace(int rank)
    {
        public double[] A { get; } = new double[rank * rank];
        public double[] B { get; } = new double[rank];
        public double[] X { get; } = new double[rank];
        public NonNegativeLeastSquares.Workspace Solver { get; } = new(rank);
    }
}
