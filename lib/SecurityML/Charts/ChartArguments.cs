using System.Globalization;

namespace SecurityML.Charts;

/// <summary>The argument checks of the <see cref="Chart"/> builders, with messages that say what was expected
/// and what was received.</summary>
internal static class ChartArguments
{
    /// <summary>Throws if <paramref name="values"/> is given and has not one value per value of
    /// <paramref name="referenceName"/>.</summary>
    public static void RequireSameLength<T>(
        IReadOnlyList<T>? values,
        string parameterName,
        int expectedLength,
        string referenceName
    )
    {
        if (values is not null && values.Count != expectedLength)
        {
            throw new ArgumentException(
                $"Expected {expectedLength} values in '{parameterName}' (one per value of '{referenceName}'), "
                    + $"received {values.Count}.",
                parameterName
            );
        }
    }

    /// <summary>Throws if <paramref name="values"/> has fewer than <paramref name="minimumLength"/> values.</summary>
    public static void RequireMinimumLength<T>(IReadOnlyList<T> values, string parameterName, int minimumLength)
    {
        if (values.Count < minimumLength)
        {
            throw new ArgumentException(
                $"Expected at least {minimumLength} values in '{parameterName}', received {values.Count}.",
                parameterName
            );
        }
    }

    /// <summary>Throws if <paramref name="value"/> is given and is NaN or infinite.</summary>
    public static void RequireFinite(double? value, string parameterName)
    {
        if (value is { } number && !double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(parameterName, number, "Expected a finite number.");
        }
    }

    /// <summary>Throws if <paramref name="value"/> is given and is NaN or outside
    /// [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static void RequireWithin(double? value, string parameterName, double minimum, double maximum)
    {
        if (value is { } number && !(number >= minimum && number <= maximum))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                number,
                $"Expected a number in [{Format(minimum)}, {Format(maximum)}]."
            );
        }
    }

    /// <summary>Throws if <paramref name="value"/> is given and is below 1.</summary>
    public static void RequirePositive(int? value, string parameterName)
    {
        if (value is < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "Expected 1 or more.");
        }
    }

    /// <summary>Throws at the first value of <paramref name="values"/> that is NaN, infinite or outside
    /// [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static void RequireAllWithin(
        IReadOnlyList<double> values,
        string parameterName,
        double minimum,
        double maximum
    )
    {
        for (int index = 0; index < values.Count; index++)
        {
            double value = values[index];
            if (!(value >= minimum && value <= maximum))
            {
                throw new ArgumentException(
                    $"Expected every value of '{parameterName}' in [{Format(minimum)}, {Format(maximum)}], received "
                        + $"{Format(value)} at index {index}.",
                    parameterName
                );
            }
        }
    }

    /// <summary>Throws at the first value of <paramref name="values"/> that is NaN or infinite.</summary>
    public static void RequireAllFinite(IReadOnlyList<double> values, string parameterName) =>
        RequireAllWithin(values, parameterName, double.MinValue, double.MaxValue);

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
