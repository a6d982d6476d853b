using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>The shared detector contract for the prefix-frequency baseline.</summary>
public sealed class PrefixFrequencyContractTests : DetectorContractTests<EntityIpPair, PrefixFrequencyModel>
{
    protected override IAnomalyDetector<EntityIpPair, PrefixFrequencyModel> CreateDetector() =>
        new PrefixFrequencyDetector();

    protected override IReadOnlyList<EntityIpPair> TrainingData() =>
        Enumerable
            .Range(0, 40)
            .Select(index => new EntityIpPair($"user{index % 5}", $"10.{index % 5}.{index % 3}.{index}"))
            .ToList();

    protected override IReadOnlyList<EntityIpPair> ScoringData() =>
        [new("user1", "10.1.0.1"), new("user1", "185.220.101.4"), new("stranger", "10.2.1.7")];

    /// <summary>The baseline came with container version 2: its first committed file is in ModelFiles/v2.</summary>
    protected override string FixtureFolder => "v2";

    protected override PrefixFrequencyModel Load(Stream stream, string sourceName) =>
        PrefixFrequencyModel.Load(stream, sourceName);
}
