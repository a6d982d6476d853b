using System.Globalization;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>Options of <see cref="PrefixFrequencyDetector"/>, the per-entity prefix-frequency baseline.</summary>
public sealed record PrefixFrequencyOptions
{
    /// <summary>Default <see cref="PrefixLength"/>: 16 (the /16 network of the address).</summary>
    public const int DefaultPrefixLength = 16;

    /// <summary>Default <see cref="Smoothing"/>: 1 pseudo-observation.</summary>
    public const double DefaultSmoothing = 1;

    /// <summary>The network prefix counted per entity, in bits: 8, 16, 24 or 32; default
    /// <see cref="DefaultPrefixLength"/>.</summary>
    public int PrefixLength { get; init; } = DefaultPrefixLength;

    /// <summary>Pseudo-observations spread over prefixes by their popularity across all entities (additive
    /// smoothing towards the population), &gt; 0 and ≤ 1,000,000; default <see cref="DefaultSmoothing"/>. It orders
    /// the prefixes an entity never used: popular networks score lower than networks nobody used.</summary>
    public double Smoothing { get; init; } = DefaultSmoothing;

    /// <summary>Checks every value; the message names the parameter, its range and the value received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (PrefixLength is not (8 or 16 or 24 or 32))
        {
            throw new ArgumentOutOfRangeException(
                nameof(PrefixLength),
                PrefixLength,
                $"{nameof(PrefixLength)} must be 8, 16, 24 or 32; received {PrefixLength}."
            );
        }
        if (!(Smoothing > 0 && Smoothing <= 1_000_000))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Smoothing),
                Smoothing,
                $"{nameof(Smoothing)} must be in (0, 1000000]; received "
                    + $"{Smoothing.ToString(CultureInfo.InvariantCulture)}."
            );
        }
    }

    /// <summary>Reads the options from a model card's JSON (as <see cref="ToJson"/> writes them).</summary>
    /// <exception cref="InvalidDataException">A key is missing or not a number (named).</exception>
    internal static PrefixFrequencyOptions FromJson(JsonObject json)
    {
        try
        {
            return new PrefixFrequencyOptions
            {
                PrefixLength =
                    json["prefixLength"]?.GetValue<int>()
                    ?? throw new InvalidDataException(
                        "header field 'Card.Options.prefixLength': expected a number, received nothing"
                    ),
                Smoothing =
                    json["smoothing"]?.GetValue<double>()
                    ?? throw new InvalidDataException(
                        "header field 'Card.Options.smoothing': expected a number, received nothing"
                    ),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException(
                $"header field 'Card.Options': expected prefixLength and smoothing as numbers ({e.Message})",
                e
            );
        }
    }

    /// <summary>The options as JSON for the model card.</summary>
    public JsonObject ToJson() => new() { ["prefixLength"] = PrefixLength, ["smoothing"] = Smoothing };
}
