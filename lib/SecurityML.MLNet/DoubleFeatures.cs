namespace SecurityML.MLNet;

/// <summary>A feature vector of <c>double</c> (ML.NET's R8 vector).</summary>
internal sealed class DoubleFeatures
{
    /// <summary>The features (the column name is set by the transformer).</summary>
    public double[] Features { get; set; } = [];
}
