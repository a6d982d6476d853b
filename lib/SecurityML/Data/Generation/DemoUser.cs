namespace SecurityML.Data;

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
    Guid PhoneId
);
