using System.Globalization;
using System.Text.Json.Nodes;
using SecurityML.Detection;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>Entities and prefixes: exact vocabularies, unseen entities reported with the fallback score, hashing as an
/// opt-in with its collision rate, payload version 2 and version 1 files.</summary>
public sealed class IpEmbeddingVocabularyTests
{
    private static readonly List<EntityIpPair> Training = TutorialShapedData
        .Generate(users: 40, pairsPerUser: 20, organisations: false, seed: 5)
        .Training;

    private static IpEmbeddingOptions Options =>
        new()
        {
            VectorDimension = 8,
            Epochs = 3,
            Seed = 3,
            MaximumDegreeOfParallelism = 1,
        };

    [Fact]
    public void An_unseen_entity_is_reported_and_scored_by_the_popularity_of_the_address()
    {
        var model = new IpEmbeddingDetector(Options).Fit(Training);
        var known = Training[0];
        EntityIpPair[] pairs =
        [
            known,
            new("newcomer@example.com", known.IpAddress),
            new(known.Entity, "::1"),
            new("newcomer@example.com", "203.0.113.9"),
        ];

        var scores = model.ScoreWithStatus(pairs);

        scores
            .Select(score => score.Status)
            .Should()
            .Equal(PairStatus.KnownEntity, PairStatus.UnseenEntity, PairStatus.Invalid, PairStatus.UnseenEntity);
        var entities = Training.Select(pair => pair.Entity).Distinct().ToList();
        var ip = model.IpVector(known.IpAddress);
        double probability = entities.Average(entity =>
            1 / (1 + Math.Exp(-model.EntityVector(entity).Zip(ip, (a, b) => a * b).Sum()))
        );
        scores[1].Score.Should().BeApproximately(-Math.Log(probability / (1 - probability)), 1e-9);
        scores[3]
            .Score.Should()
            .BeGreaterThan(scores[1].Score, "an address nobody used is less popular than one the training data holds");
        model.Score(pairs).Should().Equal(scores.Select(score => score.Score), (a, b) => a.Equals(b));
        model.DotProduct(pairs)[1].Should().Be(-scores[1].Score);
        double.IsNaN(scores[2].Score).Should().BeTrue();
        model.IsKnownEntity(known.Entity).Should().BeTrue();
        model.IsKnownEntity("newcomer@example.com").Should().BeFalse();
        model.HashedEntities.Should().BeFalse();
        FluentActions
            .Invoking(() => model.EntityVector("newcomer@example.com"))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("entity")
            .WithMessage("Entity 'newcomer@example.com' was not in the training data*");
    }

    [Fact]
    public void Distinct_entities_never_share_a_profile_in_the_exact_vocabulary()
    {
        var model = new IpEmbeddingDetector(Options).Fit(Training);

        var vectors = Training
            .Select(pair => pair.Entity)
            .Distinct()
            .Select(entity => string.Join(",", model.EntityVector(entity)))
            .ToList();

        vectors.Should().OnlyHaveUniqueItems();
        model.Card.TrainingSummary["entityVocabulary"]!.GetValue<string>().Should().Be("exact");
        model.Card.TrainingSummary["entityRows"]!.GetValue<int>().Should().Be(40);
        model.Card.TrainingSummary.ContainsKey("entityCollisionRate").Should().BeFalse();
    }

    [Fact]
    public void Hashing_is_opt_in_and_the_card_reports_how_many_entities_collide()
    {
        var model = new IpEmbeddingDetector(Options with { NumberOfEntityVectors = 10 }).Fit(Training);

        var perRow = Training
            .Select(pair => pair.Entity)
            .Distinct()
            .GroupBy(entity => StableHash.Of(entity) % 10)
            .ToList();
        double expected = perRow.Where(row => row.Count() > 1).Sum(row => row.Count()) / 40.0;
        expected.Should().BeGreaterThan(0.5);
        model.Card.TrainingSummary["entityCollisionRate"]!.GetValue<double>().Should().Be(expected);
        model.HashedEntities.Should().BeTrue();
        model.ScoreWithStatus([Training[0]])[0].Status.Should().Be(PairStatus.HashedEntity);
        var sparse = new IpEmbeddingDetector(Options with { NumberOfEntityVectors = 100_000 }).Fit(Training);
        sparse.Card.TrainingSummary["entityCollisionRate"]!.GetValue<double>().Should().Be(0);
        sparse
            .ScoreWithStatus([new("newcomer@example.com", "10.0.0.1")])[0]
            .Status.Should()
            .Be(PairStatus.UnseenEntity);
    }

