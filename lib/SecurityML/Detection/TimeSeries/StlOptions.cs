namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// Options of the STL decomposition (Seasonal-Trend decomposition using LOESS; R. B. Cleveland, W. S. Cleveland,
/// J. E. McRae and I. Terpenning, "STL: A Seasonal-Trend Decomposition Procedure Based on Loess", Journal of Official
/// Statistics 6(1), 3–73, 1990), with the names, defaults and derived lengths of statsmodels'
/// <c>statsmodels.tsa.seasonal.STL</c> (<c>period</c>, <c>seasonal</c>, <c>trend</c>, <c>low_pass</c>, the three
/// degrees and jumps, <c>robust</c>, and <c>fit(inner_iter, outer_iter)</c>).
/// </summary>
public sealed record StlOptions
{
    /// <summary>Default <see cref="Period"/>: 24 (hourly data with a daily cycle, as msticpy).</summary>
    public const int DefaultPeriod = 24;

    /// <summary>Default <see cref="Seasonal"/>: 7 (statsmodels and msticpy).</summary>
    public const int DefaultSeasonal = 7;

    /// <summary>Default degree of every LOESS: 1 (locally linear).</summary>
    public const int DefaultDegree = 1;

    /// <summary>Default jump of every LOESS: 1 (a fit at every point).</summary>
    public const int DefaultJump = 1;

    /// <summary>Inner iterations when <see cref="InnerIterations"/> is null and <see cref="Robust"/> is false:
    /// 5.</summary>
    public const int DefaultInnerIterations = 5;

    /// <summary>Inner iterations when <see cref="InnerIterations"/> is null and <see cref="Robust"/> is true:
    /// 2.</summary>
    public const int DefaultRobustInnerIterations = 2;

    /// <summary>Outer (robustness) iterations when <see cref="OuterIterations"/> is null and <see cref="Robust"/> is
    /// true: 15 (0 when not robust).</summary>
    public const int DefaultRobustOuterIterations = 15;

    /// <summary>The number of observations in one seasonal cycle (e.g. 24 for hourly data with a daily cycle); ≥ 2,
    /// default <see cref="DefaultPeriod"/>. A series needs at least two cycles.</summary>
    public int Period { get; init; } = DefaultPeriod;

    /// <summary>The length of the seasonal smoother (points of each cycle-subseries in a LOESS window); odd, ≥ 3,
    /// default <see cref="DefaultSeasonal"/>. Larger gives a seasonal shape that changes more slowly.</summary>
    public int Seasonal { get; init; } = DefaultSeasonal;

    /// <summary>The length of the trend smoother; odd, ≥ 3 and &gt; <see cref="Period"/>. Null (default) derives it as
    /// statsmodels does: the smallest odd integer ≥ ⌈1.5 × period / (1 − 1.5 / seasonal)⌉ (47 for 24 and 7).</summary>
    public int? Trend { get; init; }

    /// <summary>The length of the low-pass filter; odd, ≥ 3 and &gt; <see cref="Period"/>. Null (default) derives the
    /// smallest odd integer &gt; period (25 for 24).</summary>
    public int? LowPass { get; init; }

    /// <summary>Degree of the seasonal LOESS: 0 (local constant) or 1 (local line); default 1.</summary>
    public int SeasonalDegree { get; init; } = DefaultDegree;

    /// <summary>Degree of the trend LOESS: 0 or 1; default 1.</summary>
    public int TrendDegree { get; init; } = DefaultDegree;

    /// <summary>Degree of the low-pass LOESS: 0 or 1; default 1.</summary>
    public int LowPassDegree { get; init; } = DefaultDegree;

    /// <summary>Seasonal LOESS is fitted every this many points and linearly interpolated between; ≥ 1, default
    /// 1.</summary>
    public int SeasonalJump { get; init; } = DefaultJump;

    /// <summary>Trend LOESS is fitted every this many points; ≥ 1, default 1.</summary>
    public int TrendJump { get; init; } = DefaultJump;

    /// <summary>Low-pass LOESS is fitted every this many points; ≥ 1, default 1.</summary>
    public int LowPassJump { get; init; } = DefaultJump;

    /// <summary>Whether to down-weight outliers with bisquare robustness weights of the residuals (6 × median
    /// absolute residual); default false. Only changes the default iteration counts, as in statsmodels.</summary>
    public bool Robust { get; init; }

    /// <summary>Passes of the inner (seasonal-trend) loop per outer iteration; ≥ 1. Null (default): 2 when
    /// <see cref="Robust"/>, else 5.</summary>
    public int? InnerIterations { get; init; }

    /// <summary>Robustness iterations after the first fit; ≥ 0. Null (default): 15 when <see cref="Robust"/>, else
    /// 0.</summary>
    public int? OuterIterations { get; init; }

    /// <summary>The trend length used: <see cref="Trend"/> or the derived one.</summary>
    public int ResolvedTrend => Trend ?? MakeOdd((int)Math.Ceiling(1.5 * Period / (1 - 1.5 / Seasonal)));

    /// <summary>The low-pass length used: <see cref="LowPass"/> or the smallest odd integer &gt; period.</summary>
    public int ResolvedLowPass => LowPass ?? MakeOdd(Period + 1);

    /// <summary>The inner iteration count used.</summary>
    public int ResolvedInnerIterations =>
        InnerIterations ?? (Robust ? DefaultRobustInnerIterations : DefaultInnerIterations);

    /// <summary>The outer iteration count used.</summary>
    public int ResolvedOuterIterations => OuterIterations ?? (Robust ? DefaultRobustOuterIterations : 0);

    /// <summary>Throws when an option is out of range; the message names the option, the range and the value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public void Validate()
    {
        Require(Period >= 2, nameof(Period), Period, "an integer ≥ 2");
        Require(Seasonal >= 3 && Seasonal % 2 == 1, nameof(Seasonal), Seasonal, "an odd integer ≥ 3");
        Require(
            ResolvedTrend >= 3 && ResolvedTrend % 2 == 1 && ResolvedTrend > Period,
            nameof(Trend),
            ResolvedTrend,
            $"an odd integer ≥ 3 and > the period {Period}"
        );
        Require(
            ResolvedLowPass >= 3 && ResolvedLowPass % 2 == 1 && ResolvedLowPass > Period,
            nameof(LowPass),
            ResolvedLowPass,
            $"an odd integer ≥ 3 and > the period {Period}"
        );
        Require(SeasonalDegree is 0 or 1, nameof(SeasonalDegree), SeasonalDegree, "0 or 1");
        Require(TrendDegree is 0 or 1, nameof(TrendDegree), TrendDegree, "0 or 1");
        Require(LowPassDegree is 0 or 1, nameof(LowPassDegree), LowPassDegree, "0 or 1");
        Require(SeasonalJump >= 1, nameof(SeasonalJump), SeasonalJump, "an integer ≥ 1");
        Require(TrendJump >= 1, nameof(TrendJump), TrendJump, "an integer ≥ 1");
        Require(LowPassJump >= 1, nameof(LowPassJump), LowPassJump, "an integer ≥ 1");
        Require(ResolvedInnerIterations >= 1, nameof(InnerIterations), ResolvedInnerIterations, "an integer ≥ 1");
        Require(ResolvedOuterIterations >= 0, nameof(OuterIterations), ResolvedOuterIterations, "an integer ≥ 0");
    }

    private static int MakeOdd(int value) => value % 2 == 0 ? value + 1 : value;

    private static void Require(bool valid, string name, int value, string expected)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                $"STL option {name}: expected {expected}, received {value}."
            );
        }
    }
}
