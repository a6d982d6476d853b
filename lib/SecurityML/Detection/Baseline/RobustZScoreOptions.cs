using System.Globalization;
using System.Text.Json.Nodes;

namespace SecurityML.Detection.Baseline;

/// <summary>Hyper-parameters of <see cref="RobustZScoreDetector"/>; checked once by <see cref="Validate"/>.</summary>
public sealed record RobustZScoreOptions
{
    /// <summary>Default <see cref="MinimumHistory"/>: 5 observations.</summary>
    public const int DefaultMinimumHistory = 5;

    /// <summary>Default <see cref="MinimumScale"/>: 0 (a constant history makes any other value score +∞).</summary>
    public const double DefaultMinimumScale = 0;

    /// <summary>Default <see cref="FeatureName"/>: "Value".</summary>
    public const string DefaultFeatureName = "Value";

    /// <summary>Default <see cref="EntityField"/>: "Entity".</summary>
    public const string DefaultEntityField = "Entity";

    /// <summary>Fewest observations an entity needs to be scored (fewer: its scores are NaN), ≥ 1; default
    /// <see cref="DefaultMinimumHistory"/>.</summary>
    public int MinimumHistory { get; init; } = DefaultMinimumHistory;

    /// <summary>Lower bound of the scale (1.4826 × MAD) in the feature's units, ≥ 0; default
    /// <see cref="DefaultMinimumScale"/>. Set it for counts, whose MAD is often 0.</summary>
    public double MinimumScale { get; init; } = DefaultMinimumScale;

    /// <summary>Which deviations count; default <see cref="DeviationDirection.Both"/>.</summary>
    public DeviationDirection Direction { get; init; } = DeviationDirection.Both;

    /// <summary>The feature's name, in the model card, explanations and (as the field holding the value) events
    /// scored by <c>secml score</c>; default <see cref="DefaultFeatureName"/>.</summary>
    public string FeatureName { get; init; } = DefaultFeatureName;

    /// <summary>The event field holding the entity, for <c>secml score</c>; default
    /// <see cref="DefaultEntityField"/>.</summary>
    public string EntityField { get; init; } = DefaultEntityField;

    /// <summary>Checks every value; messages name the parameter, its range and the value received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public void Validate()
    {
        if (MinimumHistory < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MinimumHistory),
                MinimumHistory,
                $"MinimumHistory must be ≥ 1; received {MinimumHistory}."
            );
        }
        if (!(MinimumScale >= 0 && double.IsFinite(MinimumScale)))
        {
            throw new ArgumentOutOfRangeException(
                nameof(MinimumScale),
                MinimumScale,
                $"MinimumScale must be finite and ≥ 0; received {MinimumScale.ToString(CultureInfo.InvariantCulture)}."
            );
        }
        if (!Enum.IsDefined(Direction))
            throw new ArgumentOutOfRangeException(nameof(Direction), Direction, "Direction must be Both or Above.");
        ArgumentException.ThrowIfNullOrWhiteSpace(FeatureName);
        ArgumentException.ThrowIfNullOrWhiteSpace(EntityField);
    }

    /// <summary>The options as JSON for the model card.</summary>
    public JsonObject ToJson() =>
        new()
        {
            ["minimumHistory"] = MinimumHistory,
            ["minimumScale"] = MinimumScale,
            ["direction"] = Direction.ToString(),
            ["featureName"] = FeatureName,
            ["entityField"] = EntityField,
        };

    /// <summary>Reads options written by <see cref="ToJson"/> (camelCase keys, as every model card holds them; not
    /// validated: call <see cref="Validate"/>).</summary>
    /// <exception cref="FormatException">A key is missing or holds another type of value (named).</exception>
    public static RobustZScoreOptions FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var direction = Value<string>(json, "direction");
        return new()
        {
            MinimumHistory = Value<int>(json, "minimumHistory"),
            MinimumScale = Value<double>(json, "minimumScale"),
            Direction =
                Enum.TryParse<DeviationDirection>(direction, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new FormatException(
                        $"Option 'direction': expected Both or Above, received \"{direction}\"."
                    ),
            FeatureName = Value<string>(json, "featureName"),
            EntityField = Value<string>(json, "entityField"),
        };
    }

    private static T Value<T>(JsonObject json, string key)
    {
        try
        {
            return json[key] is JsonValue value
                ? value.GetValue<T>()
                : throw new FormatException(
                    $"Option '{key}': expected a {typeof(T).Name}, received {json[key]?.ToJsonString() ?? "nothing"}."
                );
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException(
                $"Option '{key}': expected a {typeof(T).Name}, received {json[key]!.ToJsonString()}.",
                e
            );
        }
    }
}
