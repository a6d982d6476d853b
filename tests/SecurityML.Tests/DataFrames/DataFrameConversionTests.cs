using Microsoft.Data.Analysis;
using SecurityML.Data;
using SecurityML.DataFrames;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;

namespace SecurityML.Tests.DataFrames;

public class DataFrameConversionTests
{
    private static readonly string LogonsPath = Path.Combine(RepositoryPaths.SampleData, "Logons.csv");

    private static IReadOnlyList<LogonEvent> Logons() => CsvDataFile.Read<LogonEvent>(LogonsPath).ToList();

    [Fact]
    public void Records_to_frame_to_detector_scores_as_records_to_detector()
    {
        var logons = Logons();
        var direct = LogonAnomalyDetection.Run(logons);
        var viaFrame = LogonAnomalyDetection.Run(logons.ToDataFrame().ToRecords<LogonEvent>());

        viaFrame.Ranked.Should().HaveCount(direct.Ranked.Count);
        viaFrame
            .Ranked.Select(a => (a.Account, a.Date, a.Score))
            .Should()
            .Equal(direct.Ranked.Select(a => (a.Account, a.Date, a.Score)));
        direct
            .Ranked.Select(a => a.Score)
            .Distinct()
            .Should()
            .HaveCountGreaterThan(10, "the comparison must cover varied scores");
    }

    [Fact]
    public void Records_round_trip_through_a_frame_unchanged()
    {
        var logons = Logons();

        var back = logons.ToDataFrame().ToRecords<LogonEvent>();

        back.Should().Equal(logons);
    }

    [Fact]
    public void Positional_records_round_trip_and_score_the_same()
    {
        var values = Enumerable
            .Range(0, 40)
            .Select(i => new EntityValue($"user{i % 4}", i % 7 == 0 ? 90 + i : 10 + (i % 5)))
            .ToList();
        var model = new RobustZScoreDetector(new RobustZScoreOptions()).Fit(values);

        var back = values.ToDataFrame().ToRecords<EntityValue>();

        back.Should().Equal(values);
        model.Score(back).Should().Equal(model.Score(values));
    }

    [Fact]
    public void Column_types_follow_the_documented_rules()
    {
        var logon = new LogonEvent
        {
            TimeGenerated = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.FromHours(2)),
            EventID = 4624,
            TargetLogonId = "0x3e7",
        };

        var frame = new[] { logon }.ToDataFrame();

        frame.Columns.Select(c => c.Name).Should().StartWith(["TimeGenerated", "EventID", "Activity"]);
        frame.Columns["TimeGenerated"].DataType.Should().Be(typeof(DateTime));
        var time = (DateTime)frame.Columns["TimeGenerated"][0];
        time.Kind.Should().Be(DateTimeKind.Utc);
        time.Should().Be(new DateTime(2024, 3, 4, 8, 0, 0, DateTimeKind.Utc), "the offset is converted to UTC");
        frame.Columns["EventID"].DataType.Should().Be(typeof(int));
        frame.Columns["TargetLogonId"].DataType.Should().Be(typeof(string));
    }

    [Fact]
    public void A_frame_loaded_by_LoadCsv_reads_back_as_the_library_reads_the_file()
    {
        // LoadCsv guesses EventID and LogonType as floats and parses the timestamps as DateTime: they still convert.
        var frame = DataFrame.LoadCsv(LogonsPath);
        frame.Columns["EventID"].DataType.Should().NotBe(typeof(int), "this test is about LoadCsv's own column types");

        var records = frame.ToRecords<LogonEvent>(new DataFrameReadOptions { SourceName = "Logons.csv" });

        records.Should().Equal(Logons());
    }

    [Fact]
    public void Named_columns_map_to_members()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("UserPrincipalName", ["alice", "bob"]),
            new DoubleDataFrameColumn("Count", [3.0, 4.0])
        );

        var values = frame.ToRecords<EntityValue>(
            new DataFrameReadOptions
            {
                ColumnNames = new Dictionary<string, string> { ["Entity"] = "UserPrincipalName", ["Value"] = "Count" },
            }
        );

        values.Should().Equal(new EntityValue("alice", 3), new EntityValue("bob", 4));
    }

    [Fact]
    public void A_value_that_does_not_fit_names_the_column_and_row()
    {
        var frame = new[]
        {
            new LogonEvent { EventID = 4624 },
            new LogonEvent { EventID = 4625 },
        }.ToDataFrame();
        frame["EventID"] = new DoubleDataFrameColumn("EventID", [4624.0, 4624.5]);

        var read = () => frame.ToRecords<LogonEvent>();

        read.Should()
            .Throw<DataFormatException>()
            .Which.Message.Should()
            .Be(
                "DataFrame, column 'EventID': row 1: expected a whole number that fits Int32, received 4624.5 (Double)"
            );
    }

    [Fact]
    public void Null_in_a_number_column_and_bad_timestamp_text_are_errors()
    {
        var nulls = new DataFrame(
            new StringDataFrameColumn("Entity", ["a"]),
            new DoubleDataFrameColumn("Value", new double?[] { null })
        );
        var badTime = new[] { new LogonEvent() }.ToDataFrame();
        badTime["TimeGenerated"] = new StringDataFrameColumn("TimeGenerated", ["03/04/2024"]);

        nulls
            .Invoking(f => f.ToRecords<EntityValue>())
            .Should()
            .Throw<DataFormatException>()
            .WithMessage("DataFrame, column 'Value': row 0: expected a Double, received null");
        badTime
            .Invoking(f => f.ToRecords<LogonEvent>())
            .Should()
            .Throw<DataFormatException>()
            .WithMessage("*column 'TimeGenerated': row 0: expected an ISO 8601 timestamp*received '03/04/2024'");
    }

    [Fact]
    public void Missing_columns_are_listed_unless_allowed()
    {
        var frame = new DataFrame(new StringDataFrameColumn("Account", ["CONTOSO\\alice"]));

        var strict = () => frame.ToRecords<LogonEvent>();
        var lenient = frame.ToRecords<LogonEvent>(new DataFrameReadOptions { AllowMissingColumns = true });

        strict
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("DataFrame has no column 'TimeGenerated', 'EventID', *; its columns are: Account.*");
        lenient.Should().ContainSingle().Which.Should().Be(new LogonEvent { Account = "CONTOSO\\alice" });
    }

    [Fact]
    public void Null_rows_and_null_frames_are_rejected()
    {
        var rows = new LogonEvent?[] { new LogonEvent(), null };

        rows.Invoking(r => r.ToDataFrame()).Should().Throw<ArgumentNullException>().WithMessage("Row 1 is null.*");
        var noFrame = () => ((DataFrame)null!).ToRecords<LogonEvent>();
        noFrame.Should().Throw<ArgumentNullException>().WithParameterName("frame");
    }

    [Fact]
    public void Feature_vectors_become_one_double_column_per_feature()
    {
        var table = LogonFeatures.Build(LogonDailyAggregation.Summarize(Logons()));

        var frame = table.Vectors.ToDataFrame(table.FeatureNames);

        frame.Columns.Select(c => c.Name).Should().Equal(table.FeatureNames);
        frame.Rows.Count.Should().Be(table.Rows.Count);
        frame.Columns.Should().OnlyContain(c => c.DataType == typeof(double));
        ((double)frame.Columns[2][7]).Should().Be(table.Vectors[7][2]);
        var ragged = () => new[] { new double[] { 1, 2 }, new double[] { 3 } }.ToDataFrame(["a", "b"]);
        ragged.Should().Throw<ArgumentException>().WithMessage("Row 1: expected 2 features, received 1.*");
    }
}
