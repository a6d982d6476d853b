using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>The shared detector contract for the IP embedding detector.</summary>
public sealed class IpEmbeddingContractTests : DetectorContractTests<EntityIpPair, IpEmbeddingModel>
{
    protected override IAnomalyDetector<EntityIpPair, IpEmbeddingModel> CreateDetector() =>
        new IpEmbeddingDetector(
            new IpEmbeddingOptions
            {
                NumberOfEntityVectors = 20,
                VectorDimension = 8,
                Epochs = 3,
                MiniBatchSize = 16,
                NumberOfIpPrefixVectors = 64,
                Seed = 5,
            }
        );

    protected override IReadOnlyList<EntityIpPair> TrainingData() =>
        Enumerable
            .Range(0, 40)
            .Select(index => new EntityIpPair($"user{index % 5}", $"10.{index % 5}.{index % 3}.{index}"))
            .ToList();

    protected override IReadOnlyList<EntityIpPair> ScoringData() =>
        [new("user1", "10.1.0.1"), new("user1", "185.220.101.4"), new("stranger", "10.2.1.7")];

    protected override IpEmbeddingModel Load(Stream stream, string sourceName) =>
        IpEmbeddingModel.Load(stream, sourceName);
}
