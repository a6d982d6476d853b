using SecurityML.Data;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>A scored sign-in: the columns written by the IP embedding notebook (<c>IpEmbeddingScores</c>
/// table).</summary>
/// <param name="TimeGenerated">When the sign-in happened (UTC).</param>
/// <param name="UserPrincipalName">The entity.</param>
/// <param name="IPAddress">The address.</param>
/// <param name="Location">The address's country code.</param>
/// <param name="DotProduct">IP Insights' dot_product (higher = more normal).</param>
/// <param name="Score">−DotProduct (higher = more anomalous); NaN when unscored.</param>
/// <param name="EntityStatus">How the user was scored (a <see cref="PairStatus"/> name): <c>KnownEntity</c>,
/// <c>UnseenEntity</c> (not in training: the fallback score of <see cref="IpEmbeddingModel"/>, the address judged
/// against everyone's profile), <c>HashedEntity</c> or <c>Invalid</c>.</param>
/// <param name="Planted">True when a label of the data set covers this user at this time.</param>
public sealed record SignInScore(
    DateTimeOffset TimeGenerated,
    string UserPrincipalName,
    string IPAddress,
    string Location,
    double DotProduct,
    double Score,
    string EntityStatus,
    bool Planted
)
{
    /// <summary>Scores <paramref name="signIns"/> with <paramref name="model"/> and marks those covered by
    /// <paramref name="labels"/>.</summary>
    /// <returns>One row per sign-in, most anomalous first (NaN last).</returns>
    public static List<SignInScore> Of(
        IpEmbeddingModel model,
        IReadOnlyList<SignInEvent> signIns,
        IReadOnlyList<AnomalyLabel>? labels = null
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(signIns);
        var scores = model.ScoreWithStatus(EntityIpPairs.FromSignIns(signIns));
        return signIns
            .Select(
                (signIn, index) =>
                    new SignInScore(
                        signIn.TimeGenerated,
                        signIn.UserPrincipalName,
                        signIn.IPAddress,
                        signIn.Location,
                        -scores[index].Score,
                        scores[index].Score,
                        scores[index].Status.ToString(),
                        IsPlanted(labels, signIn)
                    )
            )
            .OrderByDescending(row => double.IsNaN(row.Score) ? double.NegativeInfinity : row.Score)
            .ToList();
    }

    private static bool IsPlanted(IReadOnlyList<AnomalyLabel>? labels, SignInEvent signIn) =>
        labels?.Any(label => label.Covers(signIn.UserPrincipalName, signIn.TimeGenerated)) == true;
}
