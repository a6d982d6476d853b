using SecurityML.Data;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Tests.TestSupport;
using SecurityML.Tuning;
using Xunit.Abstractions;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>Quality, determinism, score ladder and bad inputs of the IP embedding detector.</summary>
public sealed class IpEmbeddingDetectorTests(ITestOutputHelper output)
{
    private static IpEmbeddingOptions SmallOptions(int threads = 1) =>
        new()
        {
            NumberOfEntityVectors = 400,
            VectorDimension = 16,
            Epochs = 8,
            MiniBatchSize = 250,
            LearningRate = 0.01,
            NumberOfIpPrefixVectors = 4096,
            Seed = 7,
            MaximumDegreeOfParallelism = threads,
        };

    [Fact]
    public void Separates_attacks_from_normal_sign_ins_on_tutorial_style_data()
    {
        var (training, normalTest, attacks) = TutorialLoginData.Generate(
            users: 200,
            trainingLoginsPerUser: 30,
            testLoginsPerUser: 5,
            seed: 1
        );

        var model = new IpEmbeddingDetector(SmallOptions(threads: 2)).Fit(training);
        var tuning = ThresholdTuning.FromNormalAndAbnormal(model.Score(normalTest), model.Score(attacks));

        output.WriteLine($"ROC AUC {tuning.RocAuc:F4}, average precision {tuning.AveragePrecision:F4}");
        tuning.RocAuc.Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void Planted_sign_ins_from_unrelated_ranges_rank_high_in_the_demo_data()
    {
        var provider = QueryProvider.Local(RepositoryPaths.SampleData);
        var split = new DateTimeOffset(2024, 3, 20, 0, 0, 0, TimeSpan.Zero);
        var training = EntityIpPairs.FromSignIns(provider.SignIns(end: split));
        var later = provider.SignIns(start: split);
        var labels = provider.Labels(DataSets.SignIns);
        var model = new IpEmbeddingDetector(
            SmallOptions() with
            {
                NumberOfEntityVectors = 120,
                Epochs = 20,
                MiniBatchSize = 100,
            }
        ).Fit(training);

        var scores = model.Score(EntityIpPairs.FromSignIns(later));
        var planted = Enumerable
            .Range(0, later.Count)
            .Where(index =>
                labels.Any(label => label.Covers(later[index].UserPrincipalName, later[index].TimeGenerated))
            )
            .ToList();
        var ranks = planted.Select(index => scores.Count(score => score > scores[index]) + 1).ToList();

        output.WriteLine($"{later.Count} later sign-ins; planted ranks {string.Join(", ", ranks)}");
        planted.Should().HaveCount(5);
        ranks.Should().OnlyContain(rank => rank <= later.Count / 20, "planted sign-ins are in the top 5 %");
    }

    [Fact]
    public void Same_result_for_any_thread_count()
    {
        var (training, normalTest, _) = TutorialLoginData.Generate(
            users: 20,
            trainingLoginsPerUser: 10,
            testLoginsPerUser: 2,
            seed: 3
        );
        var options = SmallOptions() with { Epochs = 2, NumberOfIpEncoderLayers = 2 };

        var sequential = new IpEmbeddingDetector(options with { MaximumDegreeOfParallelism = 1 })
            .Fit(training)
            .Score(normalTest);
        var parallel = new IpEmbeddingDetector(options with { MaximumDegreeOfParallelism = 3 })
            .Fit(training)
            .Score(normalTest);

        parallel.Should().Equal(sequential);
    }

    [Fact]
    public void Score_is_the_negative_dot_product_of_the_two_embeddings()
    {
        var model = new IpEmbeddingDetector(SmallOptions() with { Epochs = 1 }).Fit([
            new("alice", "10.0.0.1"),
            new("bob", "10.9.0.1"),
        ]);
        EntityIpPair[] pairs = [new("alice", "10.0.0.1"), new("bob", "203.0.113.9")];

        var dot = model.DotProduct(pairs);

        model.Score(pairs).Should().Equal(-dot[0], -dot[1]);
        var entity = model.EntityVector("bob");
        var ip = model.IpVector("203.0.113.9");
        dot[1].Should().BeApproximately(entity.Zip(ip, (a, b) => a * b).Sum(), 1e-12);
        entity.Should().HaveCount(16);
    }

    [Fact]
    public void Pairs_that_cannot_be_scored_get_nan()
    {
        var model = new IpEmbeddingDetector(SmallOptions() with { Epochs = 1 }).Fit([new("alice", "10.0.0.1")]);

        var scores = model.Score([
            new("alice", "2001:db8::1"),
            new("alice", "10.0.0.256"),
            new("", "10.0.0.1"),
            new("alice", "10.0.0.1"),
        ]);

        scores.Take(3).Should().OnlyContain(score => double.IsNaN(score));
        double.IsFinite(scores[3]).Should().BeTrue();
    }

    [Fact]
    public void Training_data_with_a_bad_address_is_rejected_with_its_index_and_reason()
    {
        var detector = new IpEmbeddingDetector(SmallOptions());

        FluentActions
            .Invoking(() => detector.Fit([new("alice", "10.0.0.1"), new("bob", "fe80::1")]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("trainingData")
            .WithMessage("Pair 1 (bob): IPv6 address 'fe80::1' is not supported*");
        FluentActions
            .Invoking(() => detector.Fit([]))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("Expected at least 1*received 0*");
    }

    [Fact]
    public void Options_out_of_range_name_the_parameter_the_range_and_the_value()
    {
        FluentActions
            .Invoking(() =>
                new IpEmbeddingDetector(new IpEmbeddingOptions { NumberOfEntityVectors = 10, VectorDimension = 2 })
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("VectorDimension")
            .WithMessage("*[4, 4096]*received 2*");
        FluentActions
            .Invoking(() =>
                new IpEmbeddingDetector(new IpEmbeddingOptions { NumberOfEntityVectors = 0, VectorDimension = 8 })
            )
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithParameterName("NumberOfEntityVectors");
    }

    [Fact]
    public void Defaults_train_to_convergence_with_sagemaker_model_settings()
    {
        var options = new IpEmbeddingOptions();

        (options.Epochs, options.LearningRate, options.MiniBatchSize, options.NumberOfIpEncoderLayers)
            .Should()
            .Be((40, 0.01, 100, 1));
        (options.ValidationFraction, options.NumberOfEpochsWithoutImprovement, options.Tolerance)
            .Should()
            .Be((0.1, 2, 0.001));
        (options.NumberOfEntityVectors, options.NumberOfIpPrefixVectors, options.VectorDimension)
            .Should()
            .Be((null, null, 16));
        (options.RandomNegativeSamplingRate, options.ShuffledNegativeSamplingRate, options.WeightDecay)
            .Should()
            .Be((1, 1, 0.00001));
        (
            IpEmbeddingOptions.SageMakerEpochs,
            IpEmbeddingOptions.SageMakerLearningRate,
            IpEmbeddingOptions.SageMakerMiniBatchSize
        )
            .Should()
            .Be((10, 0.001, 10_000));
    }

    [Fact]
    public void The_card_records_options_and_training_summary()
    {
        var model = new IpEmbeddingDetector(SmallOptions() with { Epochs = 2 }).Fit([
            new("alice", "10.0.0.1"),
            new("alice", "10.0.0.2"),
            new("bob", "10.0.0.1"),
        ]);

        model.Card.Kind.Should().Be("IpEmbedding");
        model.Card.Options["vectorDim"]!.GetValue<int>().Should().Be(16);
        model.Card.TrainingSummary["pairs"]!.GetValue<int>().Should().Be(3);
        model.Card.TrainingSummary["distinctEntities"]!.GetValue<int>().Should().Be(2);
        model.Card.TrainingSummary["epochLosses"]!.AsArray().Should().HaveCount(2);
    }
}
