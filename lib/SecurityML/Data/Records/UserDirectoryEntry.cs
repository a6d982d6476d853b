namespace SecurityML.Data;

/// <summary>
/// One account of the organisation's directory, for peer-group and blast-radius enrichment (as an
/// <c>IdentityInfo</c> export would give).
/// </summary>
public sealed record UserDirectoryEntry
{
    /// <summary>The account as <c>DOMAIN\name</c>, as in <see cref="LogonEvent.Account"/>.</summary>
    public string Account { get; init; } = "";

    /// <summary>The sign-in name, e.g. <c>anna.berg@contoso.com</c>.</summary>
    public string UserPrincipalName { get; init; } = "";

    /// <summary>The display name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The department, e.g. <c>Finance</c>.</summary>
    public string Department { get; init; } = "";

    /// <summary>The job title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The manager's <see cref="Account"/>; empty for the top of a department and service accounts.</summary>
    public string Manager { get; init; } = "";

    /// <summary><c>Human</c> or <c>Service</c>.</summary>
    public string AccountKind { get; init; } = "";

    /// <summary>Privileged groups the account belongs to, separated by <c>;</c>; empty when none.</summary>
    public string PrivilegedGroups { get; init; } = "";
}
