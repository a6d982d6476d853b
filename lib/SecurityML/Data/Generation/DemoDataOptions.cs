namespace SecurityML.Data;

/// <summary>Options of <see cref="DemoDataGenerator"/>. The same options always give byte-identical files.</summary>
public sealed class DemoDataOptions
{
    /// <summary>Default <see cref="Seed"/>: 20240304.</summary>
    public const long DefaultSeed = 20240304;

    /// <summary>Default <see cref="Scale"/>: 1, the size of <c>sample-data/</c>.</summary>
    public const int DefaultScale = 1;

    /// <summary>Largest <see cref="Scale"/>: 1000.</summary>
    public const int MaximumScale = 1000;

    /// <summary>Default <see cref="Start"/>: Monday 2024-03-04 00:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Multiplies the number of people, their workstations and the process-creation hosts (not the servers or
    /// days); 1 to <see cref="MaximumScale"/>, default <see cref="DefaultScale"/>. Rows grow about linearly with
    /// it.</summary>
    public int Scale { get; init; } = DefaultScale;

    /// <summary>The seed of every random choice; default <see cref="DefaultSeed"/>.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>The first day of every data set (UTC midnight); default <see cref="DefaultStart"/>. The data sets
    /// cover 21 (logons), 14 (process creation), 30 (shares, Exchange, sign-ins) and 42 (outbound bytes)
    /// days.</summary>
    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>False (default): OCSF Network Activity is written as JSON Lines (<c>NetworkActivity.ocsf.jsonl</c>).
    /// True: it is written as Amazon Security Lake Parquet instead, in <c>NetworkActivity/region=us-east-1/
    /// accountId=123456789012/eventDay=yyyyMMdd/data_0.parquet</c> (see <see cref="SecurityLakeParquet"/>), which
    /// <see cref="LocalDataProvider"/> reads as the same records.</summary>
    public bool SecurityLake { get; init; }

    /// <summary>Throws when an option is out of range; the message gives the range and the value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="Scale"/> is outside 1..<see cref="MaximumScale"/>
    /// or <see cref="Start"/> is not a UTC midnight.</exception>
    public void Validate()
    {
        if (Scale is < 1 or > MaximumScale)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Scale),
                Scale,
                $"Expected a scale from 1 to {MaximumScale}, received {Scale}."
            );
        }
        if (Start.Offset != TimeSpan.Zero || Start.TimeOfDay != TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Start),
                Start,
                $"Expected a UTC midnight, received {Start:O}."
            );
        }
    }
}
