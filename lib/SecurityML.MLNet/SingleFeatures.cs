namespace SecurityML.MLNet;

/// <summary>A feature vector of <c>float</c> (ML.NET's usual R4 vector).</summary>
internal sealed class SingleFeatures
{
    /// <summary>The features (the column name is set by the transformer).</summary>
    public float[] Features { get; set; } = [];
}
