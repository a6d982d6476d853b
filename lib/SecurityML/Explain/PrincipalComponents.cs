using MathNet.Numerics.LinearAlgebra;

namespace SecurityML.Explain;

/// <summary>
/// Principal components of standardised features, for plots: each column centred and divided by its population
/// standard deviation (scikit-learn's <c>StandardScaler</c>; constant columns become 0), then projected on the leading
/// right singular vectors (the SVD of the standardised matrix, as scikit-learn's <c>PCA</c>). Component signs are
/// fixed so that the largest loading of each is positive.
/// </summary>
public sealed class PrincipalComponents
{
    private PrincipalComponents(double[][] projections, double[] explainedVarianceRatio)
    {
        Projections = projections;
        ExplainedVarianceRatio = explainedVarianceRatio;
    }

    /// <summary>The projection of each row on the components (rows × components).</summary>
    public IReadOnlyList<double[]> Projections { get; }

    /// <summary>The share of the total variance each component explains, in decreasing order.</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>The values of one component over all rows.</summary>
    public double[] Component(int index) => Projections.Select(row => row[index]).ToArray();

    /// <summary>Standardises <paramref name="rows"/> and projects them on the first
    /// <paramref name="components"/>.</summary>
    /// <param name="rows">Rows of equal length; at least two.</param>
    /// <param name="components">How many components (1 … number of columns); missing ones (fewer rows than
    /// components) are 0.</param>
    /// <exception cref="ArgumentException">Fewer than two rows, or rows of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is out of range.</exception>
    public static PrincipalComponents Fit(IReadOnlyList<double[]> rows, int components)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2 || rows.Any(row => row is null || row.Length != rows[0].Length))
        {
            throw new ArgumentException(
                $"Expected at least two rows of equal length, received {rows.Count} rows.",
                nameof(rows)
            );
        }
        int columns = rows[0].Length;
        if (components < 1 || components > columns)
        {
            throw new ArgumentOutOfRangeException(
                nameof(components),
                components,
                $"Expected 1 to {columns} components, received {components}."
            );
        }
        Matrix<double> data = Standardise(Matrix<double>.Build.DenseOfRowArrays(rows));
        var svd = data.Svd(computeVectors: true);
        Matrix<double> basis = svd.VT.Transpose();
        double[] variances = svd.S.Select(value => value * value).ToArray();
        double total = variances.Sum();
        var projections = new double[rows.Count][];
        for (int row = 0; row < rows.Count; row++)
        {
            projections[row] = new double[components];
        }
        for (int component = 0; component < Math.Min(components, basis.ColumnCount); component++)
        {
            Vector<double> direction = basis.Column(component);
            double sign = direction[direction.AbsoluteMaximumIndex()] >= 0 ? 1 : -1;
            Vector<double> projection = data * direction * sign;
            for (int row = 0; row < rows.Count; row++)
            {
                projections[row][component] = projection[row];
            }
        }
        double[] ratios = Enumerable
            .Range(0, components)
            .Select(index => index < variances.Length && total > 0 ? variances[index] / total : 0)
            .ToArray();
        return new PrincipalComponents(projections, ratios);
    }

    private static Matrix<double> Standardise(Matrix<double> data)
    {
        Matrix<double> result = data.Clone();
        for (int column = 0; column < data.ColumnCount; column++)
        {
            Vector<double> values = data.Column(column);
            double mean = values.Average();
            double deviation = Math.Sqrt(values.Select(value => (value - mean) * (value - mean)).Average());
            result.SetColumn(column, values.Map(value => deviation > 0 ? (value - mean) / deviation : 0));
        }
        return result;
    }
}
