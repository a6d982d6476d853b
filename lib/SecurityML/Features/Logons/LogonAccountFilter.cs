using SecurityML.Data;

namespace SecurityML.Features.Logons;

/// <summary>
/// Which logon events the logon-anomaly features use, as the Sentinel guided investigation's query selects them:
/// network logons (LogonType 3) that succeeded (4624) or failed (4625), of accounts that people or services use —
/// not machine accounts (<c>HOST$</c>), <c>ANONYMOUS LOGON</c>, <c>NT AUTHORITY</c> built-ins, or the per-session
/// <c>DWM-n</c>/<c>UMFD-n</c> accounts of Window Manager and Font Driver Host.
/// </summary>
public static class LogonAccountFilter
{
    /// <summary>Event 4624: an account was successfully logged on.</summary>
    public const int SuccessfulLogonEventId = 4624;

    /// <summary>Event 4625: an account failed to log on.</summary>
    public const int FailedLogonEventId = 4625;

    /// <summary>LogonType 3: a network logon.</summary>
    public const int NetworkLogonType = 3;

    /// <summary>Domains of built-in accounts (compared ignoring case, after trimming white space); the KQL and SQL
    /// twins of this filter are built from this list.</summary>
    internal static readonly string[] ExcludedDomainNames = ["NT AUTHORITY", "Window Manager", "Font Driver Host"];

    /// <summary>Anonymous and built-in user names, and the placeholders <c>-</c> and empty (compared ignoring case,
    /// after trimming white space).</summary>
    internal static readonly string[] ExcludedUserNames =
    [
        "ANONYMOUS LOGON",
        "SYSTEM",
        "LOCAL SERVICE",
        "NETWORK SERVICE",
        "-",
        "",
    ];

    /// <summary>Prefixes of per-session system accounts (compared ignoring case).</summary>
    internal static readonly string[] ExcludedUserPrefixes = ["DWM-", "UMFD-"];

    private static readonly HashSet<string> ExcludedDomains = new(
        ExcludedDomainNames,
        StringComparer.OrdinalIgnoreCase
    );

    private static readonly HashSet<string> ExcludedUsers = new(ExcludedUserNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>True if the event is a 4624/4625 network logon of an account the features keep.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="logon"/> is null.</exception>
    public static bool IsIncluded(LogonEvent logon)
    {
        ArgumentNullException.ThrowIfNull(logon);
        return logon.EventID is SuccessfulLogonEventId or FailedLogonEventId
            && logon.LogonType == NetworkLogonType
            && !IsExcludedAccount(logon.TargetDomainName, logon.TargetUserName);
    }

    /// <summary>True for machine accounts (ending in <c>$</c>), anonymous and built-in accounts, and the
    /// <c>DWM-</c>/<c>UMFD-</c> session accounts; names compare case-insensitively.</summary>
    public static bool IsExcludedAccount(string? domain, string? user) =>
        user is null
        || ExcludedUsers.Contains(user.Trim())
        || user.EndsWith('$')
        || ExcludedUserPrefixes.Any(prefix => user.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        || (domain is not null && ExcludedDomains.Contains(domain.Trim()));
}
