using SecurityML.Detection.IpEmbedding;
using SecurityML.Numerics;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>The hand-written backward pass against central finite differences, and one Adam step against its
/// formula.</summary>
public sealed class IpEmbeddingNetworkTests
{
    private static (IpEmbeddingNetwork Network, TrainingBatch Batch) TinyProblem(int layers)
    {
        var network = new IpEmbeddingNetwork(entityRows: 3, ipPrefixRows: 5, dimension: 4, layers: layers);
        var random = new DeterministicRandom(11);
        network.Initialize(random);
        foreach (var biases in network.Biases)
            for (int index = 0; index < biases.Length; index++)
                biases[index] = random.NextDouble() - 0.5;
        var batch = new TrainingBatch(6, network);
        Span<int> rows = stackalloc int[IpEmbeddingNetwork.PrefixLevels];
        string[] addresses = ["10.0.0.1", "10.0.0.2", "192.168.7.9", "8.8.8.8", "10.0.3.1", "172.16.0.5"];
        for (int sample = 0; sample < addresses.Length; sample++)
        {
            network.IpRows(Ipv4Address.Parse(addresses[sample]), rows);
            batch.Add(sample % 3, rows, sample % 2);
        }
        return (network, batch);
    }

    private static double Loss(IpEmbeddingNetwork network, TrainingBatch batch, IpEmbeddingGradients gradients)
    {
        gradients.Clear();
        return IpEmbeddingBackpropagation.Run(
            network,
            batch,
            gradients,
            new ParallelOptions { MaxDegreeOfParallelism = 1 }
        );
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Backward_pass_matches_finite_differences(int layers)
    {
        var (network, batch) = TinyProblem(layers);
        var analytic = new IpEmbeddingGradients(network);
        Loss(network, batch, analytic);
        var scratch = new IpEmbeddingGradients(network);
        var pairs = new List<(double[] Values, double[] Gradient)>
        {
            (network.EntityTable, analytic.EntityTable),
            (network.IpTable, analytic.IpTable),
        };
        for (int layer = 0; layer < layers; layer++)
        {
            pairs.Add((network.Weights[layer], analytic.Weights[layer]));
            pairs.Add((network.Biases[layer], analytic.Biases[layer]));
        }
        const double step = 1e-6;
        int checkedValues = 0;
        foreach (var (values, gradient) in pairs)
        {
            for (int index = 0; index < values.Length; index++)
            {
                double original = values[index];
                values[index] = original + step;
                double above = Loss(network, batch, scratch);
                values[index] = original - step;
                double below = Loss(network, batch, scratch);
                values[index] = original;
                double numeric = (above - below) / (2 * step);
                gradient[index]
                    .Should()
                    .BeApproximately(
                        numeric,
                        1e-8 + 1e-5 * Math.Abs(numeric),
                        $"parameter {index} of an array of {values.Length}"
                    );
                checkedValues++;
            }
        }
        checkedValues.Should().Be(3 * 4 + (256 + 5) * 4 + layers * (16 + 4));
    }

    [Fact]
    public void Loss_is_the_mean_binary_cross_entropy_of_the_dot_products()
    {
        var (network, batch) = TinyProblem(1);
        double expected = 0;
        var activations = new double[network.ActivationLength];
        for (int sample = 0; sample < batch.Count; sample++)
        {
            double logit = network.Forward(batch.EntityRows[sample], batch.IpRowsOf(sample), activations);
            double probability = 1 / (1 + Math.Exp(-logit));
            expected -= batch.Labels[sample] == 1 ? Math.Log(probability) : Math.Log(1 - probability);
        }

        Loss(network, batch, new IpEmbeddingGradients(network)).Should().BeApproximately(expected / batch.Count, 1e-12);
    }

    [Fact]
    public void First_adam_step_moves_each_touched_value_by_the_learning_rate_against_its_gradient()
    {
        var (network, batch) = TinyProblem(1);
        var gradients = new IpEmbeddingGradients(network);
        Loss(network, batch, gradients);
        var before = (double[])network.Weights[0].Clone();
        const double weightDecay = 0.01;

        new AdamOptimizer(network, learningRate: 0.05, weightDecay).Step(gradients);

        // Step 1 (MXNet's form): m = 0.1 g, v = 0.001 g², Δ = −lr·√(1 − 0.999)/(1 − 0.9) · m / (√v + ε), g = gradient +
        // wd·value; about −lr·sign(g).
        for (int index = 0; index < before.Length; index++)
        {
            double g = gradients.Weights[0][index] + weightDecay * before[index];
            double expected =
                before[index] - 0.05 * Math.Sqrt(0.001) / 0.1 * (0.1 * g) / (Math.Sqrt(0.001 * g * g) + 1e-8);
            network.Weights[0][index].Should().BeApproximately(expected, 1e-12);
            Math.Abs(network.Weights[0][index] - before[index]).Should().BeApproximately(0.05, 1e-3);
        }
        gradients.EntityRowsTouched.Should().BeEquivalentTo([0, 1, 2]);
    }
}
