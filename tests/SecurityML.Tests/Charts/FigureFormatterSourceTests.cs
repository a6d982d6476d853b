using System.Reflection;
using SecurityML.Charts;
using SecurityML.Display;

namespace SecurityML.Tests.Charts;

public sealed class FigureFormatterSourceTests
{
    [Fact]
    public void Figure_names_its_formatter_source_as_polyglot_and_the_runner_look_it_up()
    {
        Attribute attribute = typeof(Figure)
            .GetCustomAttributes()
            .Single(candidate => candidate.GetType().Name == "TypeFormatterSourceAttribute");

        ((TypeFormatterSourceAttribute)attribute).FormatterSourceType.Should().Be(typeof(FigureFormatterSource));
        typeof(FigureFormatterSource).GetConstructor(Type.EmptyTypes).Should().NotBeNull();
    }

    [Fact]
    public void Formats_a_figure_as_html_that_draws_it_and_declines_other_objects()
    {
        object formatter = new FigureFormatterSource().CreateTypeFormatters().Single();
        // Called by reflection, as .NET Interactive's convention-based discovery does.
        Type type = formatter.GetType();
        MethodInfo format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)])!;
        var figure = new Figure { Data = { new Bar { Name = "<b>bold</b>" } } };
        using var figureWriter = new StringWriter();
        using var otherWriter = new StringWriter();

        bool formattedFigure = (bool)format.Invoke(formatter, [figure, figureWriter])!;
        bool formattedOther = (bool)format.Invoke(formatter, ["not a figure", otherWriter])!;

        type.GetProperty("MimeType")!.GetValue(formatter).Should().Be("text/html");
        formattedFigure.Should().BeTrue();
        figureWriter
            .ToString()
            .Should()
            .StartWith("<div id=\"secml-figure-")
            .And.Contain("newPlot(divId")
            .And.Contain("\\u0026lt;b\\u0026gt;bold");
        formattedOther.Should().BeFalse();
        otherWriter.ToString().Should().BeEmpty();
    }
}
