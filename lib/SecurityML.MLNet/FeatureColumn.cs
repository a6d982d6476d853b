using Microsoft.ML;
using Microsoft.ML.Data;

namespace SecurityML.MLNet;

/// <summary>Checks and reads the feature column of an <see cref="IDataView"/>: a known-size vector of
/// <c>float</c> or <c>double</c>, as <c>mlContext.Transforms.Concatenate("Features", …)</c> makes.</summary>
internal static class FeatureColumn
{
    /// <summary>The column's type, checked: a vector of <c>float</c> or <c>double</c>, of
    /// <paramref name="expectedSize"/> items when that is given.</summary>
    /// <exception cref="ArgumentException">The column is missing or of another type (expected and received
    /// named).</exception>
    public static VectorDataViewType Check(DataViewSchema schema, string name, int? expectedSize = null)
    {
        var column =
            schema.GetColumnOrNull(name)
            ?? throw new ArgumentException(
                $"The data has no column '{name}'; its columns are: {string.Join(", ", schema.Select(c => c.Name))}.",
                "featureColumnName"
            );
        if (
            column.Type is not VectorDataViewType { ItemType: var item, Size: > 0 } vector
            || (item != NumberDataViewType.Single && item != NumberDataViewType.Double)
        )
        {
            throw new ArgumentException(
                $"Column '{name}': expected a known-size vector of Single or Double, received {column.Type}.",
                "featureColumnName"
            );
        }
        if (expectedSize is { } size && vector.Size != size)
        {
            throw new ArgumentException(
                $"Column '{name}': expected {size} features, received {vector.Size}.",
                "featureColumnName"
            );
        }
        return vector;
    }

    /// <summary>Every row's features as <c>double[]</c>, in row order.</summary>
    public static List<double[]> Read(IDataView data, string name)
    {
        var type = Check(data.Schema, name);
        return type.ItemType == NumberDataViewType.Double
            ? data.GetColumn<double[]>(name).ToList()
            : data.GetColumn<float[]>(name).Select(row => Array.ConvertAll(row, value => (double)value)).ToList();
    }

    /// <summary>The slot names of the column (e.g. the concatenated columns' names), or <c>Feature0…</c>.</summary>
    public static IReadOnlyList<string> Names(DataViewSchema schema, string name, int size)
    {
        var column = schema[name];
        if (column.HasSlotNames())
        {
            var names = default(VBuffer<ReadOnlyMemory<char>>);
            column.GetSlotNames(ref names);
            var dense = names.DenseValues().Select(n => n.ToString()).ToList();
            if (dense.All(n => n.Length > 0) && dense.Distinct().Count() == size)
                return dense;
        }
        return Enumerable.Range(0, size).Select(i => $"Feature{i}").ToList();
    }
}
