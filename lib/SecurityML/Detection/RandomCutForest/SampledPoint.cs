namespace SecurityML.Detection.RandomCutForest;

/// <summary>A point in a tree's reservoir sample.</summary>
/// <param name="Point">The point (never changed).</param>
/// <param name="Weight">−λ t + log(−log u): the sample keeps the points of lowest weight.</param>
/// <param name="SequenceIndex">The update number t at which it arrived (0-based).</param>
internal sealed record SampledPoint(double[] Point, double Weight, long SequenceIndex);
