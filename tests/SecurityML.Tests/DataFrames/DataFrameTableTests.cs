using AngleSharp.Html.Parser;
using Microsoft.Data.Analysis;
using SecurityML.DataFrames;
using SecurityML.Runner.Formatting;

namespace SecurityML.Tests.DataFrames;

public class DataFrameTableTests
{
    private static DataFrame Frame() =>
        new(
            new StringDataFrameColumn("Account", ["<script>alert(1)</script>", "a&b"]),
            new DoubleDataFrameColumn("Score", [0.5, 0.25]),
            new PrimitiveDataFrameColumn<DateTime>(
                "TimeGenerated",
                [new DateTime(2024, 3, 4, 8, 0, 0, DateTimeKind.Utc), null]
            )
        );

    [Fact]
    public void A_frame_shows_as_a_table_with_its_column_names_and_text_encoded_once()
    {
        var html = Frame().ToDisplayTable().ToHtml();

        var document = new HtmlParser().ParseDocument(html);
        document
            .QuerySelectorAll("th")
            .Select(th => th.TextContent)
            .Should()
            .Equal("Account", "Score", "TimeGenerated");
        document.QuerySelectorAll("tbody tr").Should().HaveCount(2);
        document
            .QuerySelectorAll("tbody tr td")
            .Select(td => td.TextContent)
            .Should()
            .StartWith(["<script>alert(1)</script>", "0.5", "2024-03-04T08:00:00Z", "a&b", "0.25", ""]);
        document.QuerySelectorAll("script").Should().BeEmpty();
        html.Should().NotContain("&amp;lt;", "text is encoded once");
    }

    [Fact]
    public void Secml_renders_a_displayed_frame_as_the_same_html_table()
    {
        var frame = Frame();

        var formatted = ValueFormatter.Format(frame);

        formatted["text/html"].Should().Be(frame.ToDisplayTable().ToHtml());
        formatted.Should().ContainKey("text/plain");
    }

    [Fact]
    public void A_long_frame_shows_its_first_rows_and_counts_the_rest()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("EventID", Enumerable.Range(0, 120)));

        var table = frame.ToDisplayTable(maxRows: 10);

        table.Rows.Should().HaveCount(10);
        table.TotalRowCount.Should().Be(120);
        table.ToHtml().Should().Contain("first 10 of 120 rows shown");
    }
}
