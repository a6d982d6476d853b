namespace SecurityML.Data;

/// <summary>One generated sign-in with what the OCSF form needs besides the <see cref="SignInEvent"/>
/// columns.</summary>
internal sealed record GeneratedSignIn(SignInEvent SignIn, Guid DeviceId, string DestinationIp)
{
    /// <summary>The same sign-in as an OCSF Network Activity event (class 4001, activity 1 open).</summary>
    public OcsfNetworkActivity ToOcsf() =>
        new()
        {
            ActivityId = 1,
            CategoryUid = 4,
            ClassUid = OcsfNetworkActivity.NetworkActivityClassUid,
            TypeUid = OcsfNetworkActivity.NetworkActivityClassUid * 100L + 1,
            SeverityId = 1,
            Time = SignIn.TimeGenerated.ToUnixTimeMilliseconds(),
            Actor = new OcsfActor { User = new OcsfUser { Name = SignIn.UserPrincipalName } },
            SourceEndpoint = new OcsfEndpoint { Ip = SignIn.IPAddress, InstanceUid = DeviceId.ToString("D") },
            DestinationEndpoint = new OcsfEndpoint { Ip = DestinationIp, Port = 443 },
            Metadata = new OcsfMetadata
            {
                Version = "1.1.0",
                Product = new OcsfProduct { Name = SignIn.AppDisplayName, VendorName = "Contoso" },
            },
        };
}
