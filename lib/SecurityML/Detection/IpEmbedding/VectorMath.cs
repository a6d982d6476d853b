using System.Numerics;
using System.Runtime.InteropServices;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>SIMD dot products and scaled additions over spans of doubles (same order of operations every
/// run).</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        int index = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && left.Length >= Vector<double>.Count)
        {
            var leftVectors = MemoryMarshal.Cast<double, Vector<double>>(left);
            var rightVectors = MemoryMarshal.Cast<double, Vector<double>>(right);
            var accumulator = Vector<double>.Zero;
            for (int vector = 0; vector < leftVectors.Length; vector++)
                accumulator += leftVectors[vector] * rightVectors[vector];
            sum = Vector.Sum(accumulator);
            index = leftVectors.Length * Vector<double>.Count;
        }
        for (; index < left.Length; index++)
            sum += left[index] * right[index];
        return sum;
    }

    /// <summary>target += scale × source.</summary>
    public static void AddScaled(Span<double> target, double scale, ReadOnlySpan<double> source)
    {
        int index = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var targetVectors = MemoryMarshal.Cast<double, Vector<double>>(target);
            var sourceVectors = MemoryMarshal.Cast<double, Vector<double>>(source);
            var factor = new Vector<double>(scale);
            for (int vector = 0; vector < targetVectors.Length; vector++)
                targetVectors[vector] += factor * sourceVectors[vector];
            index = targetVectors.Length * Vector<double>.Count;
        }
        for (; index < target.Length; index++)
            target[index] += scale * source[index];
    }
}
