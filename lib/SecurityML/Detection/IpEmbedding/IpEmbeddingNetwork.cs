using SecurityML.Numerics;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// The learned values of the entity–IP network and its forward pass. An entity has a row of <see cref="EntityTable"/>
/// (given by <see cref="EntityVocabulary"/>); an address is the sum of four prefix embeddings of <see cref="IpTable"/>
/// (its /8 on one of 256 rows, its /16, /24 and /32 hashed onto <see cref="IpPrefixRows"/> shared rows, salted by
/// prefix length), then <see cref="Layers"/> fully connected layers (ReLU between them, the last linear). The logit is
/// the dot product.
/// </summary>
internal sealed class IpEmbeddingNetwork
{
    /// <summary>Prefix lengths encoded per address: /8, /16, /24, /32.</summary>
    public const int PrefixLevels = 4;

    /// <summary>Rows of the /8 prefix: one per first octet.</summary>
    public const int OctetRows = 256;

    /// <param name="entityRows">Rows of the entity table.</param>
    /// <param name="ipPrefixRows">Rows of the IP table after the 256 /8 rows.</param>
    /// <param name="dimension">The vector size.</param>
    /// <param name="layers">Encoder layers.</param>
    /// <param name="prefixes">The /16, /24, /32 encoding; null: hashed onto <paramref name="ipPrefixRows"/>
    /// rows.</param>
    public IpEmbeddingNetwork(
        int entityRows,
        int ipPrefixRows,
        int dimension,
        int layers,
        IpPrefixVocabulary? prefixes = null
    )
    {
        if (prefixes is not null && prefixes.RowCount != ipPrefixRows)
        {
            throw ModelPayloadReader.Invalid(
                "ipPrefixRows",
                $"{prefixes.RowCount} (the prefix vocabulary's rows)",
                ipPrefixRows
            );
        }
        Prefixes = prefixes ?? IpPrefixVocabulary.Hashed(ipPrefixRows);
        EntityRows = entityRows;
        IpPrefixRows = ipPrefixRows;
        Dimension = dimension;
        Layers = layers;
        EntityTable = new double[checked((long)entityRows * dimension)];
        IpTable = new double[checked((long)(OctetRows + ipPrefixRows) * dimension)];
        Weights = Enumerable.Range(0, layers).Select(_ => new double[dimension * dimension]).ToArray();
        Biases = Enumerable.Range(0, layers).Select(_ => new double[dimension]).ToArray();
    }

    /// <summary>How /16, /24 and /32 prefixes map onto rows.</summary>
    public IpPrefixVocabulary Prefixes { get; }
    public int EntityRows { get; }
    public int IpPrefixRows { get; }
    public int Dimension { get; }
    public int Layers { get; }
    public double[] EntityTable { get; }
    public double[] IpTable { get; }

    /// <summary>Per layer, row-major [output × input].</summary>
    public double[][] Weights { get; }
    public double[][] Biases { get; }

    /// <summary>Length of one sample's activations h₀ … h_L.</summary>
    public int ActivationLength => (Layers + 1) * Dimension;

    /// <summary>Seeded initial values: entity rows uniform with standard deviation 1/√d, prefix rows 1/(2√d) (four
    /// are summed), weights Glorot-uniform, biases zero.</summary>
    public void Initialize(DeterministicRandom random)
    {
        double entityLimit = Math.Sqrt(3.0 / Dimension);
        Fill(EntityTable, random, entityLimit);
        Fill(IpTable, random, entityLimit / 2);
        double weightLimit = Math.Sqrt(6.0 / (2 * Dimension));
        foreach (var weights in Weights)
            Fill(weights, random, weightLimit);
    }

    /// <summary>Copies every learned value into <paramref name="target"/> (same shape).</summary>
    public void CopyTo(IpEmbeddingNetwork target)
    {
        EntityTable.CopyTo(target.EntityTable, 0);
        IpTable.CopyTo(target.IpTable, 0);
        for (int layer = 0; layer < Layers; layer++)
        {
            Weights[layer].CopyTo(target.Weights[layer], 0);
            Biases[layer].CopyTo(target.Biases[layer], 0);
        }
    }

