using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Tests.Detection;

public sealed class ModelFileTests
{
    private static readonly ModelCard Card = new()
    {
        Kind = "Toy",
        Description = "a toy",
        Features = ["a", "b"],
        Options = new JsonObject { ["rank"] = 10 },
        TrainingSummary = new JsonObject { ["rows"] = 3 },
        Threshold = 1.5,
        Metrics = new Dictionary<string, double> { ["auc"] = 0.9 },
    };

    private static byte[] Saved(int formatVersion = 2)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(
            stream,
            Card,
            formatVersion,
            writer =>
            {
                writer.Write(3);
                writer.Write(0.25);
            }
        );
        return stream.ToArray();
    }

    private static (ModelCard, (int, double)) Load(byte[] bytes, string kind = "Toy", int version = 2) =>
        ModelFile.Load(
            new MemoryStream(bytes),
            kind,
            version,
            reader => (reader.ReadInt32(), reader.ReadDouble()),
            "toy.model"
        );

    [Fact]
    public void Round_trip_keeps_card_and_payload()
    {
        var (card, payload) = Load(Saved());

        payload.Should().Be((3, 0.25));
        card.Should()
            .BeEquivalentTo(
                Card,
                o => o.Excluding(c => c.Options).Excluding(c => c.TrainingSummary).Excluding(c => c.Version)
            );
        card.Version.Should().Be(2, "the card's version is the payload format version");
        card.Options["rank"]!.GetValue<int>().Should().Be(10);
    }

    [Fact]
    public void Saving_twice_gives_identical_bytes() => Saved().Should().Equal(Saved());

    [Fact]
    public void Wrong_kind_version_marker_or_checksum_are_named()
    {
        FluentActions
            .Invoking(() => Load(Saved(), kind: "Other"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("toy.model: expected a Other model, received a Toy model.");
        FluentActions
            .Invoking(() => Load(Saved(formatVersion: 3)))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage(
                "toy.model: Toy model format version 3 cannot be read by this library, which reads version 2*"
            );
        FluentActions
            .Invoking(() => Load("not a model at all, just text"u8.ToArray()))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("*SECMLMDL marker is missing*");
        var corrupted = Saved();
        corrupted[20] ^= 1;
        FluentActions.Invoking(() => Load(corrupted)).Should().Throw<ModelFileException>().WithMessage("*checksum*");
        FluentActions.Invoking(() => Load(Saved()[..^40])).Should().Throw<ModelFileException>();
    }

    [Fact]
    public void Update_card_records_a_threshold_and_keeps_the_payload()
    {
        using var output = new MemoryStream();

        ModelFile.UpdateCard(
            new MemoryStream(Saved()),
            output,
            card => card with { Threshold = 4.0, Kind = "Ignored" }
        );

        var (card, payload) = Load(output.ToArray());
        card.Threshold.Should().Be(4.0);
        card.Kind.Should().Be("Toy");
        payload.Should().Be((3, 0.25));
        ModelFile.ReadCard(new MemoryStream(output.ToArray())).Threshold.Should().Be(4.0);
    }
}
