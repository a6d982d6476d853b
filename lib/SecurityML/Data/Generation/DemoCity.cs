namespace SecurityML.Data;

/// <summary>Where people live and work: country, office egress and home and mobile networks (first two
/// octets).</summary>
internal sealed record DemoCity(string Country, string OfficeNetwork, string HomeNetwork, string MobileNetwork);
