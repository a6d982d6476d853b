namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Adam (Kingma and Ba, 2015) with L2 weight decay added to the gradient, as MXNet's <c>adam</c> optimiser that
/// SageMaker IP Insights trains with: β₁ 0.9, β₂ 0.999, ε 1e-8, bias correction folded into the step size. Embedding
/// tables are updated lazily (only the rows a batch touched, as MXNet does for row-sparse gradients); the dense
/// layers every step.
/// </summary>
internal sealed class AdamOptimizer(IpEmbeddingNetwork network, double learningRate, double weightDecay)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly double[] _entityMean = new double[network.EntityTable.Length];
    private readonly double[] _entityVariance = new double[network.EntityTable.Length];
    private readonly double[] _ipMean = new double[network.IpTable.Length];
    private readonly double[] _ipVariance = new double[network.IpTable.Length];
    private readonly double[][] _weightMean = network.Weights.Select(w => new double[w.Length]).ToArray();
    private readonly double[][] _weightVariance = network.Weights.Select(w => new double[w.Length]).ToArray();
    private readonly double[][] _biasMean = network.Biases.Select(b => new double[b.Length]).ToArray();
    private readonly double[][] _biasVariance = network.Biases.Select(b => new double[b.Length]).ToArray();
    private int _step;

    public void Step(IpEmbeddingGradients gradients)
    {
        _step++;
        double stepSize = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, _step)) / (1 - Math.Pow(Beta1, _step));
        int d = network.Dimension;
        foreach (int row in gradients.EntityRowsTouched)
        {
            Update(network.EntityTable, gradients.EntityTable, _entityMean, _entityVariance, row * d, d, stepSize);
        }
        foreach (int row in gradients.IpRowsTouched)
        {
            Update(network.IpTable, gradients.IpTable, _ipMean, _ipVariance, row * d, d, stepSize);
        }
        for (int layer = 0; layer < network.Layers; layer++)
        {
            var weights = network.Weights[layer];
            Update(
                weights,
                gradients.Weights[layer],
                _weightMean[layer],
                _weightVariance[layer],
                0,
                weights.Length,
                stepSize
            );
            var biases = network.Biases[layer];
            Update(biases, gradients.Biases[layer], _biasMean[layer], _biasVariance[layer], 0, biases.Length, stepSize);
        }
    }

    private void Update(
        double[] values,
        double[] gradient,
        double[] mean,
        double[] variance,
        int start,
        int length,
        double stepSize
    )
    {
        for (int index = start; index < start + length; index++)
        {
            double g = gradient[index] + weightDecay * values[index];
            mean[index] = Beta1 * mean[index] + (1 - Beta1) * g;
            variance[index] = Beta2 * variance[index] + (1 - Beta2) * g * g;
            values[index] -= stepSize * mean[index] / (Math.Sqrt(variance[index]) + Epsilon);
        }
    }
}