    public void IpRows(uint address, Span<int> rows)
    {
        rows[0] = (int)(address >> 24);
        Prefixes.Rows(address, rows[1..]);
        for (int level = 1; level < PrefixLevels; level++)
            rows[level] += OctetRows;
    }

    public ReadOnlySpan<double> EntityVector(int row) => EntityTable.AsSpan(row * Dimension, Dimension);

    /// <summary>Computes h₀ … h_L into <paramref name="activations"/> and returns the logit (entity · h_L).</summary>
    public double Forward(int entityRow, ReadOnlySpan<int> ipRows, Span<double> activations)
    {
        EncodeIp(ipRows, activations);
        return VectorMath.Dot(EntityVector(entityRow), activations.Slice(Layers * Dimension, Dimension));
    }

    /// <summary>Computes h₀ … h_L into <paramref name="activations"/>; h_L is the IP vector.</summary>
    public void EncodeIp(ReadOnlySpan<int> ipRows, Span<double> activations)
    {
        int d = Dimension;
        var input = activations[..d];
        input.Clear();
        foreach (int row in ipRows)
            VectorMath.AddScaled(input, 1, IpTable.AsSpan(row * d, d));
        for (int layer = 0; layer < Layers; layer++)
        {
            var previous = activations.Slice(layer * d, d);
            var next = activations.Slice((layer + 1) * d, d);
            var weights = Weights[layer];
            bool hidden = layer < Layers - 1;
            for (int output = 0; output < d; output++)
            {
                double value = VectorMath.Dot(weights.AsSpan(output * d, d), previous) + Biases[layer][output];
                next[output] = hidden && value < 0 ? 0 : value;
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(EntityRows);
        writer.Write(IpPrefixRows);
        writer.Write(Dimension);
        writer.Write(Layers);
        WriteArray(writer, EntityTable);
        WriteArray(writer, IpTable);
        for (int layer = 0; layer < Layers; layer++)
        {
            WriteArray(writer, Weights[layer]);
            WriteArray(writer, Biases[layer]);
        }
    }

    /// <summary>Reads a network written by <see cref="Write"/>: sizes within the options' ranges and the bytes left,
    /// every value finite.</summary>
    /// <exception cref="InvalidDataException">A size out of range or a non-finite value (named).</exception>
    /// <param name="reader">The payload.</param>
    /// <param name="prefixes">The prefix encoding read before (payload version 2), or null: hashed (version 1).</param>
    public static IpEmbeddingNetwork Read(BinaryReader reader, IpPrefixVocabulary? prefixes = null)
    {
        int entityRows = reader.ReadInt32("entityRows", 1, IpEmbeddingOptions.MaximumNumberOfEntityVectors);
        int ipPrefixRows = reader.ReadInt32("ipPrefixRows", 1, 1 << 24);
        int dimension = reader.ReadInt32(
            "dimension",
            IpEmbeddingOptions.MinimumVectorDimension,
            IpEmbeddingOptions.MaximumVectorDimension
        );
        int layers = reader.ReadInt32("layers", 0, 100);
        long values =
            ((long)entityRows + OctetRows + ipPrefixRows) * dimension + (long)layers * (dimension + 1) * dimension;
        reader.CheckFits(values, sizeof(double), "tables and layers");
        var network = new IpEmbeddingNetwork(entityRows, ipPrefixRows, dimension, layers, prefixes);
        ReadArray(reader, network.EntityTable, "entityTable");
        ReadArray(reader, network.IpTable, "ipTable");
        for (int layer = 0; layer < network.Layers; layer++)
        {
            ReadArray(reader, network.Weights[layer], $"weights[{layer}]");
            ReadArray(reader, network.Biases[layer], $"biases[{layer}]");
        }
        return network;
    }

    private static void Fill(double[] values, DeterministicRandom random, double limit)
    {
        for (int index = 0; index < values.Length; index++)
            values[index] = (2 * random.NextDouble() - 1) * limit;
    }

    private static void WriteArray(BinaryWriter writer, double[] values)
    {
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static void ReadArray(BinaryReader reader, double[] values, string field)
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
            throw new EndOfStreamException();
        int bad = Array.FindIndex(values, value => !double.IsFinite(value));
        if (bad >= 0)
            throw ModelPayloadReader.Invalid($"{field}[{bad}]", "a finite number", values[bad]);
    }
}
