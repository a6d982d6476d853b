using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates bytes sent out of the network per hour for 42 days: a daily shape (busy working hours), a weekly shape
/// (quiet weekends), an upward trend of 0.4 % a day and multiplicative noise. Planted: spikes at night, in the
/// afternoon and on a Saturday evening.
/// </summary>
internal sealed class OutboundBytesGenerator
{
    public const int Days = 42;
    public const string Entity = "network";
    private const double BytesPerHour = 150_000_000;
    private const double TrendPerDay = 0.004;
    private const double NoiseLevel = 0.06;

    /// <summary>Relative volume of each hour of the day (UTC).</summary>
    private static readonly double[] HourShape =
    [
        0.35,
        0.32,
        0.30,
        0.30,
        0.32,
        0.40,
        0.60,
        0.90,
        1.30,
        1.55,
        1.60,
        1.50,
        1.30,
        1.45,
        1.60,
        1.55,
        1.40,
        1.15,
        0.90,
        0.75,
        0.65,
        0.55,
        0.45,
        0.40,
    ];

    /// <summary>Relative volume of each day of the week, Sunday first.</summary>
    private static readonly double[] WeekShape = [0.40, 1.00, 1.05, 1.05, 1.00, 0.90, 0.45];

    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly int _scale;
    private readonly List<(int Day, int Hour, int Hours, double Factor, string Description)> _spikes =
    [
        (9, 3, 1, 8.0, "Wednesday night: eight times the usual volume at 03:00."),
        (24, 14, 1, 3.5, "Thursday afternoon: three and a half times the usual volume."),
        (33, 22, 2, 6.0, "Saturday evening: six times the usual volume for two hours."),
    ];

    public OutboundBytesGenerator(DemoDataOptions options)
    {
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 4);
        _scale = options.Scale;
    }

    public IReadOnlyList<AnomalyLabel> Labels =>
        _spikes
            .Select(spike =>
            {
                var start = _clock.Day(spike.Day).AddHours(spike.Hour);
                return DemoClock.Label(
                    DataSets.OutboundBytes,
                    Entity,
                    start,
                    start.AddHours(spike.Hours),
                    "VolumeSpike",
                    spike.Description
                );
            })
            .ToList();

    public IEnumerable<HourlyOutboundBytes> Generate()
    {
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            for (var hour = 0; hour < 24; hour++)
            {
                var expected =
                    BytesPerHour
                    * _scale
                    * HourShape[hour]
                    * WeekShape[(int)day.DayOfWeek]
                    * (1 + TrendPerDay * dayIndex);
                var noisy = expected * (1 + NoiseLevel * _random.NextNormal()) * SpikeFactor(dayIndex, hour);
                yield return new HourlyOutboundBytes
                {
                    TimeGenerated = day.AddHours(hour),
                    TotalBytesSent = (long)Math.Round(noisy),
                };
            }
        }
    }

    private double SpikeFactor(int dayIndex, int hour)
    {
        foreach (var spike in _spikes)
        {
            if (spike.Day == dayIndex && hour >= spike.Hour && hour < spike.Hour + spike.Hours)
            {
                return spike.Factor;
            }
        }
        return 1.0;
    }
}
