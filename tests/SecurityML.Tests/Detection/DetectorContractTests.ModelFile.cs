using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Tests.Detection;

/// <summary>
/// The model file and card side of the contract (issue 13): save to a path → load → bitwise-identical scores and the
/// same card (every field), <c>Detect</c> = <c>Score ≥ Card.Threshold</c> with the threshold chosen at training time,
/// camelCase card keys, the committed container-version-1 file of the kind still loading with the same scores,
/// an explanation for every item, and bad files failing with a <see cref="ModelFileException"/>.
/// </summary>
public abstract partial class DetectorContractTests<TInput, TModel>
{
    /// <summary>The base name of the kind's fixture in <see cref="FixtureFolder"/> (see its README).</summary>
    protected virtual string Version1File => GetType().Name.Replace("ContractTests", "", StringComparison.Ordinal);

    /// <summary>The folder under ModelFiles of the kind's oldest committed file: "v1" (container version 1) for the
    /// kinds that existed then; a kind born later has its first file in the folder of the container version that
    /// wrote it, so that files written by every released version keep loading.</summary>
    protected virtual string FixtureFolder => "v1";

    /// <summary>True when <see cref="Explanation.Output"/> is the model's Score (false for models that explain another
    /// output, e.g. the isolation forest's mean path length).</summary>
    protected virtual bool ExplanationOutputIsScore => true;

    private static string ModelFiles =>
        Path.Combine(RepositoryPaths.Root, "tests", "SecurityML.Tests", "Detection", "ModelFiles");

    [Fact]
    public void Save_to_a_path_then_load_gives_bitwise_identical_scores_and_the_same_card()
    {
        using var folder = new TemporaryFolder();
        var model = CreateDetector().Fit(TrainingData());
        var path = Path.Combine(folder.Path, "nested", "saved.model");

        model.Save(path);
        var loaded = TModel.Load(path);

        Bits(loaded.Score(ScoringData())).Should().Equal(Bits(model.Score(ScoringData())));
        ModelCards.ToJson(loaded.Card).Should().Be(ModelCards.ToJson(model.Card));
        Directory
            .GetFiles(Path.GetDirectoryName(path)!)
            .Should()
            .Equal([path], "the temporary file is renamed into place");
    }

    [Fact]
    public void A_fitted_model_has_a_threshold_and_detect_is_score_at_or_above_it()
    {
        var model = CreateDetector().Fit(TrainingData());
        var scores = model.Score(ScoringData());

        model.Card.Threshold.Should().NotBeNull("every kind chooses a threshold at training time");
        model.Card.ThresholdMethod.Should().NotBeNullOrWhiteSpace();
        model.Card.Version.Should().BeGreaterThan(0);
        model.Detect(ScoringData()).Should().Equal(scores.Select(score => score >= model.Card.Threshold!.Value));

        var finite = scores.Where(double.IsFinite).Order().ToList();
        var middle = finite.Count == 0 ? 0 : finite[finite.Count / 2];
        var tuned = model.WithThreshold(middle, "the median score of the test items");
        tuned.Card.ThresholdMethod.Should().Be("the median score of the test items");
        Bits(tuned.Score(ScoringData())).Should().Equal(Bits(scores), "a threshold does not change the learned values");
        tuned.Detect(ScoringData()).Should().Equal(scores.Select(score => score >= middle));
        tuned.Detect(ScoringData()).Should().Contain(true);
    }

