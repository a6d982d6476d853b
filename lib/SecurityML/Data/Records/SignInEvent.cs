namespace SecurityML.Data;

/// <summary>
/// A sign-in as an entity–IP pair, with the Sentinel <c>SigninLogs</c> column names. The same events are also written
/// as OCSF Network Activity (<see cref="OcsfNetworkActivity"/>).
/// </summary>
public sealed record SignInEvent
{
    /// <summary>When the sign-in happened (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The entity: the user's sign-in name.</summary>
    public string UserPrincipalName { get; init; } = "";

    /// <summary>The address the sign-in came from.</summary>
    public string IPAddress { get; init; } = "";

    /// <summary>Two-letter country code of the address.</summary>
    public string Location { get; init; } = "";

    /// <summary>The application signed in to.</summary>
    public string AppDisplayName { get; init; } = "";

    /// <summary><c>0</c> for success, otherwise the error code.</summary>
    public string ResultType { get; init; } = "";
}
