using System.Collections.Concurrent;
using System.Reflection;
using SecurityML.Detection;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Detection.Baseline;
using SecurityML.Detection.Clustering;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.RandomCutForest;
using SecurityML.Detection.Sequences;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Scoring;

/// <summary>
/// Maps <see cref="ModelCard.Kind"/> to a loader, so that a tool can load any model file and score events with it.
/// Every kind of the library is registered, each with the mapping from events to its scoring units:
/// AccessAnomaly (<see cref="AccessAnomalyScoring"/>), IsolationForest (<see cref="IsolationForestScoring"/>),
/// StlAnomaly (<see cref="StlScoring"/>), Dbscan (<see cref="DbscanScoring"/>), MarkovSession
/// (<see cref="MarkovSessionScoring"/>), IpEmbedding, PrefixFrequency and RobustZScore (<see cref="PairScoring"/>),
/// RandomCutForest (<see cref="RandomCutForestScoring"/>); add yours with
/// <see cref="Register"/> or <see cref="RegisterLoadersIn"/>.
/// </summary>
public static class ModelRegistry
{
    private static readonly ConcurrentDictionary<string, IModelLoader> Loaders = new(
        new IModelLoader[]
        {
            new KindLoader(
                AccessAnomalyModel.Kind,
                (stream, name, _) => AccessAnomalyScoring.Create(AccessAnomalyModel.Load(stream, name))
            ),
            new KindLoader(
                IsolationForestModel.Kind,
                (stream, name, options) =>
                    IsolationForestScoring.Create(IsolationForestModel.Load(stream, name), options)
            ),
            new KindLoader(
                StlAnomalyModel.Kind,
                (stream, name, _) => StlScoring.Create(StlAnomalyModel.Load(stream, name))
            ),
            new KindLoader(DbscanModel.Kind, (stream, name, _) => DbscanScoring.Create(DbscanModel.Load(stream, name))),
            new KindLoader(
                MarkovSessionModel.Kind,
                (stream, name, _) => MarkovSessionScoring.Create(MarkovSessionModel.Load(stream, name))
            ),
            new KindLoader(
                IpEmbeddingModel.Kind,
                (stream, name, _) => PairScoring.ForIpEmbedding(IpEmbeddingModel.Load(stream, name))
            ),
            new KindLoader(
                PrefixFrequencyModel.Kind,
                (stream, name, _) => PairScoring.ForPrefixFrequency(PrefixFrequencyModel.Load(stream, name))
            ),
            new KindLoader(
                RobustZScoreModel.Kind,
                (stream, name, _) => PairScoring.ForRobustZScore(RobustZScoreModel.Load(stream, name))
            ),
            new KindLoader(
                RandomCutForestModel.Kind,
                (stream, name, _) => RandomCutForestScoring.Create(RandomCutForestModel.Load(stream, name))
            ),
        }.ToDictionary(loader => loader.Kind),
        StringComparer.Ordinal
    );

    /// <summary>The registered kinds, sorted.</summary>
    public static IReadOnlyList<string> Kinds => Loaders.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers (or replaces) the loader of <see cref="IModelLoader.Kind"/>.</summary>
    public static void Register(IModelLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentException.ThrowIfNullOrEmpty(loader.Kind, nameof(loader));
        Loaders[loader.Kind] = loader;
    }

    /// <summary>Registers every public, non-abstract <see cref="IModelLoader"/> with a parameterless constructor in
    /// <paramref name="assembly"/>; returns their kinds.</summary>
    public static IReadOnlyList<string> RegisterLoadersIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var loaders = assembly
            .GetExportedTypes()
            .Where(type =>
                typeof(IModelLoader).IsAssignableFrom(type)
                && !type.IsAbstract
                && type.GetConstructor(Type.EmptyTypes) is not null
            )
            .Select(type => (IModelLoader)Activator.CreateInstance(type)!)
            .ToList();
        loaders.ForEach(Register);
        return loaders.Select(loader => loader.Kind).ToList();
    }

    /// <summary>Loads a model file of any registered kind for event scoring.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="options">How events become units; null for <see cref="EventScoringOptions.Default"/>.</param>
    /// <exception cref="ModelFileException">Not a model file, corrupted, of a kind with no loader (the message lists
    /// the registered kinds), or a value the loader cannot use (also when a plugin's loader throws an argument, format,
    /// JSON, overflow, end-of-stream or invalid-data error).</exception>
    /// <exception cref="ArgumentException">An option does not fit the model (e.g. a --window other than the
    /// model's).</exception>
    public static IEventScorer Load(string path, EventScoringOptions? options = null)
    {
        var bytes = File.ReadAllBytes(path);
        return Load(bytes, path, options ?? EventScoringOptions.Default);
    }

    /// <summary>Loads a model from a stream of any registered kind.</summary>
    /// <inheritdoc cref="Load(string, EventScoringOptions?)"/>
    public static IEventScorer Load(Stream stream, string sourceName = "model", EventScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.ToArray(), sourceName, options ?? EventScoringOptions.Default);
    }

    private static IEventScorer Load(byte[] bytes, string sourceName, EventScoringOptions options)
    {
        var card = ModelFile.ReadCard(new MemoryStream(bytes), sourceName);
        if (!Loaders.TryGetValue(card.Kind, out var loader))
        {
            // The repository's own plugin, named so users need not search for it.
            string plugin =
                card.Kind == "AlertTriage" ? "--plugin artifacts/lib/SecurityML.MLNet.dll" : "add yours with --plugin";
            throw new ModelFileException(
                sourceName,
                $"no loader is registered for {card.Kind} models; registered kinds: {string.Join(", ", Kinds)} "
                    + $"({plugin})"
            );
        }
        if (options.Window is not null && card.Kind != IsolationForestModel.Kind)
        {
            throw new ArgumentException(
                $"--window: {card.Kind} models have no aggregation window (their units are described in "
                    + $"docs/scoring.md)"
            );
        }
        IsolationForestScoring.CheckWindow(card, options.Window);
        // A plugin's loader may check less than the library's: its data errors become ModelFileExceptions too.
        return ModelFile.Guarded(
            sourceName,
            "the payload ends early",
            () => loader.Load(new MemoryStream(bytes), sourceName, options)
        );
    }

    private sealed class KindLoader(string kind, Func<Stream, string, EventScoringOptions, IEventScorer> load)
        : IModelLoader
    {
        public string Kind => kind;

        public IEventScorer Load(Stream stream, string sourceName, EventScoringOptions options) =>
            load(stream, sourceName, options);
    }
}
