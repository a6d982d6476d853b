namespace SecurityML.Detection.TimeSeries;

/// <summary>
/// The LOESS pieces of STL (the NETLIB routines <c>est</c>, <c>ess</c> and <c>ma</c>, as statsmodels 0.13 ports them):
/// a tricube-weighted local constant or line at one position, a smoother over a whole series with optional jumps and
/// linear interpolation, and a moving average. Positions are 1-based as in the paper and the Fortran; arrays 0-based.
/// The arithmetic follows the reference's order so that results agree to rounding.
/// </summary>
internal static class StlLoess
{
    /// <summary>The LOESS estimate at position <paramref name="position"/> from points
    /// <paramref name="left"/>..<paramref name="right"/> (1-based, inclusive) of <paramref name="values"/>.</summary>
    /// <param name="values">The series (its first <paramref name="count"/> values).</param>
    /// <param name="count">The series length n.</param>
    /// <param name="length">The smoother length q; when q &gt; n the bandwidth grows by ⌊(q − n) / 2⌋.</param>
    /// <param name="degree">0 (constant) or 1 (line).</param>
    /// <param name="position">The 1-based position estimated (may be 0 or n + 1 to extrapolate one step).</param>
    /// <param name="left">First neighbour (1-based).</param>
    /// <param name="right">Last neighbour (1-based).</param>
    /// <param name="weights">Scratch for the neighbourhood weights (length ≥ n).</param>
    /// <param name="robustnessWeights">Multiplied into the weights when not empty.</param>
    /// <param name="kernel">The cached tricube values.</param>
    /// <param name="estimate">The estimate, when the weights do not all vanish.</param>
    /// <returns>False when every weight is zero (the caller then keeps the observed value).</returns>
    public static bool Estimate(
        ReadOnlySpan<double> values,
        int count,
        int length,
        int degree,
        int position,
        int left,
        int right,
        Span<double> weights,
        ReadOnlySpan<double> robustnessWeights,
        TricubeWeights kernel,
        out double estimate
    )
    {
        double range = count - 1.0;
        int wholeBandwidth = Math.Max(position - left, right - position);
        if (length > count)
            wholeBandwidth += (length - count) / 2;
        double bandwidth = wholeBandwidth;
        double[] tricube = kernel.For(wholeBandwidth);
        double upper = 0.999 * bandwidth;
        double lower = 0.001 * bandwidth;
        bool robust = !robustnessWeights.IsEmpty;
        double total = 0.0;
        for (int j = left - 1; j < right; j++)
        {
            weights[j] = 0.0;
            int distance = Math.Abs(j + 1 - position);
            if (distance <= upper)
            {
                weights[j] = distance <= lower ? 1.0 : tricube[distance];
                if (robust)
                    weights[j] = weights[j] * robustnessWeights[j];
                total = total + weights[j];
            }
        }
        estimate = 0.0;
        if (total <= 0.0)
            return false;
        for (int j = left - 1; j < right; j++)
            weights[j] = weights[j] / total;
        if (bandwidth > 0 && degree > 0)
            Tilt(weights, position, left, right, range);
        for (int j = left - 1; j < right; j++)
            estimate = estimate + weights[j] * values[j];
        return true;
    }

    /// <summary>Turns local-constant weights into local-linear ones (the degree-1 correction of <c>est</c>).</summary>
    private static void Tilt(Span<double> weights, int position, int left, int right, double range)
    {
        double mean = 0.0;
        for (int j = left - 1; j < right; j++)
            mean = mean + weights[j] * (j + 1);
        double slope = position - mean;
        double spread = 0.0;
        for (int j = left - 1; j < right; j++)
        {
            double offset = j + 1 - mean;
            spread = spread + weights[j] * (offset * offset);
        }
        if (Math.Sqrt(spread) > 0.001 * range)
        {
            slope = slope / spread;
            for (int j = left - 1; j < right; j++)
                weights[j] = weights[j] * (slope * (j + 1 - mean) + 1.0);
        }
    }

