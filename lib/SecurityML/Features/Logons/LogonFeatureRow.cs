namespace SecurityML.Features.Logons;

/// <summary>One account-day with its model features (see <see cref="LogonFeatures.FeatureNames"/>).</summary>
/// <param name="Summary">The day's logon counts.</param>
/// <param name="Features">The six feature values in <see cref="LogonFeatures.FeatureNames"/> order.</param>
public sealed record LogonFeatureRow(LogonDailySummary Summary, double[] Features)
{
    /// <summary>The account, <c>DOMAIN\user</c>.</summary>
    public string Account => Summary.Account;

    /// <summary>The UTC day.</summary>
    public DateTimeOffset Date => Summary.Date;
}
