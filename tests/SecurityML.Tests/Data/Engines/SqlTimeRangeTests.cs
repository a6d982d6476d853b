using DuckDB.NET.Data;
using SecurityML.Data;
using SecurityML.Data.Engines;

namespace SecurityML.Tests.Data.Engines;

/// <summary>
/// <see cref="SqlTimeRange.Condition"/>, run by DuckDB over whole units around the bounds, keeps exactly the times
/// <see cref="TimeRange.Contains"/> keeps, for bounds on and between units, before and after 1970.
/// </summary>
public sealed class SqlTimeRangeTests
{
    [Theory]
    [InlineData(1L, 0L, 0L)]
    [InlineData(10L, 0L, 0L)]
    [InlineData(10L, 3L, 7L)]
    [InlineData(10L, -3L, 9L)]
    [InlineData(10_000L, 1L, 9_999L)]
    [InlineData(10_000L, -9_999L, 5_000L)]
    public void Keeps_the_units_whose_time_the_range_contains(long ticksPerUnit, long startOffset, long endOffset)
    {
        foreach (long epochTicks in new[] { 17_095_104_000_000_000L, -3_000_000_000_000L })
        {
            var start = DateTimeOffset.UnixEpoch.AddTicks(epochTicks + startOffset);
            var range = new TimeRange(start, start.AddTicks(5 * ticksPerUnit - startOffset + endOffset));
            long first = epochTicks / ticksPerUnit - 3;
            var units = Enumerable.Range(0, 12).Select(step => first + step).ToList();

            var expected = units
                .Where(unit => range.Contains(DateTimeOffset.UnixEpoch.AddTicks(unit * ticksPerUnit)))
                .ToList();

            Kept(units, SqlTimeRange.Condition("t", range, ticksPerUnit)).Should().Equal(expected);
            expected.Should().NotBeEmpty().And.HaveCountLessThan(units.Count);
        }
    }

    [Fact]
    public void An_open_end_is_no_bound()
    {
        var range = new TimeRange(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue);

        SqlTimeRange.Condition("t", range, SqlTimeRange.Microseconds).Should().Be("t >= 0");
        Kept([-1, 0, long.MaxValue / 2], SqlTimeRange.Condition("t", range, 1)).Should().Equal(0, long.MaxValue / 2);
    }

    private static List<long> Kept(IReadOnlyList<long> units, string condition)
    {
        using DuckDBConnection connection = DuckDbEngine.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText =
            $"SELECT t FROM unnest([{string.Join(", ", units)}]::BIGINT[]) AS u(t) WHERE {condition} ORDER BY t";
        using var reader = command.ExecuteReader();
        var kept = new List<long>();
        while (reader.Read())
            kept.Add(reader.GetInt64(0));
        return kept;
    }
}
