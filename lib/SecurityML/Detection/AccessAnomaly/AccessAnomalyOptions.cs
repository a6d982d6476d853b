namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// Hyper-parameters of <see cref="AccessAnomalyDetector"/>, with the defaults of the reference implementation
/// (SynapseML <c>AccessAnomaly</c>, <c>synapse.ml.cyber</c>) plus a seed, which the reference does not have.
/// Checked once, by <see cref="Validate"/>, when a detector is created.
/// </summary>
public sealed record AccessAnomalyOptions
{
    /// <summary>Default <see cref="Rank"/>: 10 latent factors.</summary>
    public const int DefaultRank = 10;

    /// <summary>Default <see cref="NumberOfIterations"/>: 25 ALS iterations.</summary>
    public const int DefaultNumberOfIterations = 25;

    /// <summary>Default <see cref="RegularizationParameter"/>: 1.0.</summary>
    public const double DefaultRegularizationParameter = 1.0;

    /// <summary>Default <see cref="Alpha"/>: 1.0.</summary>
    public const double DefaultAlpha = 1.0;

    /// <summary>Default <see cref="ComplementSetFactor"/>: 2 sampled pairs per observed pair.</summary>
    public const int DefaultComplementSetFactor = 2;

    /// <summary>Default <see cref="ComplementRating"/>: 1.0.</summary>
    public const double DefaultComplementRating = 1.0;

    /// <summary>Default <see cref="LowValue"/>: 5.0.</summary>
    public const double DefaultLowValue = 5.0;

    /// <summary>Default <see cref="HighValue"/>: 10.0.</summary>
    public const double DefaultHighValue = 10.0;

    /// <summary>Default <see cref="Seed"/>: 42.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The largest <see cref="Rank"/> accepted (each row solves a Rank × Rank system).</summary>
    public const int MaximumRank = 1000;

    /// <summary>Number of latent factors per user and resource, in [1, <see cref="MaximumRank"/>]; default
    /// 10.</summary>
    public int Rank { get; init; } = DefaultRank;

    /// <summary>ALS iterations (each solves every user, then every resource), ≥ 1; default 25.</summary>
    public int NumberOfIterations { get; init; } = DefaultNumberOfIterations;

    /// <summary>The regularisation λ, &gt; 0 and finite; default 1.0. As in Spark's ALS, a row with n ratings is
    /// penalised by λ·n·‖factor‖² (weighted-λ regularisation, Zhou et al. 2008). Zero is refused because it can leave
    /// a row's normal equations singular.</summary>
    public double RegularizationParameter { get; init; } = DefaultRegularizationParameter;

    /// <summary>True (default) for implicit-feedback ALS (Hu, Koren and Volinsky 2008: every user × resource cell
    /// counts, observed pairs with confidence 1 + <see cref="Alpha"/>·rating); false for explicit ALS on the observed
    /// pairs plus sampled complement pairs (see <see cref="ComplementSetFactor"/>).</summary>
    public bool ImplicitFeedback { get; init; } = true;

    /// <summary>Implicit mode: the confidence slope α ≥ 0 (finite); default 1.0. Ignored in explicit mode.</summary>
    public double Alpha { get; init; } = DefaultAlpha;

    /// <summary>Explicit mode: random (user, resource) draws per observed pair of a tenant, ≥ 0; drawn pairs that
    /// were observed, or drawn twice, are dropped; default 2. Ignored in implicit mode.</summary>
    public int ComplementSetFactor { get; init; } = DefaultComplementSetFactor;

    /// <summary>Explicit mode: the rating of complement pairs, finite and &lt; <see cref="LowValue"/>; default 1.0.
    /// (The reference's <c>negScore</c>.) Ignored in implicit mode.</summary>
    public double ComplementRating { get; init; } = DefaultComplementRating;

    /// <summary>Lower end of the per-tenant linear rescaling of likelihoods, ≥ 1 (finite); default 5.0.</summary>
    public double LowValue { get; init; } = DefaultLowValue;

    /// <summary>Upper end of the rescaling, finite and &gt; <see cref="LowValue"/>; default 10.0. A tenant whose
    /// likelihoods are all equal gets the midpoint (7.5 by default).</summary>
    public double HighValue { get; init; } = DefaultHighValue;

    /// <summary>False (default): all tenants in one factorisation (users and resources still indexed per tenant);
    /// true: one factorisation per tenant. Scores are normalised per tenant either way.</summary>
    public bool SeparateTenants { get; init; }

    /// <summary>True (default): pairs in the access history given to the detector score exactly 0.</summary>
    public bool PreserveHistory { get; init; } = true;

    /// <summary>Seeds the initial factors and the complement sampling; default 42.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Threads used to solve rows: -1 (default) for all cores, or ≥ 1. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it, the range and
    /// the value received.</exception>
    public void Validate()
    {
        Require(Rank is >= 1 and <= MaximumRank, nameof(Rank), Rank, $"[1, {MaximumRank}]");
        Require(NumberOfIterations >= 1, nameof(NumberOfIterations), NumberOfIterations, "≥ 1");
        Require(
            double.IsFinite(RegularizationParameter) && RegularizationParameter > 0,
            nameof(RegularizationParameter),
            RegularizationParameter,
            "> 0 and finite"
        );
        Require(double.IsFinite(Alpha) && Alpha >= 0, nameof(Alpha), Alpha, "≥ 0 and finite");
        Require(ComplementSetFactor >= 0, nameof(ComplementSetFactor), ComplementSetFactor, "≥ 0");
        Require(double.IsFinite(LowValue) && LowValue >= 1, nameof(LowValue), LowValue, "≥ 1 and finite");
        Require(
            double.IsFinite(HighValue) && HighValue > LowValue,
            nameof(HighValue),
            HighValue,
            $"finite and > LowValue ({LowValue})"
        );
        Require(
            double.IsFinite(ComplementRating) && ComplementRating < LowValue,
            nameof(ComplementRating),
            ComplementRating,
            $"finite and < LowValue ({LowValue})"
        );
        Require(
            MaxDegreeOfParallelism == -1 || MaxDegreeOfParallelism >= 1,
            nameof(MaxDegreeOfParallelism),
            MaxDegreeOfParallelism,
            "-1 or ≥ 1"
        );
    }

    private static void Require(bool valid, string name, object value, string range)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{name} must be {range}; received {value}."
                )
            );
        }
    }
}
