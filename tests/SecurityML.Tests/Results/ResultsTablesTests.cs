using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.Clustering;
using SecurityML.Results;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Results;

/// <summary>The results-table catalogue: complete, every table with TimeGenerated and types a DCR accepts, and the
/// transformation that carries non-finite numbers.</summary>
public sealed class ResultsTablesTests
{
    private static readonly string[] AcceptedTypes =
    [
        "string",
        "int",
        "long",
        "real",
        "boolean",
        "datetime",
        "dynamic",
    ];

    private sealed record NoTime(string Entity, double Score);

    private sealed record WithTimeSpan(DateTimeOffset TimeGenerated, TimeSpan Duration);

    /// <summary>The table names the notebooks pass to WriteAsync: string literals, or Type.Constant resolved by
    /// reflection.</summary>
    private static List<string> NotebookTableNames()
    {
        var names = new List<string>();
        foreach (var path in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb"))
        {
            var text = File.ReadAllText(path);
            foreach (
                Match match in Regex.Matches(
                    text,
                    @"WriteAsync\((?:\\""(?<literal>\w+)\\""|(?<type>\w+)\.(?<constant>\w+))"
                )
            )
            {
                names.Add(
                    match.Groups["literal"].Success
                        ? match.Groups["literal"].Value
                        : ConstantValue(match.Groups["type"].Value, match.Groups["constant"].Value)
                );
            }
        }
        return names;
    }

    private static string ConstantValue(string typeName, string constant) =>
        (string)
            typeof(ResultsTables)
                .Assembly.GetTypes()
                .Single(type => type.Name == typeName)
                .GetField(constant, BindingFlags.Public | BindingFlags.Static)!
                .GetValue(null)!;

    [Fact]
    public void The_catalogue_holds_exactly_the_tables_the_notebooks_write()
    {
        var written = NotebookTableNames();

        written.Should().HaveCount(14).And.OnlyHaveUniqueItems();
        ResultsTables.All.Select(table => table.Name).Should().BeEquivalentTo(written);
        ResultsTables
            .All.Should()
            .OnlyContain(table => File.Exists(Path.Combine(RepositoryPaths.Notebooks, table.Notebook + ".ipynb")));
    }

    [Fact]
    public void Every_table_has_a_TimeGenerated_datetime_and_only_types_a_rule_accepts()
    {
        foreach (var table in ResultsTables.All)
        {
            table
                .Columns.Should()
                .ContainSingle(column => column.Name == "TimeGenerated" && column.Type == "datetime", table.Name);
            table.Columns[0].Name.Should().Be("TimeGenerated", "listed first");
            table
                .Columns.Select(column => column.Type)
                .Should()
                .OnlyContain(type => AcceptedTypes.Contains(type), table.Name);
            table
                .Columns.Select(column => column.StreamType)
                .Should()
                .OnlyContain(type => AcceptedTypes.Contains(type), table.Name);
            table.Columns.Select(column => column.Name).Should().OnlyHaveUniqueItems(table.Name);
            table.TableName.Should().EndWith("_CL").And.StartWith(table.Name.Replace("_CL", ""));
            table.StreamName.Should().Be("Custom-" + table.Name, "the results sink's default stream for the table");
            table.OutputStreamName.Should().Be("Custom-" + table.TableName);
        }
        ResultsTables.Named("ProcessClusters").TableName.Should().Be("ProcessClusters_CL");
        ResultsTables
            .Named(AnomalousResourceAccessResult.TableName)
            .TableName.Should()
            .Be("AnomalousResourceAccessResult_CL", "already a _CL name");
    }

    [Fact]
    public void Columns_are_the_json_properties_the_sinks_write()
    {
        var row = new LogonCountScore(
            new DateTimeOffset(2024, 3, 14, 0, 0, 0, TimeSpan.Zero),
            "alice",
            new DateOnly(2024, 3, 14),
            3,
            double.PositiveInfinity,
            true
        );
        var file = new StringWriter();
        SecurityML.Data.JsonLinesDataFile.Write(file, [row]);
        var written = JsonDocument
            .Parse(file.ToString())
            .RootElement.EnumerateObject()
            .Select(property => property.Name)
            .ToList();

        ResultsTables
            .Named("LogonCountScores")
            .Columns.Select(column => column.Name)
            .Should()
            .Equal(
                [.. written, SecurityML.Sentinel.LogsIngestionClient.RowIdColumnName],
                "the file's columns, then the ingestion row id"
            );
        ResultsTables
            .Named("AnomalyPeriods")
            .Columns.Select(column => column.Name)
            .Should()
            .Equal("TimeGenerated", "Start", "End", "SecmlRowId");
        ResultsTables
            .Named("LogonCountScores")
            .Columns.Select(column => column.Type)
            .Should()
            .Equal("datetime", "string", "datetime", "long", "real", "boolean", "string");
    }

    [Fact]
    public void A_row_type_without_TimeGenerated_or_with_an_unmappable_property_is_refused_by_name()
    {
        var noTime = new ResultsTable("NoTime", typeof(NoTime), "x", "a test table", "nothing");
        var timeSpan = new ResultsTable("Spans", typeof(WithTimeSpan), "x", "a test table", "now");

        noTime
            .Invoking(table => table.Columns)
            .Should()
            .Throw<NotSupportedException>()
            .WithMessage("*NoTime*TimeGenerated*Entity, Score*");
        timeSpan
            .Invoking(table => table.Columns)
            .Should()
            .Throw<NotSupportedException>()
            .WithMessage("*Spans*Duration*System.TimeSpan*");
        FluentActions
            .Invoking(() => new ResultsTable("bad name", typeof(NoTime), "x", "d", "t"))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*bad name*");
        FluentActions
            .Invoking(() => ResultsTables.Named("Nope"))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*LogonScores*Nope*");
    }

    [Fact]
    public void Real_columns_travel_as_dynamic_and_the_transformation_converts_each_and_nothing_else()
    {
        foreach (var table in ResultsTables.All)
        {
            var reals = table.Columns.Where(column => column.Type == "real").ToList();
            table.Columns.Where(column => column.StreamType == "dynamic").Should().BeEquivalentTo(reals, table.Name);
            if (reals.Count == 0)
            {
                table.TransformKql.Should().Be("source");
                continue;
            }
            table.TransformKql.Should().StartWith("source\n| extend ");
            var assigned = Regex
                .Matches(table.TransformKql, @"\['(\w+)'\] = case\(")
                .Select(match => match.Groups[1].Value);
            assigned.Should().Equal(reals.Select(column => column.Name), table.Name);
        }
        ResultsTables
            .Named(ProcessClusterReport.ResultsTableName)
            .TransformKql.Should()
            .Contain(
                "['Rarity'] = case(tostring(['Rarity']) == \"Infinity\", real(+inf), tostring(['Rarity']) == "
                    + "\"-Infinity\", real(-inf), "
                    + "tostring(['Rarity']) == \"NaN\", real(nan), todouble(['Rarity']))"
            );
    }

    [Fact]
    public void The_non_finite_strings_the_transformation_converts_are_those_both_sinks_write()
    {
        var row = new LogonCountScore(
            new DateTimeOffset(2024, 3, 14, 0, 0, 0, TimeSpan.Zero),
            "a",
            new DateOnly(2024, 3, 14),
            1,
            double.NaN,
            false
        );
        var local = new StringWriter();
        SecurityML.Data.JsonLinesDataFile.Write(
            local,
            [row, row with { Score = double.PositiveInfinity }, row with { Score = double.NegativeInfinity }]
        );
        var written = local
            .ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Score").GetString())
            .ToList();

        written.Should().Equal("NaN", "Infinity", "-Infinity");
        var table = ResultsTables.Named("LogonCountScores");
        var sentRows = SecurityML
            .Sentinel.JsonBatcher.Batches(
                new[]
                {
                    row,
                    row with
                    {
                        Score = double.PositiveInfinity,
                    },
                    row with
                    {
                        Score = double.NegativeInfinity,
                    },
                },
                1 << 20,
                table.StreamName
            )
            .SelectMany(batch => batch.Rows)
            .ToList();
        var sent = sentRows
            .Select(bytes => JsonDocument.Parse(bytes).RootElement.GetProperty("Score").GetString())
            .ToList();
        sent.Should().Equal(written, "the ingestion requests carry the same representation as the local files");
        sentRows
            .Select(bytes => ResultsRowChecker.Problems(table, System.Text.Encoding.UTF8.GetString(bytes)))
            .Should()
            .OnlyContain(
                problems => !problems.Any(),
                "a row as sent, row id included, is accepted by the generated stream"
            );
        foreach (var literal in written)
            ResultsTables.Named("LogonCountScores").TransformKql.Should().Contain($"== \"{literal}\"");
    }

    [Fact]
    public void The_row_checker_rejects_what_a_rule_would_drop()
    {
        var table = ResultsTables.Named("LogonCountScores");
        const string Good =
#pragma warning disable RCS0056 // a JSON line as written, kept on one line
            """{"TimeGenerated":"2024-03-14T00:00:00Z","Account":"a","Day":"2024-03-14","LogonCount":3,"Score":"Infinity","Planted":false}""";
#pragma warning restore RCS0056

        ResultsRowChecker.Problems(table, Good).Should().BeEmpty();
        ResultsRowChecker
            .Problems(table, Good.Replace("\"Infinity\"", "\"Inf\""))
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("Score");
        ResultsRowChecker
            .Problems(table, Good.Replace("3,", "\"3\","))
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("LogonCount");
        ResultsRowChecker
            .Problems(table, Good.Replace("\"Planted\"", "\"Extra\""))
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("Extra");
        ResultsRowChecker.Problems(table, Good.Replace("2024-03-14T00:00:00Z", "14/03/2024")).Should().HaveCount(2);
    }
}
