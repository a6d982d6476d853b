using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using SecurityML.Display;
using SecurityML.Runner.Formatting;

namespace SecurityML.Tests.Display;

/// <summary>The library's table display type: headers, alignment, number and time formats, truncation, and text
/// HTML-encoded exactly once. The HTML is parsed as XML, so each assertion reads the text a browser shows.</summary>
public sealed class DisplayTableTests
{
    private sealed record Transfer(
        string Host,
        long BytesSent,
        double Score,
        DateTimeOffset TimeGenerated,
        DateOnly Day
    );

    private sealed record Note(string Text);

    private sealed record Logon(int EventID, long SubjectLogonId, int DestinationPort, int Count);

    private sealed class Faulty
    {
        public string Name => "ok";

        public int Broken => throw new InvalidOperationException("getter failed");
    }

    private static readonly DateTimeOffset Noon = new(2024, 3, 20, 12, 5, 9, TimeSpan.Zero);

    private static Transfer[] Transfers() =>
        [
            new("fs01", 1_234_567_890, 0.75588993958464, Noon, new DateOnly(2024, 3, 20)),
            new("app01", 42, 12345.0, Noon.AddHours(1).ToOffset(TimeSpan.FromHours(2)), new DateOnly(2024, 3, 21)),
        ];

    private static XElement Parse(DisplayTable table) => XElement.Parse(table.ToHtml());

    private static List<string> Headers(XElement html) => html.Descendants("th").Select(th => th.Value).ToList();

    private static List<List<XElement>> Cells(XElement html) =>
        html.Descendants("tbody").Single().Elements("tr").Select(tr => tr.Elements("td").ToList()).ToList();

    private static string Count(XElement html) =>
        html.Descendants("div").Single(d => (string?)d.Attribute("class") == "secml-table-count").Value;

    [Fact]
    public void Columns_are_the_public_properties_in_declaration_order_with_byte_units_in_the_header()
    {
        var html = Parse(Transfers().ToTable());

        Headers(html).Should().Equal("Host", "BytesSent (bytes)", "Score", "TimeGenerated", "Day");
        Count(html).Should().Be("2 rows");
        ((string?)html.Attribute("style"))
            .Should()
            .Contain("overflow-x:auto", "wide tables scroll inside the output, not the page");
    }

    [Fact]
    public void Numbers_are_grouped_right_aligned_and_shown_to_about_four_significant_digits_in_any_culture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var rows = Cells(Parse(Transfers().ToTable()));

            rows[0][1].Value.Should().Be("1,234,567,890");
            rows[0][2].Value.Should().Be("0.7559");
            rows[1][1].Value.Should().Be("42");
            rows[1][2].Value.Should().Be("12,345");
            ((string?)rows[0][2].Attribute("style")).Should().Contain("text-align:right");
            ((string?)rows[0][0].Attribute("style")).Should().Contain("text-align:left");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Identifiers_and_ports_are_codes_shown_without_grouping_while_counts_are_grouped()
    {
        var cells = Cells(Parse(new[] { new Logon(4624, 2_045_381_554, 3389, 12_345) }.ToTable())).Single();

        cells.Select(c => c.Value).Should().Equal("4624", "2045381554", "3389", "12,345");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(8.89, "8.89")]
    [InlineData(12.3456, "12.35")]
    [InlineData(1234.56, "1,235")]
    [InlineData(0.000123456, "0.000123")]
    [InlineData(0.0000123, "1.23E-05")]
    [InlineData(2.5e16, "2.5E+16")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-∞")]
    public void Floating_point_values_read_as_a_person_would_write_them(double value, string expected)
    {
        var cell = Cells(Parse(new[] { value }.ToTable())).Single().Single();

        cell.Value.Should().Be(expected);
    }

    [Fact]
    public void Days_show_as_dates_and_instants_as_iso_8601_utc_with_one_precision_per_column()
    {
        var midnight = new DateTimeOffset(2024, 3, 20, 0, 0, 0, TimeSpan.Zero);
        var days = Cells(Parse(new[] { midnight, midnight.AddDays(1) }.ToTable()));
        var rows = Cells(Parse(Transfers().ToTable()));
        var mixed = Cells(Parse(new[] { Noon, Noon.AddMilliseconds(250) }.ToTable()));

        days.Select(r => r[0].Value).Should().Equal("2024-03-20", "2024-03-21");
        rows.Select(r => r[4].Value).Should().Equal("2024-03-20", "2024-03-21");
        rows.Select(r => r[3].Value).Should().Equal("2024-03-20T12:05:09Z", "2024-03-20T13:05:09Z");
        mixed.Select(r => r[0].Value).Should().Equal("2024-03-20T12:05:09.000Z", "2024-03-20T12:05:09.250Z");
    }

    [Fact]
    public void Long_text_is_cut_with_the_full_value_on_hover_and_short_text_is_not()
    {
        var full = "powershell.exe -NoP -NonI -W Hidden -Enc " + new string('A', 200);
        var rows = Cells(Parse(new[] { new Note(full), new Note("short") }.ToTable(maxTextLength: 40)));

        rows[0][0].Value.Should().HaveLength(40).And.EndWith("…").And.StartWith("powershell.exe -NoP");
        ((string?)rows[0][0].Attribute("title")).Should().Be(full);
        rows[1][0].Value.Should().Be("short");
        rows[1][0].Attribute("title").Should().BeNull();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"C:\\Windows\\system32\\cmd.exe\" /c echo 'x'")]
    [InlineData("&lt;b&gt; is already encoded &amp; stays literal")]
    [InlineData("<img src=x onerror=\"alert(1)\">")]
    public void Log_text_is_html_encoded_exactly_once_in_cells_headers_and_hover(string evil)
    {
        var long_ = evil + new string('x', 100);
        var table = new[] { new Note(evil), new Note(long_) }.ToTable().WithUnit(evil, "Text");
        var raw = table.ToHtml();
        var html = XElement.Parse(raw);
        var rows = Cells(html);

        rows[0][0].Value.Should().Be(evil, "the browser shows the log text itself, decoded once");
        ((string?)rows[1][0].Attribute("title")).Should().Be(long_);
        Headers(html).Single().Should().Be($"Text ({evil})");
        raw.Should().NotContain("<script").And.NotContain("<img").And.NotContain("&amp;quot;");
    }

