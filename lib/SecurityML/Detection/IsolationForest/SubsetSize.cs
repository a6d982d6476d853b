using System.Globalization;

namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// How many of the available items (training rows or features) one tree uses, as scikit-learn's
/// <c>max_samples</c> / <c>max_features</c> accept it: <see cref="Auto"/>, a count, or a fraction.
/// </summary>
/// <remarks>Resolve with <see cref="Resolve"/>. A count above the number available is clipped to it (scikit-learn
/// warns and does the same for <c>max_samples</c>); a fraction gives <c>floor(fraction × available)</c>.</remarks>
public readonly record struct SubsetSize
{
    /// <summary>scikit-learn's <c>"auto"</c> for <c>max_samples</c>: at most this many rows.</summary>
    public const int AutoSampleCount = 256;

    private SubsetSize(SubsetSizeKind kind, int count, double fraction)
    {
        Kind = kind;
        Count = count;
        Fraction = fraction;
    }

    /// <summary>min(<see cref="AutoSampleCount"/>, available): scikit-learn's <c>max_samples="auto"</c>.</summary>
    public static SubsetSize Auto { get; } = new(SubsetSizeKind.Auto, 0, 0);

    /// <summary>All available items (a fraction of 1.0, scikit-learn's default <c>max_features=1.0</c>).</summary>
    public static SubsetSize All { get; } = new(SubsetSizeKind.Fraction, 0, 1.0);

    /// <summary>Which form this size takes.</summary>
    public SubsetSizeKind Kind { get; }

    /// <summary>The count when <see cref="Kind"/> is <see cref="SubsetSizeKind.Count"/>; otherwise 0.</summary>
    public int Count { get; }

    /// <summary>The fraction when <see cref="Kind"/> is <see cref="SubsetSizeKind.Fraction"/>; otherwise 0.</summary>
    public double Fraction { get; }

    /// <summary>Exactly <paramref name="count"/> items (≥ 1), clipped to the number available.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static SubsetSize Of(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                $"Expected a count of at least 1, received {count}."
            );
        }
        return new SubsetSize(SubsetSizeKind.Count, count, 0);
    }

    /// <summary>floor(<paramref name="fraction"/> × available) items; <paramref name="fraction"/> in (0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not in (0, 1].</exception>
    public static SubsetSize OfFraction(double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(fraction),
                fraction,
                $"Expected a fraction in (0, 1], received {fraction.ToString(CultureInfo.InvariantCulture)}."
            );
        }
        return new SubsetSize(SubsetSizeKind.Fraction, 0, fraction);
    }

    /// <summary>The number of items to use out of <paramref name="available"/>.</summary>
    /// <param name="available">How many items there are (≥ 0).</param>
    /// <param name="autoCount">What <see cref="Auto"/> is capped at (<see cref="AutoSampleCount"/> for rows; pass
    /// <paramref name="available"/> for features).</param>
    /// <returns>A count in [0, <paramref name="available"/>]; 0 only when a fraction of a small number rounds
    /// down.</returns>
    public int Resolve(int available, int autoCount = AutoSampleCount) =>
        Kind switch
        {
            SubsetSizeKind.Auto => Math.Min(autoCount, available),
            SubsetSizeKind.Count => Math.Min(Count, available),
            _ => (int)(Fraction * available),
        };

    /// <summary>The scikit-learn spelling: <c>auto</c>, the count, or the fraction (invariant culture).</summary>
    public override string ToString() =>
        Kind switch
        {
            SubsetSizeKind.Auto => "auto",
            SubsetSizeKind.Count => Count.ToString(CultureInfo.InvariantCulture),
            _ => Fraction.ToString("R", CultureInfo.InvariantCulture),
        };
}
