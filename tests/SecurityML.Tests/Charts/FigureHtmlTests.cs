using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class FigureHtmlTests
{
    private const string ScriptBreakout = "</script><script>alert(1)</script>";
    private const string ImageBreakout = "<img src=x onerror=alert(1)>";

    private static Figure LabelledFigure(string label)
    {
        var figure = new Figure
        {
            Data =
            {
                new Bar
                {
                    Name = label,
                    X = new[] { label },
                    Y = new[] { 1.0 },
                    HoverText = [label],
                },
            },
        };
        figure.Layout.Title = label;
        return figure;
    }

    private static string ScriptOf(string html)
    {
        Match match = Regex.Match(html, "<script type=\"text/javascript\">(.*?)</script>", RegexOptions.Singleline);
        match.Success.Should().BeTrue();
        return match.Groups[1].Value;
    }

    private static JsonElement FigureJsonOf(string script)
    {
        Match match = Regex.Match(script, @"var figure = (\{.*\});\r?\n");
        match.Success.Should().BeTrue();
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    [Fact]
    public void Names_plotly_js_4_1_2_on_the_cdn()
    {
        FigureHtml.PlotlyJsVersion.Should().Be("4.1.2");
        FigureHtml.PlotlyJsCdnUrl.Should().Be("https://cdn.plot.ly/plotly-4.1.2.min.js");
    }

    [Fact]
    public void Draws_at_once_through_require_js_or_through_an_added_script_element()
    {
        string script = ScriptOf(FigureHtml.ToHtml(LabelledFigure("a"), "chart"));

        script.Should().Contain("if (typeof window.Plotly !== \"undefined\") {\n    draw(window.Plotly);");
        script.Should().Contain("else if (typeof requirejs === \"function\" && requirejs.config)");
        script.Should().Contain("requirejs.config({ paths: { plotly: plotlyUrl.slice(0, -3) }");
        script.Should().Contain("shim: { plotly: { exports: \"Plotly\" } }");
        script.Should().Contain("require([\"plotly\"], draw, fail);");
        script.Should().Contain("script = document.createElement(\"script\");");
        script.Should().Contain("script.src = plotlyUrl;");
        script.Should().Contain("script.addEventListener(\"load\"");
        script.Should().Contain($"var plotlyUrl = \"{FigureHtml.PlotlyJsCdnUrl}\";");
        script.Should().Contain("var divId = \"chart\";");
        script.Should().Contain(".newPlot(divId, figure.data, figure.layout, figure.config)");
    }

    [Theory]
    [InlineData(ScriptBreakout)]
    [InlineData(ImageBreakout)]
    public void Keeps_attacker_controlled_labels_inside_the_script_and_encoded(string label)
    {
        string html = FigureHtml.ToHtml(LabelledFigure(label));

        string script = ScriptOf(html);
        script.Should().NotContain("<", "nothing in the script may open a tag or a comment");
        Regex.Match(script, @"var figure = (\{.*\});").Value.Should().NotContainAny(">", "&");
        Regex.Matches(html, "</script>").Count.Should().Be(1);
        html.Should().NotContain("<img").And.NotContain("alert(1)</script>");
        JsonElement figure = FigureJsonOf(script);
        string encoded = WebUtility.HtmlEncode(label);
        figure.GetProperty("data")[0].Text("name").Should().Be(encoded);
        figure.GetProperty("data")[0].GetProperty("x")[0].GetString().Should().Be(encoded);
        figure.GetProperty("data")[0].GetProperty("hovertext")[0].GetString().Should().Be(encoded);
        figure.GetProperty("layout").TitleText().Should().Be(encoded);
    }

    [Fact]
    public void Gives_each_render_a_fresh_valid_id_without_data_in_it()
    {
        Figure figure = LabelledFigure("user@contoso.com");

        string first = Regex.Match(FigureHtml.ToHtml(figure), "<div id=\"([^\"]+)\"").Groups[1].Value;
        string second = Regex.Match(figure.ToHtml(), "<div id=\"([^\"]+)\"").Groups[1].Value;
        string other = Regex.Match(LabelledFigure("b").ToHtml(), "<div id=\"([^\"]+)\"").Groups[1].Value;

        first.Should().MatchRegex("^secml-figure-[0-9]+-[0-9a-f]{8}$").And.NotContain("contoso");
        second.Should().NotBe(first);
        second[second.LastIndexOf('-')..].Should().Be(first[first.LastIndexOf('-')..], "the hash is of the figure");
        other[other.LastIndexOf('-')..].Should().NotBe(first[first.LastIndexOf('-')..]);
    }

    [Fact]
    public void Uses_a_given_id_for_the_div_and_the_script()
    {
        string html = FigureHtml.ToHtml(LabelledFigure("a"), "scores_2024-05");

        html.Should().StartWith("<div id=\"scores_2024-05\" class=\"secml-figure\"></div>");
        ScriptOf(html).Should().Contain("var divId = \"scores_2024-05\";");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1chart")]
    [InlineData("a\" onmouseover=\"alert(1)")]
    [InlineData("chart</script>")]
    [InlineData("chart\n")]
    public void Rejects_an_invalid_id(string divId)
    {
        Action render = () => FigureHtml.ToHtml(LabelledFigure("a"), divId);

        render.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("divId");
    }

    [Fact]
    public void Writes_a_standalone_page_with_inline_plotly_js_made_safe_for_a_script_element()
    {
        const string source = "window.Plotly = { note: '</script><b>' }; /* </SCRIPT> */";

        string page = FigureHtml.ToStandaloneHtml(LabelledFigure("<Sign-ins & failures>"), source);

        page.Should().StartWith("<!DOCTYPE html>");
        page.Should().Contain("<title>&lt;Sign-ins &amp; failures&gt;</title>");
        page.Should()
            .Contain(
                "<script type=\"text/javascript\">window.Plotly = { note: '<\\/script><b>' }; /* <\\/SCRIPT> "
                    + "*/</script>"
            );
        page.Should().NotContain("cdn.plot.ly/plotly-4.1.2.min.js\" charset");
        page.Should().Contain("<div id=\"secml-figure-");
        Regex.Matches(page, "</script>", RegexOptions.IgnoreCase).Count.Should().Be(2);
    }

    [Fact]
    public void Writes_a_standalone_page_loading_plotly_js_from_the_cdn_when_no_source_is_given()
    {
        string page = FigureHtml.ToStandaloneHtml(new Figure());

        page.Should().Contain($"<script src=\"{FigureHtml.PlotlyJsCdnUrl}\" charset=\"utf-8\"></script>");
        page.Should().Contain("<title>Figure</title>");
        page.Should().EndWith("</html>");
    }
}
