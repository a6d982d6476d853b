namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// The training loop: shuffle the observed pairs each epoch, cut them into mini-batches, add random and shuffled
/// negatives per batch, back-propagate and take an Adam step. One seeded <see cref="Random"/> drives the initial
/// weights, shuffles and negatives, in a fixed order, so a seed gives one model whatever the thread count.
/// </summary>
internal sealed class IpEmbeddingTrainer(IpEmbeddingOptions options)
{
    /// <summary>Trains on pairs given as entity rows and addresses; returns the network and the mean loss per epoch.</summary>
    public (IpEmbeddingNetwork Network, double[] EpochLosses) Train(IReadOnlyList<string> entities, uint[] addresses,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var network = new IpEmbeddingNetwork(options.NumberOfEntityVectors, options.NumberOfIpPrefixVectors,
            options.VectorDimension, options.NumberOfIpEncoderLayers);
        network.Initialize(random);
        int[] entityRows = entities.Select(network.EntityRow).ToArray();
        int batchSize = Math.Min(options.MiniBatchSize, addresses.Length);
        int samplesPerPair = 1 + options.RandomNegativeSamplingRate + options.ShuffledNegativeSamplingRate;
        var batch = new TrainingBatch(batchSize * samplesPerPair, network);
        var gradients = new IpEmbeddingGradients(network);
        var optimizer = new AdamOptimizer(network, options.LearningRate, options.WeightDecay);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaximumDegreeOfParallelism, CancellationToken = cancellationToken };
        var order = Enumerable.Range(0, addresses.Length).ToArray();
        var losses = new double[options.Epochs];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, order.Length, random);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < order.Length; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var members = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
                FillBatch(batch, network, members, entityRows, addresses, random);
                gradients.Clear();
                lossSum += IpEmbeddingBackpropagation.Run(network, batch, gradients, parallel);
                optimizer.Step(gradients);
                batches++;
            }
            losses[epoch] = lossSum / batches;
            progress?.Report(new TrainingProgress("epoch", epoch + 1, options.Epochs, losses[epoch]));
        }
        return (network, losses);
    }

    /// <summary>The observed pairs (label 1), then per pair R random negatives (its entity, each octet uniform),
    /// then S rounds of the batch's entities paired with the addresses of a random permutation of the batch (label 0).</summary>
    private void FillBatch(TrainingBatch batch, IpEmbeddingNetwork network, ReadOnlySpan<int> members,
        int[] entityRows, uint[] addresses, Random random)
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
                network.IpRows((uint)random.NextInt64(0, 1L << 32), rows);
                batch.Add(entityRows[pair], rows, 0);
            }
        }
        var permutation = new int[members.Length];
        for (int round = 0; round < options.ShuffledNegativeSamplingRate; round++)
        {
            for (int index = 0; index < permutation.Length; index++) permutation[index] = members[index];
            Shuffle(permutation, permutation.Length, random);
            for (int index = 0; index < members.Length; index++)
            {
                network.IpRows(addresses[permutation[index]], rows);
                batch.Add(entityRows[members[index]], rows, 0);
            }
        }
    }

    /// <summary>Fisher–Yates shuffle of the first <paramref name="count"/> items.</summary>
    private static void Shuffle(int[] values, int count, Random random)
    {
        for (int index = count - 1; index > 0; index--)
        {
            int other = random.Next(index + 1);
            (values[index], values[other]) = (values[other], values[index]);
        }
    }
}
