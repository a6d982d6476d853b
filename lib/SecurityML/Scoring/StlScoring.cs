using System.Text.Json.Nodes;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Scoring;

/// <summary>
/// Scoring units of an STL model: points of its series. Events (<c>TimeGenerated</c> and the value field: the card's
/// single feature name, else <c>Value</c> or <c>TotalBytesSent</c>) are bucketed like the training series (summed per
/// <see cref="StlAnomalyOptions.Interval"/> on the stored series' grid), appended to the stored history (a bucket at a
/// stored time replaces that value, as a late or corrected value), gaps are filled with 0 as the notebook does, and
/// the whole series is decomposed again with the model's options; each input bucket is one unit scored by its
/// residual z-score. Aggregating: units are scored when the input ends. The model file is not changed.
/// </summary>
public static class StlScoring
{
    /// <summary>Value fields tried when the card names no single feature.</summary>
    public static readonly IReadOnlyList<string> ValueFields = ["Value", "TotalBytesSent"];

    /// <summary>The scorer. Unit <c>{"time","value"}</c>; explanation
    /// <c>{"baseline","trend","seasonal","residual"}</c>.</summary>
    public static IEventScorer Create(StlAnomalyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string[] valueFields = model.Card.Features.Count == 1 ? [model.Card.Features[0]] : [.. ValueFields];
        return new UnitScorer<TimeSeriesPoint, StlScoredPoint>(
            model.Card,
            @event => Read(@event, valueFields),
            records => Build(model, records),
            points => points.Select(point => new UnitScore(point.Score)).ToList(),
            aggregates: true
        )
        {
            Explain = unit => new JsonObject
            {
                ["baseline"] = unit.Input.Baseline,
                ["trend"] = unit.Input.Trend,
                ["seasonal"] = unit.Input.Seasonal,
                ["residual"] = unit.Input.Residual,
            },
        };
    }

    private static UnitSet<StlScoredPoint> Build(
        StlAnomalyModel model,
        IReadOnlyList<LineRecord<TimeSeriesPoint>> records
    )
    {
        var interval = model.Options.Interval;
        var origin = model.Rows[0].TimeGenerated;
        var buckets = records
            .GroupBy(record => Bucket(record.Record.TimeGenerated, origin, interval))
            .ToDictionary(
                group => group.Key,
                group =>
                    (
                        Value: group.Sum(record => record.Record.Value),
                        Lines: group.Select(record => record.Line).ToList()
                    )
            );
        var series = model.Rows.ToDictionary(row => row.TimeGenerated, row => row.Value);
        foreach (var (time, bucket) in buckets)
            series[time] = bucket.Value;
        IReadOnlyList<StlScoredPoint> rows;
        try
        {
            var points = TimeSeriesPoints.FillGaps(
                series.OrderBy(pair => pair.Key).Select(pair => new TimeSeriesPoint(pair.Key, pair.Value)).ToList(),
                interval
            );
            rows = new StlAnomalyDetector(model.Options).Fit(points).Rows;
        }
        catch (ArgumentException exception)
        {
            return new UnitSet<StlScoredPoint>(
                [],
                [
                    UnitResult.Bad(
                        records.Select(record => record.Line).ToList(),
                        $"the series cannot be decomposed: {exception.Message}"
                    ),
                ]
            );
        }
        var byTime = rows.ToDictionary(row => row.TimeGenerated);
        return new UnitSet<StlScoredPoint>(
            buckets
                .OrderBy(pair => pair.Key)
                .Select(pair => new ScoringUnit<StlScoredPoint>(
                    byTime[pair.Key],
                    new JsonObject { ["time"] = ScoringJson.Time(pair.Key), ["value"] = pair.Value.Value },
                    pair.Value.Lines
                )
                {
                    Start = pair.Key,
                    End = pair.Key + interval,
                })
                .ToList()
        );
    }

    private static TimeSeriesPoint Read(JsonObject @event, string[] valueFields)
    {
        var time = EventRecords.Read<TimeTag>(@event, nameof(TimeTag.TimeGenerated)).TimeGenerated;
        return new TimeSeriesPoint(time, EventFields.FiniteNumber(@event, valueFields));
    }

    private static DateTimeOffset Bucket(DateTimeOffset time, DateTimeOffset origin, TimeSpan interval)
    {
        long offset = time.UtcTicks - origin.UtcTicks;
        long steps = offset / interval.Ticks - (offset % interval.Ticks < 0 ? 1 : 0);
        return new DateTimeOffset(origin.UtcTicks + steps * interval.Ticks, TimeSpan.Zero);
    }

    private sealed record TimeTag
    {
        public DateTimeOffset TimeGenerated { get; init; }
    }
}
