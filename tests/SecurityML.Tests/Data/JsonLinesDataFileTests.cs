using SecurityML.Data;

namespace SecurityML.Tests.Data;

public sealed class JsonLinesDataFileTests
{
    private const string GoodLine =
#pragma warning disable RCS0056 // a JSON line as written, kept on one line
        """{"activity_id":1,"category_uid":4,"class_uid":4001,"type_uid":400101,"severity_id":1,"time":1709539607647,"actor":{"user":{"name":"anna@contoso.com"}},"src_endpoint":{"ip":"73.97.9.170","instance_uid":"d1"},"dst_endpoint":{"ip":"203.0.113.1","port":443}}""";
#pragma warning restore RCS0056

    private static List<OcsfNetworkActivity> Read(string text, LoadReport? report = null) =>
        JsonLinesDataFile
            .Read<OcsfNetworkActivity>(
                new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)),
                "flows.jsonl",
                report
            )
            .ToList();

    [Fact]
    public void Reads_ocsf_fields_by_their_ocsf_names()
    {
        var row = Read(GoodLine + "\n").Single();

        row.ClassUid.Should().Be(4001);
        row.CategoryUid.Should().Be(4);
        row.TimeUtc.Should().Be(new DateTimeOffset(2024, 3, 4, 8, 6, 47, 647, TimeSpan.Zero));
        row.SourceEndpoint.Ip.Should().Be("73.97.9.170");
        row.SourceEndpoint.InstanceUid.Should().Be("d1");
        row.DestinationEndpoint!.Port.Should().Be(443);
        row.Actor!.User!.Name.Should().Be("anna@contoso.com");
    }

    [Fact]
    public void Round_trip_gives_equal_records_and_leaves_nulls_out()
    {
        var original = Read(GoodLine).Single();
        var writer = new StringWriter();

        JsonLinesDataFile.Write(writer, [original, original]);

        writer.ToString().Should().NotContain("null").And.Contain("\"class_uid\":4001");
        var again = Read(writer.ToString());
        again.Should().HaveCount(2);
        again[0].Should().BeEquivalentTo(original);
    }

    [Fact]
    public void Blank_lines_are_not_records()
    {
        Read($"\n{GoodLine}\n\n{GoodLine}\n").Should().HaveCount(2);
    }

    [Fact]
    public void Empty_file_throws()
    {
        var act = () => Read("\n\n");

        act.Should()
            .Throw<DataFormatException>()
            .Where(error => error.FilePath == "flows.jsonl" && error.Message.Contains("empty"));
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var act = () => Read($"{GoodLine}\n{{\"class_uid\":4001,\n");

        act.Should().Throw<DataFormatException>().Where(error => error.LineNumber == 2);
    }

    [Fact]
    public void Missing_required_property_is_named()
    {
        var act = () => Read(GoodLine.Replace("\"class_uid\":4001,", ""));

        act.Should()
            .Throw<DataFormatException>()
            .Where(error => error.LineNumber == 1 && error.Message.Contains("class_uid"));
    }

    [Fact]
    public void Bad_timestamp_names_the_property()
    {
        var act = () => Read(GoodLine.Replace("1709539607647", "\"yesterday\""));

        act.Should().Throw<DataFormatException>().Where(error => error.LineNumber == 1 && error.ColumnName == "time");
    }

    [Fact]
    public void Other_ocsf_class_is_rejected_with_expected_and_received()
    {
        var act = () => Read(GoodLine.Replace("\"class_uid\":4001", "\"class_uid\":3002"));

        act.Should()
            .Throw<DataFormatException>()
            .Where(error =>
                error.ColumnName == "class_uid" && error.Message.Contains("'3002'") && error.Message.Contains("4001")
            );
    }

    [Fact]
    public void Lenient_mode_skips_and_reports()
    {
        var report = new LoadReport();

        var rows = Read($"{GoodLine}\nnot json\nnull\n{GoodLine}\n", report);

        rows.Should().HaveCount(2);
        report.DroppedRowCount.Should().Be(2);
        report.DroppedRows.Select(row => row.LineNumber).Should().Equal(2, 3);
    }
}