    [Fact]
    public void Saved_models_keep_vocabularies_statuses_and_scores()
    {
        foreach (
            var options in new[] { Options, Options with { NumberOfEntityVectors = 64, NumberOfIpPrefixVectors = 512 } }
        )
        {
            var model = new IpEmbeddingDetector(options).Fit(Training);
            using var stream = new MemoryStream();
            model.Save(stream);
            stream.Position = 0;

            var loaded = IpEmbeddingModel.Load(stream);

            EntityIpPair[] pairs =
            [
                Training[0],
                Training[1],
                new("newcomer@example.com", "203.0.113.9"),
                new("x", "bad"),
            ];
            loaded.ScoreWithStatus(pairs).Should().Equal(model.ScoreWithStatus(pairs));
            loaded.HashedEntities.Should().Be(options.NumberOfEntityVectors is not null);
        }
    }

    [Fact]
    public void A_version_1_model_file_loads_and_scores_as_the_version_that_wrote_it()
    {
        var folder = Path.Combine(
            RepositoryPaths.Root,
            "tests",
            "SecurityML.Tests",
            "Detection",
            "IpEmbedding",
            "Fixtures"
        );
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "ip-embedding-v1.scores.json")))!;
        var pairs = expected["pairs"]!
            .AsArray()
            .Select(pair => new EntityIpPair(
                pair!["entity"]!.GetValue<string>(),
                pair["ipAddress"]!.GetValue<string>()
            ))
            .ToList();
        var scores = expected["scores"]!
            .AsArray()
            .Select(score => double.Parse(score!.GetValue<string>(), CultureInfo.InvariantCulture))
            .ToArray();

        var model = IpEmbeddingModel.Load(Path.Combine(folder, "ip-embedding-v1.model"));

        var scored = model.ScoreWithStatus(pairs);
        scored.Select(score => score.Score).Should().Equal(scores, (a, b) => a.Equals(b));
        scored
            .Select(score => score.Status)
            .Should()
            .Equal(PairStatus.HashedEntity, PairStatus.HashedEntity, PairStatus.HashedEntity, PairStatus.Invalid);
        model.HashedEntities.Should().BeTrue();
        using var resaved = new MemoryStream();
        model.Save(resaved);
        resaved.Position = 0;
        IpEmbeddingModel.Load(resaved).Score(pairs).Should().Equal(scores, (a, b) => a.Equals(b));
    }

    [Fact]
    public void A_model_file_of_an_unknown_payload_version_names_the_versions_this_library_reads()
    {
        var model = new IpEmbeddingDetector(Options).Fit(Training);
        using var stream = new MemoryStream();
        ModelFile.Save(stream, model.Card, 3, writer => writer.Write(0));
        stream.Position = 0;

        FluentActions
            .Invoking(() => IpEmbeddingModel.Load(stream, "future.model"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("*future.model*format version 3*reads versions 1, 2*");
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch_and_records_both_curves()
    {
        var model = new IpEmbeddingDetector(Options with { Epochs = 30, ValidationFraction = 0.2 }).Fit(Training);
        var summary = model.Card.TrainingSummary;

        var validation = summary["validationLosses"]!.AsArray().Select(loss => loss!.GetValue<double>()).ToList();
        int best = summary["bestEpoch"]!.GetValue<int>();
        validation
            .Should()
            .HaveCount(summary["epochsRun"]!.GetValue<int>())
            .And.HaveCount(summary["epochLosses"]!.AsArray().Count);
        validation[best - 1].Should().Be(validation.Min());
        summary["validationPairs"]!.GetValue<int>().Should().Be(Training.Count / 5);
        (summary["trainingPairs"]!.GetValue<int>() + summary["validationPairs"]!.GetValue<int>())
            .Should()
            .Be(Training.Count);
        summary["stoppedEarly"]!.GetValue<bool>().Should().Be(validation.Count < 30);
    }

    [Fact]
    public void Without_a_validation_slice_every_epoch_runs()
    {
        var model = new IpEmbeddingDetector(Options with { Epochs = 4, ValidationFraction = 0 }).Fit(Training);

        model.Card.TrainingSummary["epochsRun"]!.GetValue<int>().Should().Be(4);
        model.Card.TrainingSummary["validationLosses"]!.AsArray().Should().BeEmpty();
        model.Card.TrainingSummary["validationPairs"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public void Default_training_gives_the_same_model_for_any_thread_count()
    {
        var sequential = new IpEmbeddingDetector(new IpEmbeddingOptions { MaximumDegreeOfParallelism = 1 }).Fit(
            Training
        );
        var parallel = new IpEmbeddingDetector(new IpEmbeddingOptions { MaximumDegreeOfParallelism = 3 }).Fit(Training);

        EntityIpPair[] pairs = [.. Training.Take(50), new("newcomer@example.com", "203.0.113.9")];
        parallel.ScoreWithStatus(pairs).Should().Equal(sequential.ScoreWithStatus(pairs));
        parallel.Card.TrainingSummary.ToJsonString().Should().Be(sequential.Card.TrainingSummary.ToJsonString());
    }
}
