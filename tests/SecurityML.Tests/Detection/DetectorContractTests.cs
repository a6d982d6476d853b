using System.Text.Json;
using SecurityML.Detection;

namespace SecurityML.Tests.Detection;

/// <summary>
/// The contract every detector honours (house rule 6). A technique's tests derive from this class, supply a
/// detector factory and data, and inherit these facts: determinism for a seed, no mutation of the input, null
/// arguments rejected, one score per item, save → load → identical scores, corrupted files rejected; and (in
/// DetectorContractTests.ModelFile.cs) the model file and card contract.
/// </summary>
/// <typeparam name="TInput">The detector's input item.</typeparam>
/// <typeparam name="TModel">The fitted model.</typeparam>
public abstract partial class DetectorContractTests<TInput, TModel>
    where TModel : IAnomalyModel<TInput>, IModelFile<TModel>
{
    /// <summary>A detector with a fixed seed (the same seed every call).</summary>
    protected abstract IAnomalyDetector<TInput, TModel> CreateDetector();

    /// <summary>Training data (small: the contract fits several times).</summary>
    protected abstract IReadOnlyList<TInput> TrainingData();

    /// <summary>Items to score, including some unlike the training data.</summary>
    protected abstract IReadOnlyList<TInput> ScoringData();

    /// <summary>Loads a model saved with <see cref="IAnomalyModel{TInput}.Save(Stream)"/>;
    /// <paramref name="sourceName"/> names it in errors. The model type's static Load by default.</summary>
    protected virtual TModel Load(Stream stream, string sourceName) => TModel.Load(stream, sourceName);

    /// <summary>A text snapshot of an item, to detect mutation; JSON by default.</summary>
    protected virtual string Snapshot(TInput item) => JsonSerializer.Serialize(item);

    [Fact]
    public void Same_seed_gives_the_same_scores()
    {
        var first = CreateDetector().Fit(TrainingData()).Score(ScoringData());
        var second = CreateDetector().Fit(TrainingData()).Score(ScoringData());

        second.Should().Equal(first);
    }

    [Fact]
    public void Fit_and_score_do_not_modify_their_input()
    {
        var training = TrainingData();
        var scoring = ScoringData();
        var before = training.Concat(scoring).Select(Snapshot).ToList();

        CreateDetector().Fit(training).Score(scoring);

        training.Concat(scoring).Select(Snapshot).Should().Equal(before);
    }

    [Fact]
    public void Score_returns_one_score_per_item()
    {
        var scoring = ScoringData();

        CreateDetector().Fit(TrainingData()).Score(scoring).Should().HaveCount(scoring.Count);
    }

    [Fact]
    public void Null_arguments_are_rejected_with_their_names()
    {
        FluentActions
            .Invoking(() => CreateDetector().Fit(null!))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("trainingData");
        var model = CreateDetector().Fit(TrainingData());
        FluentActions
            .Invoking(() => model.Score(null!))
            .Should()
            .Throw<ArgumentNullException>()
            .WithParameterName("items");
    }

    [Fact]
    public void Save_then_load_gives_identical_scores_and_card()
    {
        var model = CreateDetector().Fit(TrainingData());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = Load(stream, "saved.model");

        loaded.Score(ScoringData()).Should().Equal(model.Score(ScoringData()));
        loaded.Card.Kind.Should().Be(model.Card.Kind);
        JsonSerializer.Serialize(loaded.Card.Options).Should().Be(JsonSerializer.Serialize(model.Card.Options));
    }

    [Fact]
    public void A_corrupted_model_file_is_rejected()
    {
        var model = CreateDetector().Fit(TrainingData());
        using var stream = new MemoryStream();
        model.Save(stream);
        var bytes = stream.ToArray();
        bytes[bytes.Length / 2] ^= 0x5A;

        FluentActions
            .Invoking(() => Load(new MemoryStream(bytes), "corrupted.model"))
            .Should()
            .Throw<ModelFileException>()
            .WithMessage("corrupted.model: *checksum*");
    }

    [Fact]
    public void Mutated_model_files_fail_only_with_a_model_file_exception_naming_the_file()
    {
        var model = CreateDetector().Fit(TrainingData());
        using var stream = new MemoryStream();
        model.Save(stream);
        var outcome = new ModelFileFuzz<TInput, TModel>(Load, ScoringData()).Run(stream.ToArray(), seed: 20261130);

        outcome.Failures.Should().BeEmpty();
        outcome
            .Rejected.Should()
            .BeGreaterThan(outcome.Total / 4, "truncations, raw flips and wrong kinds or versions are rejected");
        outcome.Loaded.Should().BeGreaterThan(0, "some mutations leave a usable model (e.g. a changed description)");
    }

    [Fact]
    public void Progress_is_reported_while_fitting()
    {
        var reports = new List<TrainingProgress>();

        CreateDetector().Fit(TrainingData(), new SynchronousProgress(reports.Add));

        reports.Should().NotBeEmpty();
        reports[^1].Step.Should().Be(reports[^1].TotalSteps);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
