namespace SecurityML.Detection.IsolationForest;

/// <summary>The form of a <see cref="SubsetSize"/>.</summary>
public enum SubsetSizeKind
{
    /// <summary>scikit-learn's <c>"auto"</c>.</summary>
    Auto,

    /// <summary>An absolute count.</summary>
    Count,

    /// <summary>A fraction of the available items.</summary>
    Fraction,
}