    /// <summary>Smooths the first <paramref name="count"/> values into <paramref name="smoothed"/> (the <c>ess</c>
    /// routine): a LOESS of length <paramref name="length"/> every <paramref name="jump"/> points, linear in
    /// between.</summary>
    public static void Smooth(
        ReadOnlySpan<double> values,
        int count,
        int length,
        int degree,
        int jump,
        ReadOnlySpan<double> robustnessWeights,
        Span<double> smoothed,
        Span<double> scratch,
        TricubeWeights kernel
    )
    {
        if (count < 2)
        {
            smoothed[0] = values[0];
            return;
        }
        int step = Math.Min(jump, count - 1);
        int left = 1,
            right = count;
        if (length >= count)
        {
            for (int i = 0; i < count; i += step)
                EstimateOrKeep(
                    values,
                    count,
                    length,
                    degree,
                    i + 1,
                    left,
                    right,
                    scratch,
                    robustnessWeights,
                    smoothed,
                    kernel
                );
        }
        else if (step == 1)
        {
            int half = (length + 2) / 2;
            right = length;
            for (int i = 0; i < count; i++)
            {
                if (i + 1 > half && right != count)
                {
                    left++;
                    right++;
                }
                EstimateOrKeep(
                    values,
                    count,
                    length,
                    degree,
                    i + 1,
                    left,
                    right,
                    scratch,
                    robustnessWeights,
                    smoothed,
                    kernel
                );
            }
        }
        else
        {
            int half = (length + 1) / 2;
            for (int i = 0; i < count; i += step)
            {
                (left, right) =
                    i + 1 < half ? (1, length)
                    : i + 1 >= count - half + 1 ? (count - length + 1, count)
                    : (i + 1 - half + 1, length + i + 1 - half);
                EstimateOrKeep(
                    values,
                    count,
                    length,
                    degree,
                    i + 1,
                    left,
                    right,
                    scratch,
                    robustnessWeights,
                    smoothed,
                    kernel
                );
            }
        }
        if (step > 1)
            Interpolate(values, count, length, degree, step, left, right, robustnessWeights, smoothed, scratch, kernel);
    }

    /// <summary>Fills the skipped points linearly and estimates the last point when the jumps missed it.</summary>
    private static void Interpolate(
        ReadOnlySpan<double> values,
        int count,
        int length,
        int degree,
        int step,
        int left,
        int right,
        ReadOnlySpan<double> robustnessWeights,
        Span<double> smoothed,
        Span<double> scratch,
        TricubeWeights kernel
    )
    {
        for (int i = 0; i < count - step; i += step)
        {
            double delta = (smoothed[i + step] - smoothed[i]) / step;
            for (int j = i; j < i + step; j++)
                smoothed[j] = smoothed[i] + delta * ((j + 1) - (i + 1));
        }
        int last = (count - 1) / step * step + 1;
        if (last == count)
            return;
        EstimateOrKeep(values, count, length, degree, count, left, right, scratch, robustnessWeights, smoothed, kernel);
        if (last != count - 1)
        {
            double delta = (smoothed[count - 1] - smoothed[last - 1]) / (count - last);
            for (int j = last; j < count; j++)
                smoothed[j] = smoothed[last - 1] + delta * ((j + 1) - last);
        }
    }

    private static void EstimateOrKeep(
        ReadOnlySpan<double> values,
        int count,
        int length,
        int degree,
        int position,
        int left,
        int right,
        Span<double> scratch,
        ReadOnlySpan<double> robustnessWeights,
        Span<double> smoothed,
        TricubeWeights kernel
    ) =>
        smoothed[position - 1] = Estimate(
            values,
            count,
            length,
            degree,
            position,
            left,
            right,
            scratch,
            robustnessWeights,
            kernel,
            out var estimate
        )
            ? estimate
            : values[position - 1];

    /// <summary>Moving average of length <paramref name="length"/> over the first <paramref name="count"/> values:
    /// count − length + 1 averages (the <c>ma</c> routine, a running sum).</summary>
    public static void MovingAverage(ReadOnlySpan<double> values, int count, int length, Span<double> averages)
    {
        int outputs = count - length + 1;
        double divisor = length;
        double sum = 0.0;
        for (int i = 0; i < length; i++)
            sum = sum + values[i];
        averages[0] = sum / divisor;
        for (int j = 1, entering = length, leaving = 0; j < outputs; j++, entering++, leaving++)
        {
            sum += values[entering] - values[leaving];
            averages[j] = sum / divisor;
        }
    }
}
