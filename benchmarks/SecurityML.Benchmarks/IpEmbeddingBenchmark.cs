using BenchmarkDotNet.Attributes;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Benchmarks;

/// <summary>
/// Training and scoring throughput of the entity–IP embedding (IP Insights) on <see cref="PairCount"/> sign-in pairs:
/// 50,000 users, each signing in from a home address (a /24 at one of 200 ISPs, the last octet drifting) or one of 20
/// office /24 ranges. Training is one epoch with SageMaker's defaults (mini-batch 10,000, one random and one shuffled
/// negative per pair, one encoder layer), so each pair means three samples forward and backward; scoring is
/// <see cref="IpEmbeddingModel.Score"/> over all pairs. Both use every core (results are identical for any count).
/// </summary>
[MemoryDiagnoser]
public class IpEmbeddingBenchmark
{
    private const int Users = 50_000;
    private const int Isps = 200;
    private const int Offices = 20;

    private List<EntityIpPair> _pairs = [];
    private IpEmbeddingModel? _model;

    /// <summary>Pairs trained on (one epoch) and scored.</summary>
    [Params(1_000_000)]
    public int PairCount { get; set; }

    /// <summary>The embedding size (<c>vector_dim</c>); 128 is SageMaker's recommendation.</summary>
    [Params(32, 128)]
    public int VectorDimension { get; set; }

    private IpEmbeddingOptions Options =>
        new()
        {
            NumberOfEntityVectors = 2 * Users,
            VectorDimension = VectorDimension,
            Epochs = 1,
            Seed = 1,
            MiniBatchSize = IpEmbeddingOptions.SageMakerMiniBatchSize,
            LearningRate = IpEmbeddingOptions.SageMakerLearningRate,
            NumberOfIpPrefixVectors = 32_768,
            ValidationFraction = 0,
        };

    /// <summary>Generates the pairs and trains the model that <see cref="Score"/> uses.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var isps = Enumerable.Range(0, Isps).Select(_ => (uint)random.Next(1 << 8, 223 << 8)).ToArray();
        var homes = Enumerable
            .Range(0, Users)
            .Select(_ => (isps[random.Next(Isps)] << 8) | (uint)random.Next(256))
            .ToArray();
        var offices = Enumerable
            .Range(0, Offices)
            .Select(_ => (isps[random.Next(Isps)] << 8) | (uint)random.Next(256))
            .ToArray();
        _pairs = Enumerable
            .Range(0, PairCount)
            .Select(_ =>
            {
                int user = random.Next(Users);
                uint range = random.NextDouble() < 0.5 ? homes[user] : offices[user % Offices];
                return new EntityIpPair(
                    $"user{user}@example.com",
                    Ipv4Address.Format((range << 8) | (uint)random.Next(1, 255))
                );
            })
            .ToList();
        _model = new IpEmbeddingDetector(Options).Fit(_pairs.Take(100_000).ToList());
    }

    /// <summary>One epoch over all pairs; pairs per second = <see cref="PairCount"/> / time.</summary>
    [Benchmark]
    public IpEmbeddingModel TrainOneEpoch() => new IpEmbeddingDetector(Options).Fit(_pairs);

    /// <summary>Scores all pairs; pairs per second = <see cref="PairCount"/> / time.</summary>
    [Benchmark]
    public double[] Score() => _model!.Score(_pairs);
}
