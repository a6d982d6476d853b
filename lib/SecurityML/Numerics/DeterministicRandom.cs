using System.Globalization;

namespace SecurityML.Numerics;

/// <summary>
/// The library's one seeded pseudo-random generator (xoshiro256**, seeded by SplitMix64), used by the demo data
/// generator and every detector that draws random numbers: its sequence depends on the seed and stream only, unlike
/// <see cref="Random"/>'s, so demo data files are byte-identical and a seed gives the same model on every .NET version
/// and platform. It uses integer arithmetic and plain IEEE additions/multiplications only. Independent draws of one
/// seed (e.g. one per tree) take different <c>stream</c> numbers.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _s0,
        _s1,
        _s2,
        _s3;

    /// <summary>Creates a generator for <paramref name="seed"/> and an independent <paramref name="stream"/>.</summary>
    public DeterministicRandom(long seed, ulong stream = 0)
    {
        var state = unchecked((ulong)seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="maximumExclusive"/>); unbiased.</summary>
    public int Next(int maximumExclusive)
    {
        if (maximumExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maximumExclusive),
                maximumExclusive,
                "Expected a positive bound."
            );
        }
        var bound = (ulong)maximumExclusive;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do
        {
            value = NextUInt64();
        } while (value >= limit);
        return (int)(value % bound);
    }

    /// <summary>The next 32 random bits (the high half of <see cref="NextUInt64"/>), e.g. a uniform IPv4
    /// address.</summary>
    public uint NextUInt32() => (uint)(NextUInt64() >> 32);

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates, from the last element down, each swap
    /// partner drawn with <see cref="Next(int)"/>), so that every permutation is equally likely.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int index = values.Length - 1; index > 0; index--)
        {
            int other = Next(index + 1);
            (values[index], values[other]) = (values[other], values[index]);
        }
    }

    /// <summary>A uniform integer in [<paramref name="minimum"/>, <paramref name="maximumExclusive"/>).</summary>
    public int Next(int minimum, int maximumExclusive) => minimum + Next(maximumExclusive - minimum);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An approximately standard normal value (Irwin–Hall sum of 12 uniforms minus 6; range ±6).</summary>
    public double NextNormal()
    {
        var sum = 0.0;
        for (var index = 0; index < 12; index++)
        {
            sum += NextDouble();
        }
        return sum - 6.0;
    }

    /// <summary>A uniformly chosen element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An element chosen with the given integer weights (same length as <paramref name="items"/>).</summary>
    public T PickWeighted<T>(IReadOnlyList<T> items, IReadOnlyList<int> weights)
    {
        var roll = Next(weights.Sum());
        for (var index = 0; index < items.Count; index++)
        {
            roll -= weights[index];
            if (roll < 0)
            {
                return items[index];
            }
        }
        return items[^1];
    }

    /// <summary>A random GUID in the usual lower-case form, e.g. for command lines.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A hexadecimal identifier such as <c>0x1a2b3c</c> in [<paramref name="minimum"/>,
    /// <paramref name="maximumExclusive"/>).</summary>
    public string NextHexId(int minimum, int maximumExclusive) =>
        "0x" + Next(minimum, maximumExclusive).ToString("x", CultureInfo.InvariantCulture);

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
