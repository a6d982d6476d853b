using SecurityML.Charts;

namespace SecurityML.Tests.Charts;

public sealed class PlotValuesTests
{
    [Fact]
    public void Converts_arrays_and_lists_to_the_matching_kind()
    {
        PlotValues numbers = new[] { 1.5, 2.5 };
        PlotValues integers = new[] { 3, 4 };
        PlotValues texts = new List<string> { "alice", "bob" };
        PlotValues times = new[] { DateTimeOffset.UnixEpoch };

        numbers.Kind.Should().Be(PlotValueKind.Number);
        integers.Select(value => value.Number).Should().Equal(3.0, 4.0);
        texts.Kind.Should().Be(PlotValueKind.Text);
        texts[1].Text.Should().Be("bob");
        times[0].Time.Should().Be(DateTimeOffset.UnixEpoch);
        numbers.Count.Should().Be(2);
    }

    [Fact]
    public void Copies_its_source_so_later_changes_do_not_show()
    {
        double[] source = [1, 2, 3];
        PlotValues values = source;

        source[0] = 99;

        values[0].Number.Should().Be(1);
    }

    [Fact]
    public void Selects_values_by_position_keeping_the_kind()
    {
        PlotValues texts = new[] { "a", "b", "c", "d" };

        PlotValues selected = texts.Select([3, 1]);

        selected.Kind.Should().Be(PlotValueKind.Text);
        selected.Select(value => value.Text).Should().Equal("d", "b");
    }

    [Fact]
    public void Refuses_to_read_a_value_as_another_kind()
    {
        PlotValue value = "category";

        Func<double> read = () => value.Number;

        read.Should().Throw<InvalidOperationException>().WithMessage("*holds a Text, not a Number*");
    }
}
