using System.Text.RegularExpressions;

namespace SecurityML.Results;

/// <summary>What a Sentinel admin fills in for <see cref="DataCollectionRuleTemplate"/>; anything left null becomes an
/// ARM template parameter without a default, asked for at deployment.</summary>
public sealed record DataCollectionRuleSettings
{
    /// <summary>The default rule name.</summary>
    public const string DefaultRuleName = "secml-results";

    /// <summary>The rule's resource name (rules beyond the first get <c>-2</c>, <c>-3</c>, …), 3 to 61 letters, digits,
    /// '-', '_' or '.'; default <see cref="DefaultRuleName"/>.</summary>
    public string RuleName { get; init; } = DefaultRuleName;

    /// <summary>The Azure region (the workspace's), e.g. <c>westeurope</c>; null: the resource group's.</summary>
    public string? Location { get; init; }

    /// <summary>The workspace's resource id,
    /// <c>/subscriptions/…/resourceGroups/…/providers/Microsoft.OperationalInsights/workspaces/…</c>.</summary>
    public string? WorkspaceResourceId { get; init; }

    /// <summary>The data collection endpoint's resource id,
    /// <c>/subscriptions/…/providers/Microsoft.Insights/dataCollectionEndpoints/…</c>.</summary>
    public string? DataCollectionEndpointResourceId { get; init; }

    /// <summary>Checks every value given.</summary>
    /// <exception cref="ArgumentException">Naming the setting, the expected form and the value received.</exception>
    public DataCollectionRuleSettings Validate()
    {
        Check(
            nameof(RuleName),
            RuleName,
            "3 to 61 letters, digits, '-', '_' or '.'",
            @"^[A-Za-z0-9][A-Za-z0-9._-]{2,60}\z"
        );
        Check(nameof(Location), Location, "an Azure region name such as westeurope", "^[a-z0-9]{2,40}\\z");
        Check(
            nameof(WorkspaceResourceId),
            WorkspaceResourceId,
            "/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}",
            "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+\\z"
        );
        Check(
            nameof(DataCollectionEndpointResourceId),
            DataCollectionEndpointResourceId,
            "/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Insights/dataCollectionEndpoints/{name}",
            "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Insights/dataCollectionEndpoints/[^/]+\\z"
        );
        return this;
    }

    private static void Check(string name, string? value, string expected, string pattern)
    {
        if (
            value is not null
            && !Regex.IsMatch(
                value,
                pattern,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1)
            )
        )
        {
            throw new ArgumentException($"{name}: expected {expected}; received '{value}'.", name);
        }
    }
}
