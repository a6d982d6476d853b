namespace SecurityML.Data;

/// <summary>A service account and the host it runs on.</summary>
internal sealed record DemoServiceAccount(string Name, string Title, DemoHost Source, string PrivilegedGroups);
