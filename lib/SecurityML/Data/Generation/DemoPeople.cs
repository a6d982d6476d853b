namespace SecurityML.Data;

/// <summary>A department of the demo organisation: its shares live on one file server.</summary>
internal sealed record DemoDepartment(string Name, string Code, IReadOnlyList<string> Shares, string FileServer, IReadOnlyList<string> Titles);

/// <summary>A person of the demo organisation, with workstation, home network and devices.</summary>
internal sealed record DemoUser(
    string Name,
    string DisplayName,
    DemoDepartment Department,
    string Title,
    string Manager,
    string PrivilegedGroups,
    DemoHost Workstation,
    DemoCity City,
    string HomeNetwork,
    Guid LaptopId,
    Guid PhoneId);

/// <summary>A service account and the host it runs on.</summary>
internal sealed record DemoServiceAccount(string Name, string Title, DemoHost Source, string PrivilegedGroups);

/// <summary>A computer: short name and address.</summary>
internal sealed record DemoHost(string Name, string IpAddress);

/// <summary>Where people live and work: country, office egress and home and mobile networks (first two octets).</summary>
internal sealed record DemoCity(string Country, string OfficeNetwork, string HomeNetwork, string MobileNetwork);
