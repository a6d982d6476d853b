using SecurityML.Numerics;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// The training loop: shuffle the observed pairs each epoch, cut them into mini-batches, add random and shuffled
/// negatives per batch, back-propagate and take an Adam step; after each epoch, the validation loss on the held-out
/// slice (see <see cref="IpEmbeddingOptions.ValidationFraction"/>) decides whether to go on, and the weights of the
/// best epoch are kept. One <see cref="DeterministicRandom"/> stream of the seed drives the initial weights, shuffles
/// and negatives, in a fixed order, and another the held-out slice's negatives, so a seed gives one model whatever the
/// thread count, .NET version or platform.
/// </summary>
internal sealed class IpEmbeddingTrainer(IpEmbeddingOptions options)
{
    /// <summary>The <see cref="DeterministicRandom"/> stream of the weights, shuffles and training negatives.</summary>
    internal const ulong TrainingStream = 0;

    /// <summary>The stream of the held-out slice's negatives.</summary>
    internal const ulong ValidationStream = 1;

    /// <summary>The stream that picks the held-out slice (<see cref="ValidationSplit"/>).</summary>
    internal const ulong SplitStream = 2;

    /// <summary>Trains on pairs given as entities (mapped to rows by <paramref name="vocabulary"/>) and
    /// addresses.</summary>
    public TrainingResult Train(
        IReadOnlyList<string> entities,
        uint[] addresses,
        EntityVocabulary vocabulary,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        var (order, validation) = ValidationSplit.Split(entities, options.ValidationFraction, options.Seed);
        var prefixes = options.NumberOfIpPrefixVectors is { } prefixRows
            ? IpPrefixVocabulary.Hashed(prefixRows)
            : IpPrefixVocabulary.Exact(order.Select(pair => addresses[pair]));
        var random = new DeterministicRandom(options.Seed, TrainingStream);
        var network = new IpEmbeddingNetwork(
            vocabulary.RowCount,
            prefixes.RowCount,
            options.VectorDimension,
            options.NumberOfIpEncoderLayers,
            prefixes
        );
        network.Initialize(random);
        int[] entityRows = entities.Select(entity => vocabulary.Lookup(entity).Row).ToArray();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaximumDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        var validationBatch = ValidationBatch(network, validation, entityRows, addresses);
        int batchSize = Math.Min(options.MiniBatchSize, order.Length);
        var batch = NewBatch(batchSize, network);
        var gradients = new IpEmbeddingGradients(network);
        var optimizer = new AdamOptimizer(network, options.LearningRate, options.WeightDecay);
        var losses = new List<double>();
        var validationLosses = new List<double>();
        var stopping = new EarlyStopping(options, network);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order.AsSpan());
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < order.Length; start += batchSize, batches++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FillBatch(
                    batch,
                    network,
                    order.AsSpan(start, Math.Min(batchSize, order.Length - start)),
                    entityRows,
                    addresses,
                    random
                );
                lossSum += Step(network, batch, gradients, optimizer, parallel);
            }
            losses.Add(lossSum / batches);
            progress?.Report(new TrainingProgress("epoch", epoch, options.Epochs, losses[^1]));
            if (validationBatch is null)
                continue;
            validationLosses.Add(IpEmbeddingBackpropagation.Loss(network, validationBatch, parallel));
            progress?.Report(new TrainingProgress("validation", epoch, options.Epochs, validationLosses[^1]));
            if (stopping.ShouldStop(epoch, validationLosses[^1]))
                break;
        }
        return new TrainingResult(
            stopping.Best(network),
            [.. losses],
            [.. validationLosses],
            validationBatch is null ? losses.Count : stopping.BestEpoch,
            order.Length,
            validation.Length
        );
    }

    /// <summary>One optimiser step on a filled batch; returns the batch's mean loss.</summary>
    private static double Step(
        IpEmbeddingNetwork network,
        TrainingBatch batch,
        IpEmbeddingGradients gradients,
        AdamOptimizer optimizer,
        ParallelOptions parallel
    )
    {
        gradients.Clear();
        double loss = IpEmbeddingBackpropagation.Run(network, batch, gradients, parallel);
        optimizer.Step(gradients);
        return loss;
    }

    /// <summary>The held-out pairs and their negatives, drawn once with their own seeded generator; null when
    /// none.</summary>
    private TrainingBatch? ValidationBatch(
        IpEmbeddingNetwork network,
        int[] validation,
        int[] entityRows,
        uint[] addresses
    )
    {
        if (validation.Length == 0)
            return null;
        var batch = NewBatch(validation.Length, network);
        FillBatch(
            batch,
            network,
            validation,
            entityRows,
            addresses,
            new DeterministicRandom(options.Seed, ValidationStream)
        );
        return batch;
    }

    private TrainingBatch NewBatch(int pairs, IpEmbeddingNetwork network) =>
        new(pairs * (1 + options.RandomNegativeSamplingRate + options.ShuffledNegativeSamplingRate), network);

    /// <summary>The observed pairs (label 1), then per pair R random negatives (its entity, each octet uniform),
    /// then S rounds of the batch's entities paired with the addresses of a random permutation of the batch (label
    /// 0).</summary>
    private void FillBatch(
        TrainingBatch batch,
        IpEmbeddingNetwork network,
        ReadOnlySpan<int> members,
        int[] entityRows,
        uint[] addresses,
        DeterministicRandom random
    )
    {
        batch.Count = 0;
        Span<int> rows = stackalloc int[IpEmbeddingNetwork.PrefixLevels];
        foreach (int pair in members)
        {
            network.IpRows(addresses[pair], rows);
            batch.Add(entityRows[pair], rows, 1);
        }
        for (int round = 0; round < options.RandomNegativeSamplingRate; round++)
        {
            foreach (int pair in members)
            {
                network.IpRows(random.NextUInt32(), rows);
                batch.Add(entityRows[pair], rows, 0);
            }
        }
        var permutation = new int[members.Length];
        for (int round = 0; round < options.ShuffledNegativeSamplingRate; round++)
        {
            for (int index = 0; index < permutation.Length; index++)
                permutation[index] = members[index];
            random.Shuffle(permutation.AsSpan());
            for (int index = 0; index < members.Length; index++)
            {
                network.IpRows(addresses[permutation[index]], rows);
                batch.Add(entityRows[members[index]], rows, 0);
            }
        }
    }
}
