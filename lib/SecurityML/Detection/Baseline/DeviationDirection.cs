namespace SecurityML.Detection.Baseline;

/// <summary>Which deviations from an entity's median <see cref="RobustZScoreModel"/> scores as anomalous.</summary>
public enum DeviationDirection
{
    /// <summary>Both: the score is |x − median| / scale.</summary>
    Both,

    /// <summary>Only values above the median: the score is (x − median) / scale, negative below the median.</summary>
    Above,
}
