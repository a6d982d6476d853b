using System.Text.Json.Nodes;
using SecurityML.Detection;
using SecurityML.Detection.Baseline;

namespace SecurityML.Tests.Detection;

/// <summary>Model card export and the synchronous training log.</summary>
public sealed class ModelCardsTests
{
    [Fact]
    public void A_card_round_trips_through_json()
    {
        using var folder = new TemporaryFolder();
        var card = new ModelCard
        {
            Kind = "RobustZScore",
            Description = "d",
            Features = ["LogonCount"],
            Options = new JsonObject { ["a"] = 1 },
            TrainingSummary = ModelCards.TrainingWindow(
                new DateTimeOffset(2024, 3, 4, 1, 2, 3, TimeSpan.FromHours(2)),
                new DateTimeOffset(2024, 3, 14, 0, 0, 0, TimeSpan.Zero),
                527
            ),
            Threshold = 3,
            Metrics = new Dictionary<string, double> { ["recall"] = 1 },
        };

        var read = ModelCards.Read(ModelCards.Write(card, folder.File("card.json")));

        read.Kind.Should().Be("RobustZScore");
        read.Features.Should().Equal("LogonCount");
        read.Threshold.Should().Be(3);
        read.Metrics.Should().Contain("recall", 1);
        read.TrainingSummary["windowStart"]!.GetValue<string>().Should().Be("2024-03-03T23:02:03.000Z");
        read.TrainingSummary["rows"]!.GetValue<long>().Should().Be(527);
    }

    [Fact]
    public void Training_log_writes_a_line_per_report_as_it_happens()
    {
        var writer = new StringWriter();
        var log = new TrainingLog(writer);

        log.Report(new TrainingProgress("epoch", 1, 2, 0.69314));
        log.Report(new TrainingProgress("baseline", 1, 1));

        writer
            .ToString()
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .Equal("epoch 1/2, loss 0.6931", "baseline 1/1");
        log.Reports.Should().HaveCount(2);
    }
}
