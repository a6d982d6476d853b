using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace SecurityML.Sentinel;

/// <summary>
/// Turns the rows of a <see cref="LogAnalyticsTable"/> into records of <typeparamref name="T"/>: each public settable
/// property takes the column of the same name (case-insensitive). Numbers widen or narrow with overflow checks,
/// anything becomes a string in invariant culture, a null cell leaves the property's default.
/// </summary>
/// <typeparam name="T">A record type with a parameterless constructor, e.g. <see cref="Data.LogonEvent"/>.</typeparam>
public static class LogAnalyticsRecordMapper<T>
    where T : class
{
    private static readonly PropertyInfo[] Properties = typeof(T)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.CanWrite && property.GetIndexParameters().Length == 0)
        .ToArray();

    private static readonly ConcurrentDictionary<string, int[]> Plans = new();

    /// <summary>Maps every row of <paramref name="table"/>.</summary>
    /// <exception cref="FormatException">When a property has no column (the message lists the missing and the received
    /// columns) or a value cannot convert (the message names the row and column).</exception>
    public static IEnumerable<T> Map(LogAnalyticsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plan = PlanFor(table);
        for (var rowIndex = 0; rowIndex < table.Rows.Count; rowIndex++)
        {
            yield return MapRow(table, plan, rowIndex);
        }
    }

    private static int[] PlanFor(LogAnalyticsTable table)
    {
        var key = string.Join("\u0001", table.Columns.Select(column => column.Name));
        return Plans.GetOrAdd(
            key,
            _ =>
            {
                var plan = Properties.Select(property => table.IndexOf(property.Name)).ToArray();
                var missing = Properties
                    .Where((_, index) => plan[index] < 0)
                    .Select(property => property.Name)
                    .ToList();
                if (missing.Count > 0)
                {
                    throw new FormatException(
                        $"The result cannot fill {typeof(T).Name}: missing columns [{string.Join(", ", missing)}]; "
                            + $"received [{string.Join(", ", table.Columns.Select(column => column.Name))}]."
                    );
                }
                return plan;
            }
        );
    }

    private static T MapRow(LogAnalyticsTable table, int[] plan, int rowIndex)
    {
        var record = Activator.CreateInstance<T>();
        var row = table.Rows[rowIndex];
        for (var index = 0; index < Properties.Length; index++)
        {
            var value = row[plan[index]];
            if (value is null)
            {
                continue;
            }
            var property = Properties[index];
            try
            {
                property.SetValue(record, Convert(value, property.PropertyType));
            }
            catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
            {
                throw new FormatException(
                    $"Row {rowIndex} column '{property.Name}': expected a value convertible to "
                        + $"{property.PropertyType.Name}, received a {value.GetType().Name}.",
                    exception
                );
            }
        }
        return record;
    }

    private static object Convert(object value, Type target)
    {
        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }
        if (target == typeof(string))
        {
            return value switch
            {
                DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }
        if (target == typeof(DateTimeOffset) && value is string text)
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }
        if (target == typeof(DateOnly) && value is DateTimeOffset day)
        {
            return DateOnly.FromDateTime(day.UtcDateTime);
        }
        if (target.IsEnum)
        {
            return value is string name ? Enum.Parse(target, name, ignoreCase: true) : Enum.ToObject(target, value);
        }
        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
