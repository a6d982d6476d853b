using System.Globalization;
using System.Text.Json;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class FigureJsonTests
{
    private const string ScriptBreakout = "</script><script>alert(1)</script>";
    private const string ImageBreakout = "<img src=x onerror=alert(1)>";

    private static JsonElement Parse(Figure figure) => JsonDocument.Parse(FigureJson.Serialize(figure)).RootElement;

    [Fact]
    public void Writes_data_layout_and_config_with_plotly_names_and_omits_unset_properties()
    {
        var figure = new Figure
        {
            Data =
            {
                new Scatter
                {
                    X = new[] { 1.0, 2.0 },
                    Y = new[] { 3.5, 4.5 },
                    Mode = ScatterMode.LinesAndMarkers,
                    Name = "observed",
                    ShowLegend = false,
                    XAxis = "x2",
                    YAxis = "y2",
                    Marker = new Marker
                    {
                        Color = "#d62728",
                        Size = 9,
                        Symbol = "x",
                    },
                    Line = new LineStyle
                    {
                        Color = "gray",
                        Width = 1.5,
                        Dash = LineDash.Dash,
                    },
                },
            },
        };
        figure.Layout.Title = "Sign-ins";
        figure.Layout.BarMode = BarMode.Overlay;

        JsonElement root = Parse(figure);

        JsonElement trace = root.GetProperty("data")[0];
        trace.GetProperty("type").GetString().Should().Be("scatter");
        trace.GetProperty("mode").GetString().Should().Be("lines+markers");
        trace.GetProperty("x").EnumerateArray().Select(value => value.GetDouble()).Should().Equal(1.0, 2.0);
        trace.GetProperty("y").EnumerateArray().Select(value => value.GetDouble()).Should().Equal(3.5, 4.5);
        trace.GetProperty("showlegend").GetBoolean().Should().BeFalse();
        trace.GetProperty("xaxis").GetString().Should().Be("x2");
        trace.GetProperty("yaxis").GetString().Should().Be("y2");
        trace.GetProperty("marker").GetProperty("color").GetString().Should().Be("#d62728");
        trace.GetProperty("marker").GetProperty("size").GetDouble().Should().Be(9);
        trace.GetProperty("marker").GetProperty("symbol").GetString().Should().Be("x");
        trace.GetProperty("line").GetProperty("dash").GetString().Should().Be("dash");
        trace.GetProperty("line").GetProperty("width").GetDouble().Should().Be(1.5);
        trace.TryGetProperty("text", out _).Should().BeFalse();
        trace.TryGetProperty("opacity", out _).Should().BeFalse();
        root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString().Should().Be("Sign-ins");
        root.GetProperty("layout").GetProperty("barmode").GetString().Should().Be("overlay");
        root.GetProperty("layout").TryGetProperty("xaxis", out _).Should().BeFalse();
        root.GetProperty("config").GetProperty("responsive").GetBoolean().Should().BeTrue();
        root.GetProperty("config").GetProperty("displaylogo").GetBoolean().Should().BeFalse();
        root.GetProperty("config")
            .GetProperty("typesetMath")
            .GetBoolean()
            .Should()
            .BeFalse("labels from logs must not be typeset as LaTeX");
    }

    [Fact]
    public void Writes_each_trace_type_with_its_plotly_type_name_first()
    {
        var figure = new Figure
        {
            Data =
            {
                new Bar { Orientation = Orientation.Horizontal },
                new Histogram { NumberOfBinsX = 30, Normalization = HistogramNormalization.ProbabilityDensity },
                new Box(),
                new Heatmap { Z = new[] { new[] { 1.0, 2.0 }, new[] { 3.0, double.NaN } }, ColorScale = "Viridis" },
                new Scatter3D { Z = new[] { 1.0 }, Mode = ScatterMode.Markers },
            },
        };

        string json = FigureJson.Serialize(figure);
        JsonElement data = JsonDocument.Parse(json).RootElement.GetProperty("data");

        data.EnumerateArray().Select(trace => trace.EnumerateObject().First().Name).Should().AllBe("type");
        data.EnumerateArray()
            .Select(trace => trace.GetProperty("type").GetString())
            .Should()
            .Equal("bar", "histogram", "box", "heatmap", "scatter3d");
        data[0].GetProperty("orientation").GetString().Should().Be("h");
        data[1].GetProperty("nbinsx").GetInt32().Should().Be(30);
        data[1].GetProperty("histnorm").GetString().Should().Be("probability density");
        data[3].GetProperty("colorscale").GetString().Should().Be("Viridis");
        data[3].GetProperty("z")[1][0].GetDouble().Should().Be(3.0);
        data[3].GetProperty("z")[1][1].ValueKind.Should().Be(JsonValueKind.Null);
        data[4].GetProperty("mode").GetString().Should().Be("markers");
    }

    [Fact]
    public void Writes_non_finite_numbers_as_null_so_plotly_draws_a_gap()
    {
        var figure = new Figure
        {
            Data =
            {
                new Scatter { Y = new[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 2.0 } },
            },
        };
        figure.Data.Add(new Scatter { Marker = new Marker { ColorValues = new[] { double.NaN, 0.5 } } });

        JsonElement data = Parse(figure).GetProperty("data");

        data[0]
            .GetProperty("y")
            .EnumerateArray()
            .Select(value => value.ValueKind)
            .Should()
            .Equal(
                JsonValueKind.Number,
                JsonValueKind.Null,
                JsonValueKind.Null,
                JsonValueKind.Null,
                JsonValueKind.Number
            );
        data[1].GetProperty("marker").GetProperty("color")[0].ValueKind.Should().Be(JsonValueKind.Null);
        data[1].GetProperty("marker").GetProperty("color")[1].GetDouble().Should().Be(0.5);
    }

    [Fact]
    public void Writes_instants_as_iso_8601_utc_text()
    {
        var times = new[]
        {
            new DateTimeOffset(2024, 5, 1, 15, 45, 0, TimeSpan.FromHours(2)),
            new DateTimeOffset(2024, 5, 1, 13, 45, 7, 250, TimeSpan.Zero),
        };
        var figure = new Figure
        {
            Data =
            {
                new Scatter { X = times, Y = new[] { 1, 2 } },
            },
        };
        figure.Layout.Shapes =
        [
            new Shape
            {
                X0 = times[0],
                X1 = times[1],
                Y0 = 0,
                Y1 = 1,
                YReference = "paper",
            },
        ];

        JsonElement root = Parse(figure);

        root.GetProperty("data")[0]
            .GetProperty("x")
            .EnumerateArray()
            .Select(value => value.GetString())
            .Should()
            .Equal("2024-05-01T13:45:00Z", "2024-05-01T13:45:07.25Z");
        JsonElement shape = root.GetProperty("layout").GetProperty("shapes")[0];
        shape.GetProperty("type").GetString().Should().Be("line");
        shape.GetProperty("x0").GetString().Should().Be("2024-05-01T13:45:00Z");
        shape.GetProperty("y1").GetDouble().Should().Be(1);
        shape.GetProperty("yref").GetString().Should().Be("paper");
    }

    [Fact]
    public void Uses_the_invariant_culture_whatever_the_current_culture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            // The build sets InvariantGlobalization, so de-DE cannot be loaded; a culture with its separators can.
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            german.DateTimeFormat.DateSeparator = ".";
            german.DateTimeFormat.TimeSeparator = "-";
            CultureInfo.CurrentCulture = german;
            var time = new DateTimeOffset(2024, 12, 31, 23, 5, 9, TimeSpan.Zero);
            var figure = new Figure
            {
                Data =
                {
                    new Scatter { X = new[] { time }, Y = new[] { 1234.5 } },
                },
            };
            figure.Layout.Width = 1200;

            string json = FigureJson.Serialize(figure);

            json.Should().Contain("\"y\":[1234.5]").And.Contain("\"x\":[\"2024-12-31T23:05:09Z\"]");
            json.Should().Contain("\"width\":1200");
            (1234.5).ToString(CultureInfo.CurrentCulture).Should().Be("1234,5", "the test culture must really differ");
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Theory]
    [InlineData(ScriptBreakout)]
    [InlineData(ImageBreakout)]
    [InlineData("\"C:\\Windows\\system32\\cmd.exe\" /c echo '&lt;b&gt;'")]
    public void Html_encodes_every_display_string_and_never_writes_raw_angle_brackets_or_ampersands(string label)
    {
        // plotly decodes &amp; &lt; &gt; (and numeric entities) but not &quot;: quotes stay as they are.
        string encoded = label.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        encoded.Should().NotContain("&quot;");
        var figure = new Figure
        {
            Data =
            {
                new Scatter
                {
                    Name = label,
                    X = new[] { label, "ok" },
                    Y = new[] { 1, 2 },
                    Text = [label],
                    HoverText = [label],
                },
                new Bar
                {
                    Name = label,
                    Text = [label],
                    HoverText = [label],
                },
                new Scatter3D { Text = [label], HoverText = [label] },
            },
        };
        figure.Layout.Title = label;
        figure.Layout.XAxis = new Axis { Title = label, CategoryArray = new[] { label } };
        figure.Layout.Scene = new Scene { ZAxis = new Axis { Title = label } };
        figure.Layout.Annotations =
        [
            new Annotation
            {
                Text = label,
                X = label,
                Y = 1,
            },
        ];

        string json = FigureJson.Serialize(figure);
        JsonElement root = JsonDocument.Parse(json).RootElement;

        json.Should().NotContainAny("<", ">", "&");
        JsonElement scatter = root.GetProperty("data")[0];
        scatter.GetProperty("name").GetString().Should().Be(encoded);
        scatter.GetProperty("x")[0].GetString().Should().Be(encoded);
        scatter.GetProperty("x")[1].GetString().Should().Be("ok");
        scatter.GetProperty("text")[0].GetString().Should().Be(encoded);
        scatter.GetProperty("hovertext")[0].GetString().Should().Be(encoded);
        root.GetProperty("data")[1].GetProperty("name").GetString().Should().Be(encoded);
        root.GetProperty("data")[1].GetProperty("hovertext")[0].GetString().Should().Be(encoded);
        root.GetProperty("data")[2].GetProperty("text")[0].GetString().Should().Be(encoded);
        JsonElement layout = root.GetProperty("layout");
        layout.GetProperty("title").GetProperty("text").GetString().Should().Be(encoded);
        layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString().Should().Be(encoded);
        layout.GetProperty("xaxis").GetProperty("categoryarray")[0].GetString().Should().Be(encoded);
        layout
            .GetProperty("scene")
            .GetProperty("zaxis")
            .GetProperty("title")
            .GetProperty("text")
            .GetString()
            .Should()
            .Be(encoded);
        layout.GetProperty("annotations")[0].GetProperty("text").GetString().Should().Be(encoded);
        layout.GetProperty("annotations")[0].GetProperty("x").GetString().Should().Be(encoded);
    }

    [Fact]
    public void Does_not_html_encode_keywords_such_as_colours_and_axis_references()
    {
        var figure = new Figure
        {
            Data =
            {
                new Scatter
                {
                    XAxis = "x2",
                    Marker = new Marker { Color = "rgba(214,39,40,0.5)", ColorScale = "YlOrRd" },
                },
            },
        };
        figure.Layout.Shapes = [new Shape { XReference = "paper", FillColor = "#ff7f0e" }];

        JsonElement root = Parse(figure);

        root.GetProperty("data")[0]
            .GetProperty("marker")
            .GetProperty("color")
            .GetString()
            .Should()
            .Be("rgba(214,39,40,0.5)");
        root.GetProperty("data")[0].GetProperty("marker").GetProperty("colorscale").GetString().Should().Be("YlOrRd");
        root.GetProperty("layout").GetProperty("shapes")[0].GetProperty("fillcolor").GetString().Should().Be("#ff7f0e");
    }

    [Fact]
    public void Keeps_non_latin_text_readable()
    {
        var figure = new Figure { Data = { new Bar { Name = "Jürgen – 東京" } } };

        FigureJson
            .Serialize(figure)
            .Should()
            .Contain("\"name\":\"Jürgen – 東京\"", "only & < > are encoded, never letters");
    }
}