    [Fact]
    public void Detect_without_a_threshold_names_the_kind()
    {
        var model = CreateDetector().Fit(TrainingData());
        var without = model.WithCard(model.Card with { Threshold = null, ThresholdMethod = null });

        FluentActions
            .Invoking(() => without.Detect(ScoringData()))
            .Should()
            .Throw<InvalidOperationException>()
            .WithMessage($"The {model.Card.Kind} model has no threshold*");
        FluentActions
            .Invoking(() => model.WithThreshold(double.NaN, "x"))
            .Should()
            .Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Every_card_field_round_trips_through_the_file_in_camel_case()
    {
        var model = CreateDetector().Fit(TrainingData());
        var card = model.Card.WithTrainingWindow(
            new DateTimeOffset(2024, 3, 4, 1, 2, 3, TimeSpan.FromHours(2)).AddTicks(1234567),
            new DateTimeOffset(2024, 3, 18, 0, 0, 0, TimeSpan.Zero),
            4321
        ) with
        {
            Description = "what it flags",
            DataSet = "Logons: account × UTC day",
            TrainingSummary = new JsonObject
            {
                ["Final_Loss"] = 0.25,
                ["per_tenant"] = new JsonObject { ["UserCount"] = 3 },
            },
            Metrics = new Dictionary<string, double> { ["recall"] = 0.5, ["false_positive_rate"] = 0.01 },
        };
        var tuned = model.WithCard(card).WithThreshold(1.25, "fpr=0.01 on labelled demo data");
        using var stream = new MemoryStream();
        tuned.Save(stream);

        var loaded = Load(new MemoryStream(stream.ToArray()), "card.model").Card;

        ModelCards.ToJson(loaded).Should().Be(ModelCards.ToJson(tuned.Card));
        loaded
            .Should()
            .BeEquivalentTo(tuned.Card, options => options.Excluding(c => c.Options).Excluding(c => c.TrainingSummary));
        loaded
            .TrainingWindowStart.Should()
            .Be(new DateTimeOffset(2024, 3, 3, 23, 2, 3, TimeSpan.Zero).AddTicks(1234567));
        loaded.TrainingSummary["finalLoss"]!.GetValue<double>().Should().Be(0.25);
        loaded.TrainingSummary["perTenant"]!["userCount"]!.GetValue<int>().Should().Be(3);
        loaded.Metrics.Should().ContainKey("falsePositiveRate");
        loaded.Threshold.Should().Be(1.25);
        loaded.ThresholdMethod.Should().Be("fpr=0.01 on labelled demo data");
        NonCamelCaseKeys(JsonNode.Parse(ModelCards.ToJson(loaded))).Should().BeEmpty();
    }

    [Fact]
    public void A_version_1_file_still_loads_and_scores_identically()
    {
        var path = Path.Combine(ModelFiles, FixtureFolder, Version1File + ".model");
        var expected = JsonNode.Parse(
            File.ReadAllText(Path.Combine(ModelFiles, FixtureFolder, Version1File + ".scores.json"))
        )!["scores"]!
            .AsArray()
            .Select(node =>
                node!.GetValueKind() == JsonValueKind.String
                    ? double.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
                    : node.GetValue<double>()
            )
            .ToArray();

        var loaded = TModel.Load(path);

        Bits(loaded.Score(ScoringData())).Should().Equal(Bits(expected));
        loaded.Card.Version.Should().Be(1);
        NonCamelCaseKeys(JsonNode.Parse(ModelCards.ToJson(loaded.Card)))
            .Should()
            .BeEmpty("version 1 keys are migrated to camelCase");
        BitConverter
            .ToInt32(File.ReadAllBytes(path), 8)
            .Should()
            .Be(int.Parse(FixtureFolder[1..], System.Globalization.CultureInfo.InvariantCulture));
        using var resaved = new MemoryStream();
        loaded.Save(resaved);
        BitConverter.ToInt32(resaved.ToArray(), 8).Should().Be(ModelFile.ContainerVersion);
        Bits(Load(new MemoryStream(resaved.ToArray()), "resaved.model").Score(ScoringData()))
            .Should()
            .Equal(Bits(expected));
    }

    [Fact]
    public void Explain_returns_an_explanation_for_every_item()
    {
        var model = CreateDetector().Fit(TrainingData());
        var items = ScoringData();
        var scores = model.Score(items);

        for (int index = 0; index < items.Count; index++)
        {
            var explanation = model.Explain(items[index]);
            explanation.Should().NotBeNull();
            explanation.Contributions.Should().NotBeNull();
            explanation.AnomalousDirection.Should().BeOneOf(-1, 1);
            if (ExplanationOutputIsScore)
                Bits([explanation.Output]).Should().Equal(Bits([scores[index]]), $"item {index}'s output is its score");
            if (
                double.IsFinite(explanation.Output)
                && explanation.Contributions.All(part => double.IsFinite(part.Contribution))
            )
            {
                explanation.Contributions.Should().NotBeEmpty();
                (explanation.BaseValue + explanation.Contributions.Sum(part => part.Contribution))
                    .Should()
                    .BeApproximately(
                        explanation.Output,
                        1e-9 * Math.Max(1, Math.Abs(explanation.Output)),
                        $"item {index}'s parts add up to its output"
                    );
            }
        }
    }

    [Fact]
    public void Bad_files_fail_with_a_model_file_exception_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        var text = folder.File("text.model");
        File.WriteAllText(text, "not a model at all");
        var other = folder.File("other.model");
        ModelFile.Save(other, new ModelCard { Kind = "NoSuchKind" }, 1, writer => writer.Write(1));

        FluentActions
            .Invoking(() => TModel.Load(text))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage($"{text}: *SECMLMDL*");
        FluentActions
            .Invoking(() => TModel.Load(other))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage($"{other}: expected a * model, received a NoSuchKind model.");
        FluentActions
            .Invoking(() => TModel.Load(new MemoryStream([]), "empty.model"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("empty.model: *");
    }

    /// <summary>The bits of each value, every NaN as the one canonical NaN (its payload depends on how it was
    /// computed).</summary>
    private static long[] Bits(IEnumerable<double> values) =>
        values.Select(value => BitConverter.DoubleToInt64Bits(double.IsNaN(value) ? double.NaN : value)).ToArray();

    private static List<string> NonCamelCaseKeys(JsonNode? node) =>
        node switch
        {
            JsonObject obj => obj.SelectMany(pair =>
                    (
                        System.Text.RegularExpressions.Regex.IsMatch(pair.Key, "^[a-z][A-Za-z0-9]*$")
                            ? []
                            : new List<string> { pair.Key }
                    ).Concat(NonCamelCaseKeys(pair.Value))
                )
                .ToList(),
            JsonArray array => array.SelectMany(NonCamelCaseKeys).ToList(),
            _ => [],
        };
}
