using SecurityML.Charts;
using SecurityML.Detection;

namespace SecurityML.Tests.Detection;

public sealed class TrainingLogTests
{
    [Fact]
    public void Prints_each_report_in_order_and_charts_the_loss_of_steps_that_have_one()
    {
        var writer = new StringWriter();
        var log = new TrainingLog(writer);

        log.Report(new TrainingProgress("ALS iteration", 1, 3, 12.5));
        log.Report(new TrainingProgress("ALS iteration", 2, 3));
        log.Report(new TrainingProgress("ALS iteration", 3, 3, 10.25));

        writer
            .ToString()
            .Should()
            .Be(
                (
                    "ALS iteration 1/3, loss 12.5000\nALS iteration 2/3\nALS iteration 3/3, loss " + "10.2500\n"
                ).ReplaceLineEndings()
            );
        log.Reports.Select(r => r.Step).Should().Equal(1, 2, 3);
        var loss = log.LossChart().Data.Should().ContainSingle().Which.Should().BeOfType<Scatter>().Subject;
        loss.X!.Select(v => v.Number).Should().Equal(1, 3);
        loss.Y!.Select(v => v.Number).Should().Equal(12.5, 10.25);
    }

    [Fact]
    public void Training_and_validation_losses_are_charted_as_two_lines()
    {
        var log = new TrainingLog();

        log.Report(new TrainingProgress("epoch", 1, 5, 0.3));
        log.Report(new TrainingProgress("validation", 1, 5, 0.1));
        log.Report(new TrainingProgress("epoch", 2, 5, 0.08));
        log.Report(new TrainingProgress("validation", 2, 5, 0.09));

        var lines = log.LossChart().Data.Cast<Scatter>().ToList();
        lines.Select(line => line.Name).Should().Equal("epoch loss", "validation loss");
        lines[1].X!.Select(v => v.Number).Should().Equal(1, 2);
        lines[1].Y!.Select(v => v.Number).Should().Equal(0.1, 0.09);
    }
}
