using System.Globalization;

namespace SecurityML.Detection.Clustering;

/// <summary>
/// Hyper-parameters of <see cref="Dbscan"/> and <see cref="DbscanDetector"/>. Defaults are msticpy's
/// <c>dbcluster_events</c> defaults (eps 0.01, two samples, rows normalised to unit length), not scikit-learn's
/// (eps 0.5, five samples, no normalisation).
/// </summary>
public sealed record DbscanOptions
{
    /// <summary>Default of <see cref="MaximumDistance"/>: msticpy's <c>max_cluster_distance</c>, 0.01.</summary>
    public const double DefaultMaximumDistance = 0.01;

    /// <summary>Default of <see cref="MinimumSamples"/>: msticpy's <c>min_cluster_samples</c>, 2.</summary>
    public const int DefaultMinimumSamples = 2;

    /// <summary>Default of <see cref="NormalizeRows"/>: true, as msticpy.</summary>
    public const bool DefaultNormalizeRows = true;

    /// <summary>
    /// The neighbourhood radius (scikit-learn's <c>eps</c>): two points are neighbours when their Euclidean distance
    /// is at most this (inclusive, compared as squared distances). Finite and &gt; 0; default
    /// <see cref="DefaultMaximumDistance"/>. With <see cref="NormalizeRows"/> rows lie on the unit sphere, so useful
    /// values are well below 2.
    /// </summary>
    public double MaximumDistance { get; init; } = DefaultMaximumDistance;

    /// <summary>
    /// The number of points within <see cref="MaximumDistance"/>, the point itself included, that makes a point a
    /// core point (scikit-learn's <c>min_samples</c>). ≥ 1; default <see cref="DefaultMinimumSamples"/>. With 1 every
    /// point is a core point and there is no noise.
    /// </summary>
    public int MinimumSamples { get; init; } = DefaultMinimumSamples;

    /// <summary>
    /// Scale each row to unit Euclidean length before clustering (scikit-learn's <c>Normalizer</c>, as msticpy does);
    /// all-zero rows stay zero. Clusters then group rows by the proportions of their features, not their size.
    /// Default <see cref="DefaultNormalizeRows"/>.
    /// </summary>
    public bool NormalizeRows { get; init; } = DefaultNormalizeRows;

    /// <summary>Checks the values; called once by every consumer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the option, the range
    /// and the value received.</exception>
    public void Validate()
    {
        if (!double.IsFinite(MaximumDistance) || MaximumDistance <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaximumDistance),
                MaximumDistance,
                $"{nameof(MaximumDistance)} must be finite and greater than 0; received "
                    + $"{MaximumDistance.ToString(CultureInfo.InvariantCulture)}."
            );
        }
        if (MinimumSamples < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MinimumSamples),
                MinimumSamples,
                $"{nameof(MinimumSamples)} must be at least 1; received "
                    + $"{MinimumSamples.ToString(CultureInfo.InvariantCulture)}."
            );
        }
    }
}
