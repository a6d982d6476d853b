using MathNet.Numerics.Providers.LinearAlgebra;

namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Solves one ALS row: minimise ½·xᵀAx − bᵀx subject to x ≥ 0, for a symmetric positive definite k × k matrix A
/// (the row's normal equations). First the unconstrained solution by Cholesky (Math.NET's linear-algebra provider,
/// in place, no allocation); if it has no negative entry it is the answer. Otherwise cyclic projected coordinate
/// descent, started from that solution clipped at 0, runs until no coordinate moves by more than
/// <see cref="Tolerance"/> (relative) — the exact constrained minimiser to that tolerance, as Spark's
/// non-negative ALS computes with its NNLS solver. (Clipping the unconstrained solution alone would not minimise
/// the constrained problem.)
/// </summary>
internal static class NonNegativeLeastSquares
{
    public const double Tolerance = 1e-12;
    public const int MaximumSweeps = 2000;

    /// <summary>Writes the solution into <paramref name="x"/>; <paramref name="factor"/> is k × k scratch space.</summary>
    public static void Solve(double[] a, double[] b, int k, double[] x, double[] factor)
    {
        Array.Copy(a, factor, k * k);
        Array.Copy(b, x, k);
        var provider = LinearAlgebraControl.Provider;
        provider.CholeskyFactor(factor, k);
        provider.CholeskySolveFactored(factor, k, x, 1);
        var feasible = true;
        for (var i = 0; i < k; i++)
        {
            if (x[i] < 0) { x[i] = 0; feasible = false; }
        }
        if (!feasible) CoordinateDescent(a, b, k, x);
    }

    private static void CoordinateDescent(double[] a, double[] b, int k, double[] x)
    {
        for (var sweep = 0; sweep < MaximumSweeps; sweep++)
        {
            var largestChange = 0.0;
            var largestValue = 0.0;
            for (var i = 0; i < k; i++)
            {
                var gradient = -b[i];
                var rowStart = i * k;
                for (var j = 0; j < k; j++) gradient += a[rowStart + j] * x[j];
                var updated = Math.Max(0.0, x[i] - gradient / a[rowStart + i]);
                largestChange = Math.Max(largestChange, Math.Abs(updated - x[i]));
                largestValue = Math.Max(largestValue, updated);
                x[i] = updated;
            }
            if (largestChange <= Tolerance * Math.Max(1.0, largestValue)) return;
        }
    }
}