    [Fact]
    public void Shows_at_most_max_rows_and_says_how_many_there_were()
    {
        var html = Parse(Enumerable.Range(1, 1234).Select(i => new { Id = i }).ToTable(maxRows: 50));
        var all = Parse(Enumerable.Range(1, 3).ToTable());

        Cells(html).Should().HaveCount(50);
        Cells(html)[^1][0].Value.Should().Be("50");
        Count(html).Should().Be("first 50 of 1,234 rows shown (maxRows: 50)");
        Count(all).Should().Be("3 rows");
        Headers(all).Should().Equal("Value");
    }

    [Fact]
    public void Columns_can_be_chosen_and_formatted_and_an_unknown_name_is_a_clear_error()
    {
        var table = Transfers()
            .ToTable()
            .Select("Score", "Host")
            .WithFormat("Score", "F1")
            .WithUnit("s", "Score", "Host")
            .WithUnit(null, "Host");
        var html = Parse(table);

        Headers(html).Should().Equal("Score (s)", "Host");
        Cells(html)[0][0].Value.Should().Be("0.8");
        var unknown = () => Transfers().ToTable().Select("Hots");
        unknown.Should().Throw<ArgumentException>().WithMessage("*'Hots'*Host, BytesSent, Score, TimeGenerated, Day*");
    }

    [Fact]
    public void Null_values_show_empty_and_a_failing_getter_keeps_its_row_with_the_error_named()
    {
        var rows = Cells(Parse(new[] { new Faulty() }.ToTable()));
        var nulls = Cells(Parse(new[] { new Note(null!) }.ToTable()));

        rows.Single().Select(c => c.Value).Should().Equal("ok", "(error: InvalidOperationException)");
        nulls.Single().Single().Value.Should().BeEmpty();
        ((string?)nulls.Single().Single().Attribute("title")).Should().Be("null");
    }

    [Fact]
    public void A_dictionary_shows_keys_and_values_and_one_object_shows_as_property_value_rows()
    {
        var metrics = new Dictionary<string, double> { ["precision"] = 0.5, ["recall"] = 1.0 };
        var dictionary = Parse(metrics.ToTable());
        var single = Parse(DisplayTables.OfProperties(Transfers()[0]));

        Headers(dictionary).Should().Equal("Key", "Value");
        Cells(dictionary).Select(r => r[1].Value).Should().Equal("0.5", "1");
        Headers(single).Should().Equal("Property", "Value");
        Cells(single)
            .Select(r => r[0].Value)
            .Should()
            .Equal("Host", "BytesSent (bytes)", "Score", "TimeGenerated", "Day");
        Cells(single)[1][1].Value.Should().Be("1,234,567,890");
        ((string?)Cells(single)[1][1].Attribute("style")).Should().Contain("text-align:right");
    }

    [Fact]
    public void Renders_through_its_formatter_source_by_the_convention_polyglot_and_secml_use()
    {
        var table = Transfers().ToTable();
        var attribute = typeof(DisplayTable)
            .GetCustomAttributes()
            .Single(candidate => candidate.GetType().Name == "TypeFormatterSourceAttribute");
        var formatter = new DisplayTableFormatterSource().CreateTypeFormatters().Single();
        var format = formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
        using var writer = new StringWriter();

        ((TypeFormatterSourceAttribute)attribute).FormatterSourceType.Should().Be(typeof(DisplayTableFormatterSource));
        ((bool)format.Invoke(formatter, [table, writer])!).Should().BeTrue();
        writer.ToString().Should().Be(table.ToHtml());
        ((bool)format.Invoke(formatter, ["not a table", new StringWriter()])!).Should().BeFalse();
        ValueFormatter.Format(table)["text/html"].Should().Be(table.ToHtml(), "secml shows what VS Code shows");
    }
}
