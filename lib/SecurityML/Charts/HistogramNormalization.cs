using System.Runtime.Serialization;

namespace SecurityML.Charts;

/// <summary>What a histogram bar's height means (plotly <c>histnorm</c>); unset means a count of values.</summary>
public enum HistogramNormalization
{
    /// <summary>The percentage of all values that fall in the bin (<c>percent</c>), 0–100.</summary>
    [EnumMember(Value = "percent")]
    Percent,

    /// <summary>The fraction of all values that fall in the bin (<c>probability</c>), 0–1; bars sum to 1.</summary>
    [EnumMember(Value = "probability")]
    Probability,

    /// <summary>The count divided by the bin width (<c>density</c>).</summary>
    [EnumMember(Value = "density")]
    Density,

    /// <summary>The fraction divided by the bin width (<c>probability density</c>); the bars' area is 1, so
    /// histograms of samples of different sizes compare.</summary>
    [EnumMember(Value = "probability density")]
    ProbabilityDensity,
}
