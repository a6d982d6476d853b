namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Forward and backward pass of the mean binary cross-entropy (logistic loss of the dot product) over a batch.
/// Per-sample work runs in parallel; every sum over samples runs in sample order, so the gradients are bitwise
/// identical for any degree of parallelism.
/// </summary>
internal static class IpEmbeddingBackpropagation
{
    /// <summary>Adds the batch's gradients to <paramref name="gradients"/> and returns the mean loss.</summary>
    public static double Run(
        IpEmbeddingNetwork network,
        TrainingBatch batch,
        IpEmbeddingGradients gradients,
        ParallelOptions parallel
    )
    {
        int count = batch.Count,
            d = network.Dimension,
            length = network.ActivationLength;
        Parallel.For(
            0,
            count,
            parallel,
            sample =>
            {
                var activations = batch.Activations.AsSpan(sample * length, length);
                double logit = network.Forward(batch.EntityRows[sample], batch.IpRowsOf(sample), activations);
                double label = batch.Labels[sample];
                batch.Losses[sample] = label > 0.5 ? Softplus(-logit) : Softplus(logit);
                double gradient = (Sigmoid(logit) - label) / count;
                batch.OutputGradients[sample] = gradient;
                var delta = batch.Delta.AsSpan(sample * d, d);
                delta.Clear();
                VectorMath.AddScaled(delta, gradient, network.EntityVector(batch.EntityRows[sample]));
            }
        );
        for (int sample = 0; sample < count; sample++)
        {
            var ipVector = batch.Activations.AsSpan(sample * length + network.Layers * d, d);
            gradients.AddToEntity(batch.EntityRows[sample], batch.OutputGradients[sample], ipVector);
        }
        for (int layer = network.Layers - 1; layer >= 0; layer--)
            BackwardLayer(network, batch, gradients, layer, parallel);
        for (int sample = 0; sample < count; sample++)
        {
            foreach (int row in batch.IpRowsOf(sample))
                gradients.AddToIp(row, batch.Delta.AsSpan(sample * d, d));
        }
        double loss = 0;
        for (int sample = 0; sample < count; sample++)
            loss += batch.Losses[sample];
        return loss / count;
    }

    /// <summary>The mean loss over the batch without gradients (the validation loss); summed in sample order.</summary>
    public static double Loss(IpEmbeddingNetwork network, TrainingBatch batch, ParallelOptions parallel)
    {
        int length = network.ActivationLength;
        Parallel.For(
            0,
            batch.Count,
            parallel,
            sample =>
            {
                double logit = network.Forward(
                    batch.EntityRows[sample],
                    batch.IpRowsOf(sample),
                    batch.Activations.AsSpan(sample * length, length)
                );
                batch.Losses[sample] = batch.Labels[sample] > 0.5 ? Softplus(-logit) : Softplus(logit);
            }
        );
        double loss = 0;
        for (int sample = 0; sample < batch.Count; sample++)
            loss += batch.Losses[sample];
        return loss / batch.Count;
    }

    /// <summary>On entry Delta holds dLoss/dh_{layer+1}; on exit dLoss/dh_layer.</summary>
    private static void BackwardLayer(
        IpEmbeddingNetwork network,
        TrainingBatch batch,
        IpEmbeddingGradients gradients,
        int layer,
        ParallelOptions parallel
    )
    {
        int count = batch.Count,
            d = network.Dimension,
            length = network.ActivationLength;
        var delta = batch.Delta;
        if (layer < network.Layers - 1)
        {
            Parallel.For(
                0,
                count,
                parallel,
                sample =>
                {
                    var output = batch.Activations.AsSpan(sample * length + (layer + 1) * d, d);
                    var sampleDelta = delta.AsSpan(sample * d, d);
                    for (int unit = 0; unit < d; unit++)
                        if (output[unit] <= 0)
                            sampleDelta[unit] = 0;
                }
            );
        }
        AccumulateWeightGradient(batch, gradients, layer, d, length, parallel);
        var weights = network.Weights[layer];
        var next = batch.NextDelta;
        Parallel.For(
            0,
            count,
            parallel,
            sample =>
            {
                var target = next.AsSpan(sample * d, d);
                target.Clear();
                for (int output = 0; output < d; output++)
                {
                    double value = delta[sample * d + output];
                    if (value != 0)
                        VectorMath.AddScaled(target, value, weights.AsSpan(output * d, d));
                }
            }
        );
        (batch.Delta, batch.NextDelta) = (next, delta);
    }

    /// <summary>dW[o, ·] += Σᵢ δᵢ[o] hᵢ and db[o] += Σᵢ δᵢ[o], summed in sample order for every o (so the result does
    /// not depend on how outputs are split between threads); samples are visited in cache-sized blocks.</summary>
    private static void AccumulateWeightGradient(
        TrainingBatch batch,
        IpEmbeddingGradients gradients,
        int layer,
        int d,
        int length,
        ParallelOptions parallel
    )
    {
        const int SampleBlock = 64;
        var delta = batch.Delta;
        var weightGradient = gradients.Weights[layer];
        var biasGradient = gradients.Biases[layer];
        int count = batch.Count;
        int outputsPerTask = Math.Max(
            1,
            (d + parallel.MaxDegreeOfParallelism - 1) / Math.Max(1, parallel.MaxDegreeOfParallelism)
        );
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, d, outputsPerTask),
            parallel,
            range =>
            {
                for (int blockStart = 0; blockStart < count; blockStart += SampleBlock)
                {
                    int blockEnd = Math.Min(count, blockStart + SampleBlock);
                    for (int output = range.Item1; output < range.Item2; output++)
                    {
                        var row = weightGradient.AsSpan(output * d, d);
                        for (int sample = blockStart; sample < blockEnd; sample++)
                        {
                            double value = delta[sample * d + output];
                            if (value == 0)
                                continue;
                            VectorMath.AddScaled(row, value, batch.Activations.AsSpan(sample * length + layer * d, d));
                            biasGradient[output] += value;
                        }
                    }
                }
            }
        );
    }

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log(1 + eˣ) without overflow.</summary>
    public static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
