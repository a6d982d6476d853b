using MathNet.Numerics.Providers.LinearAlgebra;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Solves one ALS row exactly: minimise ½·xᵀAx − bᵀx subject to x ≥ 0, for a symmetric positive definite k × k
/// matrix A (the row's normal equations). First the unconstrained solution by Cholesky (Math.NET's linear-algebra
/// provider, in place, no allocation); if it has no negative entry it is the answer. Otherwise the active-set method
/// of Lawson and Hanson ("Solving Least Squares Problems", 1974, ch. 23) in its normal-equations form: free variables
/// are added one at a time by largest negative gradient, each subproblem on the free set is solved by Cholesky, and
/// a step back to the boundary fixes variables that would turn negative; it ends in finitely many steps at the point
/// satisfying the optimality (Karush–Kuhn–Tucker) conditions — the constrained minimiser, which Spark's
/// non-negative ALS also computes (with its own NNLS solver). Clipping the unconstrained solution at 0 would not be.
/// </summary>
internal static class NonNegativeLeastSquares
{
    /// <summary>Relative tolerance on the gradient for adding a variable, and on values for dropping one.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>Writes the solution into <paramref name="x"/>; <paramref name="workspace"/> holds the scratch
    /// arrays.</summary>
    public static void Solve(double[] a, double[] b, int k, double[] x, Workspace workspace)
    {
        Array.Copy(a, workspace.Factor, k * k);
        Array.Copy(b, x, k);
        var provider = LinearAlgebraControl.Provider;
        provider.CholeskyFactor(workspace.Factor, k);
        provider.CholeskySolveFactored(workspace.Factor, k, x, 1);
        for (var i = 0; i < k; i++)
        {
            if (x[i] < 0)
            {
                ActiveSet(a, b, k, x, workspace);
                return;
            }
        }
    }

    private static void ActiveSet(double[] a, double[] b, int k, double[] x, Workspace w)
    {
        WarmStart(a, b, k, x, w);
        var largestRight = 1.0;
        for (var i = 0; i < k; i++)
            largestRight = Math.Max(largestRight, Math.Abs(b[i]));
        var scale = Tolerance * largestRight;
        for (var outer = 0; outer < 3 * k; outer++)
        {
            var entering = -1;
            var largest = scale;
            for (var i = 0; i < k; i++)
            {
                if (w.Free[i])
                    continue;
                var negativeGradient = b[i];
                for (var j = 0; j < k; j++)
                    negativeGradient -= a[i * k + j] * x[j];
                if (negativeGradient > largest)
                    (largest, entering) = (negativeGradient, i);
            }
            if (entering < 0)
                return;
            w.Free[entering] = true;
            StepWithinFreeSet(a, b, k, x, w);
        }
    }

    /// <summary>
    /// A valid starting state for the active-set loop, usually close to the answer: free = the variables positive in
    /// the unconstrained solution (in <paramref name="x"/>), shrunk until the free-set minimiser is positive; x = that
    /// minimiser (0 elsewhere). Each round drops at least one variable, so it ends; an empty free set gives x = 0.
    /// </summary>
    private static void WarmStart(double[] a, double[] b, int k, double[] x, Workspace w)
    {
        for (var i = 0; i < k; i++)
            w.Free[i] = x[i] > 0;
        Array.Clear(x, 0, k);
        while (w.Free.AsSpan(0, k).Contains(true))
        {
            SolveFreeSet(a, b, k, w);
            var positive = true;
            for (var i = 0; i < k; i++)
            {
                if (w.Free[i] && w.Candidate[i] <= 0)
                    (w.Free[i], positive) = (false, false);
            }
            if (positive)
            {
                Array.Copy(w.Candidate, x, k);
                return;
            }
        }
    }

    /// <summary>Moves x to the free-set minimiser, stepping back to the boundary and fixing variables as
    /// needed.</summary>
    private static void StepWithinFreeSet(double[] a, double[] b, int k, double[] x, Workspace w)
    {
        for (var inner = 0; inner <= k; inner++)
        {
            SolveFreeSet(a, b, k, w);
            var step = 1.0;
            for (var i = 0; i < k; i++)
            {
                if (!w.Free[i] || w.Candidate[i] > 0)
                    continue;
                var distance = x[i] - w.Candidate[i];
                step = distance > 0 ? Math.Min(step, x[i] / distance) : 0.0;
            }
            for (var i = 0; i < k; i++)
                x[i] += step * (w.Candidate[i] - x[i]);
            if (step >= 1.0)
                return;
            for (var i = 0; i < k; i++)
            {
                if (w.Free[i] && x[i] <= Tolerance * Math.Max(1.0, Math.Abs(w.Candidate[i])))
                    (w.Free[i], x[i]) = (false, 0.0);
            }
        }
    }

    /// <summary>Candidate = the unconstrained minimiser over the free variables (0 elsewhere).</summary>
    private static void SolveFreeSet(double[] a, double[] b, int k, Workspace w)
    {
        var size = 0;
        for (var i = 0; i < k; i++)
        {
            if (w.Free[i])
                w.Index[size++] = i;
        }
        // The provider wants arrays of exactly size × size and size elements.
        var (factor, right) = (w.SubFactor[size], w.SubRight[size]);
        for (var row = 0; row < size; row++)
        {
            right[row] = b[w.Index[row]];
            for (var column = 0; column < size; column++)
                factor[column * size + row] = a[w.Index[row] * k + w.Index[column]];
        }
        var provider = LinearAlgebraControl.Provider;
        provider.CholeskyFactor(factor, size);
        provider.CholeskySolveFactored(factor, size, right, 1);
        Array.Clear(w.Candidate);
        for (var row = 0; row < size; row++)
            w.Candidate[w.Index[row]] = right[row];
    }

    /// <summary>Scratch arrays for one thread.</summary>
    internal sealed class Workspace(int rank)
    {
        public double[] Factor { get; } = new double[rank * rank];
        public double[][] SubFactor { get; } =
            Enumerable.Range(0, rank + 1).Select(size => new double[size * size]).ToArray();
        public double[][] SubRight { get; } = Enumerable.Range(0, rank + 1).Select(size => new double[size]).ToArray();
        public double[] Candidate { get; } = new double[rank];
        public int[] Index { get; } = new int[rank];
        public bool[] Free { get; } = new bool[rank];
    }
}
