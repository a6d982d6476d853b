namespace SecurityML.Tests.Sentinel;

/// <summary>
/// The column schemas of the Sentinel tables behind the investigation queries, which the reference schemas in
/// <c>../shared/reference-data/azure/schemas</c> do not list: names and types exactly as Microsoft's Azure Monitor
/// table reference gives them (MicrosoftDocs/azure-reference-other @ 0f8cea788df2edc15c160862922c588197717e9f,
/// azure-monitor-ref/tables/includes/securityalert-include.md and huntingbookmark-include.md, the same source as the
/// reference tables.json). <see cref="ProductKql"/> declares them as ad-hoc tables for the texts that query them.
/// </summary>
internal static class InvestigationTableSchemas
{
    public static IReadOnlyList<KqlColumn> SecurityAlert { get; } =
        Columns(
            "AlertLink string",
            "AlertName string",
            "AlertSeverity string",
            "AlertType string",
            "_BilledSize real",
            "CompromisedEntity string",
            "ConfidenceLevel string",
            "ConfidenceScore real",
            "Description string",
            "DisplayName string",
            "EndTime datetime",
            "Entities string",
            "ExtendedLinks string",
            "ExtendedProperties string",
            "_IsBillable string",
            "IsIncident bool",
            "ProcessingEndTime datetime",
            "ProductComponentName string",
            "ProductName string",
            "ProviderName string",
            "RemediationSteps string",
            "ResourceId string",
            "SourceComputerId string",
            "StartTime datetime",
            "Status string",
            "SubTechniques string",
            "SystemAlertId string",
            "Tactics string",
            "Techniques string",
            "TimeGenerated datetime",
            "Type string",
            "VendorName string",
            "VendorOriginalId string",
            "WorkspaceResourceGroup string",
            "WorkspaceSubscriptionId string"
        );

    public static IReadOnlyList<KqlColumn> HuntingBookmark { get; } =
        Columns(
            "_BilledSize real",
            "BookmarkId string",
            "BookmarkName string",
            "BookmarkType string",
            "CreatedBy string",
            "CreatedTime datetime",
            "Entities string",
            "EventTime datetime",
            "_IsBillable string",
            "LastUpdatedTime datetime",
            "Notes string",
            "QueryEndTime datetime",
            "QueryResultRow string",
            "QueryStartTime datetime",
            "QueryText string",
            "_ResourceId string",
            "SoftDeleted bool",
            "SourceSystem string",
            "_SubscriptionId string",
            "Tags string",
            "TenantId string",
            "TimeGenerated datetime",
            "Type string",
            "UpdatedBy string"
        );

    /// <summary>The tables by name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<KqlColumn>> All { get; } =
        new Dictionary<string, IReadOnlyList<KqlColumn>>
        {
            ["SecurityAlert"] = SecurityAlert,
            ["HuntingBookmark"] = HuntingBookmark,
        };

    /// <summary>The ad-hoc tables a text over <paramref name="kql"/> needs: the investigation table it starts with, or
    /// null.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<KqlColumn>>? For(string kql) =>
        All.Where(table => kql.StartsWith(table.Key + "\n", StringComparison.Ordinal))
            .Select(table => new Dictionary<string, IReadOnlyList<KqlColumn>> { [table.Key] = table.Value })
            .FirstOrDefault();

    private static KqlColumn[] Columns(params string[] columns) =>
        columns.Select(column => column.Split(' ')).Select(parts => new KqlColumn(parts[0], parts[1])).ToArray();
}
