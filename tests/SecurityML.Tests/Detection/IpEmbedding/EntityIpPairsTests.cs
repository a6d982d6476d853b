using SecurityML.Data;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>Reading and checking (entity, IP) pairs.</summary>
public sealed class EntityIpPairsTests
{
    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", 4294967295u)]
    [InlineData("203.0.113.7", 3405803783u)]
    [InlineData("010.001.002.003", 167838211u)]
    public void Dotted_quads_parse(string text, uint expected) => Ipv4Address.Parse(text).Should().Be(expected);

    [Theory]
    [InlineData("", "*empty*")]
    [InlineData("2001:db8::1", "IPv6*not supported*")]
    [InlineData("1.2.3", "*a.b.c.d*")]
    [InlineData("1.2.3.4.5", "*a.b.c.d*")]
    [InlineData("1.2.3.256", "*a.b.c.d*")]
    [InlineData("1..2.3", "*a.b.c.d*")]
    [InlineData(" 1.2.3.4", "*a.b.c.d*")]
    [InlineData("1.2.3.1000", "*a.b.c.d*")]
    public void Anything_else_is_rejected_with_a_reason(string text, string reason)
    {
        Ipv4Address.TryParse(text, out _, out var problem).Should().BeFalse();
        problem.Should().Match(reason);
    }

    [Fact]
    public void Strict_checking_throws_at_the_first_bad_pair_and_lenient_checking_reports_it()
    {
        EntityIpPair[] pairs =
        [
            new("alice", "10.0.0.1"),
            new("bob", "::1"),
            new("", "10.0.0.2"),
            new("carol", "10.0.0.3"),
        ];

        FluentActions
            .Invoking(() => EntityIpPairs.Usable(pairs, sourceName: "pairs.csv"))
            .Should()
            .Throw<DataFormatException>()
            .WithMessage("pairs.csv, line 2, column 'IpAddress': IPv6*");
        var report = new LoadReport();
        EntityIpPairs.Usable(pairs, report).Select(pair => pair.Entity).Should().Equal("alice", "carol");
        report.DroppedRowCount.Should().Be(2);
        report.DroppedRows[1].ColumnName.Should().Be("Entity");
    }

    [Fact]
    public void Csv_pairs_are_read_with_line_numbers_counting_the_header()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("pairs.csv", "Entity,IpAddress\nalice,10.0.0.1\nbob,not-an-ip\n");
        var report = new LoadReport();

        EntityIpPairs.ReadCsv(path, report).Should().Equal(new EntityIpPair("alice", "10.0.0.1"));
        report.DroppedRows.Should().ContainSingle().Which.LineNumber.Should().Be(3);
    }

    [Fact]
    public void Csv_pairs_after_a_blank_line_a_bad_row_and_a_quoted_line_break_keep_their_file_lines_and_count()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write(
            "pairs.csv",
            "Entity,IpAddress\n\nalice,10.0.0.1,x\n\"bo\nb\",10.0.0.2\n,10.0.0.3\ncarol,::1\ndave,10.0.0.4\n"
        );
        var report = new LoadReport();

        EntityIpPairs
            .ReadCsv(path, report)
            .Should()
            .Equal(new EntityIpPair("bo\nb", "10.0.0.2"), new EntityIpPair("dave", "10.0.0.4"));
        report
            .DroppedRows.Select(row => (row.LineNumber, row.ColumnName))
            .Should()
            .Equal((3, null), (6, "Entity"), (7, "IpAddress"));
        report.DroppedRows[2].Message.Should().Contain("IPv4 addresses only").And.Contain("received '::1'");
        (report.RowCount, report.DroppedRowCount).Should().Be((2, 3));
    }

    [Fact]
    public void Demo_sign_ins_and_ocsf_flows_give_the_same_pairs()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);

        var fromSignIns = EntityIpPairs.FromSignIns(provider.SignIns());
        var fromOcsf = EntityIpPairs.FromNetworkActivity(provider.NetworkActivity());

        fromOcsf.Should().Equal(fromSignIns);
        EntityIpPairs.Usable(fromOcsf).Should().HaveCount(fromOcsf.Count);
        EntityIpPairs
            .FromNetworkActivity(provider.NetworkActivity().Take(1), OcsfEntity.InstanceUid)[0]
            .Entity.Should()
            .NotContain("@");
    }
}
