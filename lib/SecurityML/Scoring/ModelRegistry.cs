using System.Collections.Concurrent;
using System.Reflection;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Detection.Baseline;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>
/// Maps <see cref="ModelCard.Kind"/> to a loader, so that a tool can load any model file and score events with it.
/// The library's own kinds (<see cref="IpEmbeddingModel.ModelKind"/>, <see cref="RobustZScoreModel.ModelKind"/>) are
/// registered; add yours with <see cref="Register"/> or <see cref="RegisterLoadersIn"/>.
/// </summary>
public static class ModelRegistry
{
    private static readonly ConcurrentDictionary<string, IModelLoader> Loaders = new(StringComparer.Ordinal)
    {
        [IpEmbeddingModel.ModelKind] = new IpEmbeddingLoader(),
        [RobustZScoreModel.ModelKind] = new RobustZScoreLoader(),
    };

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
        var loaders = assembly.GetExportedTypes()
            .Where(type => typeof(IModelLoader).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (IModelLoader)Activator.CreateInstance(type)!).ToList();
        loaders.ForEach(Register);
        return loaders.Select(loader => loader.Kind).ToList();
    }

    /// <summary>Loads a model file of any registered kind for event scoring.</summary>
    /// <exception cref="ModelFileException">Not a model file, corrupted, of a kind with no loader (the message lists
    /// the registered kinds), or a value the loader cannot use (also when a plugin's loader throws an argument, format,
    /// JSON, overflow, end-of-stream or invalid-data error).</exception>
    public static IEventScorer Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Load(bytes, path);
    }

    /// <summary>Loads a model from a stream of any registered kind.</summary>
    /// <inheritdoc cref="Load(string)"/>
    public static IEventScorer Load(Stream stream, string sourceName = "model")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.ToArray(), sourceName);
    }

    private static IEventScorer Load(byte[] bytes, string sourceName)
    {
        var card = ModelFile.ReadCard(new MemoryStream(bytes), sourceName);
        if (!Loaders.TryGetValue(card.Kind, out var loader))
        {
            throw new ModelFileException(sourceName,
                $"no loader is registered for {card.Kind} models; registered kinds: {string.Join(", ", Kinds)} (add yours with --plugin)");
        }
        // A plugin's loader may check less than the library's: its data errors become ModelFileExceptions too.
        return ModelFile.Guarded(sourceName, "the payload ends early", () => loader.Load(new MemoryStream(bytes), sourceName));
    }

    /// <summary>Fields tried, in order, for the entity and the address of an event scored by an IP embedding model:
    /// the CSV pair columns, Sentinel SigninLogs, then OCSF Network Activity.</summary>
    public static readonly IReadOnlyList<string> IpEmbeddingEntityFields = ["Entity", "UserPrincipalName", "actor.user.name", "src_endpoint.instance_uid"];

    /// <summary>Fields tried, in order, for the address of an event scored by an IP embedding model.</summary>
    public static readonly IReadOnlyList<string> IpEmbeddingAddressFields = ["IpAddress", "IPAddress", "src_endpoint.ip"];

    private sealed class IpEmbeddingLoader : IModelLoader
    {
        public string Kind => IpEmbeddingModel.ModelKind;

        public IEventScorer Load(Stream stream, string sourceName)
        {
            var model = IpEmbeddingModel.Load(stream, sourceName);
            return new EventScorer<EntityIpPair>(model, @event =>
            {
                var entity = EventFields.Text(@event, [.. IpEmbeddingEntityFields]);
                var address = EventFields.Text(@event, [.. IpEmbeddingAddressFields]);
                if (string.IsNullOrEmpty(entity)) throw new FormatException("the entity is empty");
                return Ipv4Address.TryParse(address, out _, out var problem) ? new EntityIpPair(entity, address) : throw new FormatException(problem);
            }, pairs => model.ScoreWithStatus(pairs).Select(score => (score.Score, (string?)score.Status.ToString())).ToArray());
        }
    }

    private sealed class RobustZScoreLoader : IModelLoader
    {
        public string Kind => RobustZScoreModel.ModelKind;

        public IEventScorer Load(Stream stream, string sourceName)
        {
            var model = RobustZScoreModel.Load(stream, sourceName);
            return new EventScorer<EntityValue>(model, @event => new EntityValue(
                EventFields.Text(@event, model.Options.EntityField), EventFields.Number(@event, model.Options.FeatureName)));
        }
    }
}
