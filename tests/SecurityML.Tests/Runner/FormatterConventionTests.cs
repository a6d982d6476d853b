using System.Net;
using SecurityML.Runner.Formatting;

namespace SecurityML.Tests.Runner;

// An attribute with the convention's name in another namespace, as an unrelated library would declare it:
// discovery is by name, so the runner must find it without any shared type.
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}

internal sealed class BadgeFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new BadgeHtmlFormatter();
    }
}

internal sealed class BadgeHtmlFormatter
{
    public string MimeType => "text/html";

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Badge badge)
            return false;
        writer.Write($"<span class=\"badge\">{WebUtility.HtmlEncode(badge.Label)}</span>");
        return true;
    }
}

[TypeFormatterSource(typeof(BadgeFormatterSource))]
public sealed record Badge(string Label);

public sealed record Badge2(DateOnly Day);

public sealed class DerivedBadgeHolder(string label) : BadgeBase(label);

[TypeFormatterSource(typeof(BadgeFormatterSource))]
public class BadgeBase(string label)
{
    public string Label { get; } = label;
}

public sealed class FormatterConventionTests
{
    [Fact]
    public void Convention_formatter_found_by_attribute_name_renders_html()
    {
        var formatted = ValueFormatter.Format(new Badge("<script>x</script>"));

        formatted["text/html"].Should().Be("<span class=\"badge\">&lt;script&gt;x&lt;/script&gt;</span>");
        formatted["text/plain"].Should().Be("Badge { Label = <script>x</script> }");
    }

    [Fact]
    public void Formatter_returning_false_falls_back_to_the_default_table()
    {
        var formatted = ValueFormatter.Format(new DerivedBadgeHolder("a"));

        formatted["text/html"]
            .Should()
            .StartWith("<table class=\"secml-table\">", "the badge formatter declined, so the default table renders")
            .And.Contain("<td>Label</td><td>a</td>")
            .And.NotContain("badge");
    }

    [Fact]
    public void Library_attribute_is_honoured_too()
    {
        var formatted = ValueFormatter.Format(new LibraryFormatted());

        formatted["text/html"].Should().Be("<em>library</em>");
    }

    [SecurityML.Display.TypeFormatterSource(typeof(LibrarySource))]
    private sealed class LibraryFormatted;

    private sealed class LibrarySource
    {
        public IEnumerable<object> CreateTypeFormatters() =>
            [new SecurityML.Display.HtmlFormatter<LibraryFormatted>((_, writer) => writer.Write("<em>library</em>"))];
    }

    [Fact]
    public void Requested_mime_types_limit_the_result()
    {
        ValueFormatter.Format(new[] { 1, 2 }, "text/plain").Keys.Should().Equal("text/plain");
        ValueFormatter.Format("<b>x</b>", "text/html")["text/html"].Should().Be("<b>x</b>");
    }

    [Fact]
    public void Asking_for_html_of_a_value_that_has_none_encodes_its_text()
    {
        var uri = new Uri("https://e.example/?q=<img src=x onerror=alert(1)>");

        ValueFormatter.Format(uri, "text/html")["text/html"].Should().NotContain("<img").And.Contain("&lt;img");
        ValueFormatter.Format(null, "text/html")["text/html"].Should().Be("&lt;null&gt;");
    }

    [Fact]
    public void Scalars_are_plain_text_in_invariant_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            ValueFormatter.Format(1234.5).Should().Equal(new Dictionary<string, string> { ["text/plain"] = "1234.5" });
            ValueFormatter
                .Format(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero))["text/plain"]
                .Should()
                .Be("2024-01-02T03:04:05Z");
            ValueFormatter.Format(null)["text/plain"].Should().Be("<null>");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Long_sequences_are_cut_with_a_count_of_the_rest()
    {
        var html = ValueFormatter.Format(Enumerable.Range(0, 120).ToList())["text/html"];

        html.Should().Contain("<td>49</td><td>49</td>").And.NotContain("<td>50</td>").And.Contain("(70 more rows)");
    }

    [Fact]
    public void Single_objects_render_as_an_encoded_property_table()
    {
        var html = ValueFormatter.Format(new { Account = "<b>eve</b>", Count = 2 })["text/html"];

        html.Should()
            .Contain("<td>Account</td><td>&lt;b&gt;eve&lt;/b&gt;</td>")
            .And.Contain("<td>Count</td><td>2</td>");
        html.Should().NotContain("AnonymousType", "compiler-generated type names mean nothing to a reader");
        ValueFormatter
            .Format(new Badge2(new DateOnly(2024, 3, 14)))["text/html"]
            .Should()
            .Contain("<th colspan=\"2\">Badge2</th>")
            .And.Contain("<td>Day</td><td>2024-03-14</td>");
    }
}
