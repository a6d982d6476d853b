using SecurityML.Detection;
using SecurityML.Scoring;

namespace SecurityML.Tests.Detection;

/// <summary>
/// Loads every <see cref="ModelFileMutations"/> of a saved model and sorts the outcomes: rejected with a
/// <see cref="ModelFileException"/> that names the file (and not by a <see cref="NullReferenceException"/> or an index
/// error the loader failed to check for), or loaded and then scoring the sample without throwing anything but the
/// documented <see cref="ArgumentException"/>. Anything else is a failure, described with the mutation.
/// </summary>
public sealed class ModelFileFuzz<TInput, TModel>(Func<Stream, string, TModel> load, IReadOnlyList<TInput> sample)
    where TModel : IAnomalyModel<TInput>
{
    private const string SourceName = "fuzzed.model";

    /// <summary>Runs every mutation of <paramref name="file"/> for <paramref name="seed"/>.</summary>
    public FuzzOutcome Run(byte[] file, int seed)
    {
        var outcome = new FuzzOutcome();
        foreach (var mutation in ModelFileMutations.Of(file, seed, ModelRegistryKinds))
        {
            outcome.Total++;
            var failure = Try(mutation, outcome);
            if (failure is not null)
                outcome.Failures.Add($"{mutation.Name}: {failure}");
        }
        return outcome;
    }

    /// <summary>Every kind the library writes, so a file can be relabelled as each other kind.</summary>
    private static readonly IReadOnlyList<string> ModelRegistryKinds = new[]
    {
        SecurityML.Detection.AccessAnomaly.AccessAnomalyModel.Kind,
        SecurityML.Detection.Clustering.DbscanModel.Kind,
        SecurityML.Detection.IpEmbedding.IpEmbeddingModel.Kind,
        SecurityML.Detection.IsolationForest.IsolationForestModel.Kind,
        SecurityML.Detection.Sequences.MarkovSessionModel.Kind,
        SecurityML.Detection.Baseline.RobustZScoreModel.Kind,
        SecurityML.Detection.TimeSeries.StlAnomalyModel.Kind,
    }
        .Concat(ModelRegistry.Kinds)
        .Distinct()
        .ToList();

    private string? Try(ModelFileMutation mutation, FuzzOutcome outcome)
    {
        TModel model;
        try
        {
            model = load(new MemoryStream(mutation.Bytes), SourceName);
        }
        catch (ModelFileException e)
        {
            outcome.Rejected++;
            if (e.SourceName != SourceName || !e.Message.StartsWith(SourceName + ": ", StringComparison.Ordinal))
                return $"the message does not name the file: {e.Message}";
            if (mutation.ChecksumValid && e.Message.Contains("checksum", StringComparison.Ordinal))
                return $"a recomputed checksum was rejected: {e.Message}";
            return e.InnerException is NullReferenceException or IndexOutOfRangeException or InvalidCastException
                ? $"rejected only by an unchecked {e.InnerException.GetType().Name}: {e.Message}"
                : null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        if (mutation.MustReject)
            return "loaded, but this file must be rejected";
        try
        {
            model.Score(sample);
            outcome.Loaded++;
            return null;
        }
        catch (ArgumentException)
        {
            outcome.LoadedButSampleRejected++;
            return null;
        }
        catch (Exception e)
        {
            return $"loaded, then Score threw {e.GetType().Name}: {e.Message}";
        }
    }
}

/// <summary>The counts of one fuzz run.</summary>
public sealed class FuzzOutcome
{
    /// <summary>Mutations tried.</summary>
    public int Total { get; set; }

    /// <summary>Rejected with a <see cref="ModelFileException"/> naming the file.</summary>
    public int Rejected { get; set; }

    /// <summary>Loaded and scored the sample.</summary>
    public int Loaded { get; set; }

    /// <summary>Loaded; Score rejected the sample with an <see cref="ArgumentException"/>.</summary>
    public int LoadedButSampleRejected { get; set; }

    /// <summary>Descriptions of mutations that broke the contract.</summary>
    public List<string> Failures { get; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"{Total} mutations: {Rejected} rejected, {Loaded} loaded and scored, {LoadedButSampleRejected} loaded "
        + $"with the sample rejected, {Failures.Count} failures";
}
