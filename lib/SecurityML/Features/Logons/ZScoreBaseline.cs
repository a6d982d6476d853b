namespace SecurityML.Features.Logons;

/// <summary>What a day's z-score compares it with.</summary>
public enum ZScoreBaseline
{
    /// <summary>All the account's days, the day itself included (the seed notebook). A single-day spike can then
    /// reach at most z = (n − 1)/√n, and accounts whose count never varies get log10(value + 1) every day.</summary>
    AllDays,

    /// <summary>The account's other days (leave one out): a spike is measured against the account's usual
    /// behaviour only, and an account that always does the same scores 0.</summary>
    OtherDays,
}
