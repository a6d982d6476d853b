namespace SecurityML.Detection.Sequences;

public sealed partial class MarkovSessionModel
{
    /// <inheritdoc />
    public bool[] Detect(IReadOnlyList<CommandSession> items) => Card.Detect(Score(items));

    /// <summary>
    /// Why a session scored as it did: the factors of its rarest window, each a probability (the start or first
    /// command, each transition, each command's parameter set) with contribution −ln(probability) (divided by the
    /// window length with the geometric mean), so that <c>0 + Σ contributions = Score</c>. Positive contributions
    /// push towards anomalous; the largest is the rarest step. A session without a window gives NaN and no
    /// contributions.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public Explanation Explain(CommandSession item)
    {
        var rarest = FindRarestWindow(item);
        if (double.IsNaN(rarest.Likelihood))
        {
            return new Explanation(double.NaN, 0, [], +1);
        }
        var factors = new List<(string Label, double Value)>();
        var extended = Extended(item);
        int power;
        if (extended.Count >= Options.WindowLength)
        {
            WindowAt(extended, rarest.Start, factors);
            power = Options.WindowLength;
        }
        else
        {
            WholeSessionLikelihood(item.Commands, factors);
            power = WholeSessionLength(item.Commands);
        }
        var scale = Options.UseGeometricMean ? 1.0 / power : 1.0;
        var contributions = factors
            .Select(factor => new FeatureContribution(factor.Label, factor.Value, -Math.Log(factor.Value) * scale))
            .ToList();
        return new Explanation(-Math.Log(rarest.Likelihood), 0, contributions, +1);
    }
}
