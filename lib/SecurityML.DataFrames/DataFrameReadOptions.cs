namespace SecurityML.DataFrames;

/// <summary>How
/// <see cref="DataFrameConversions.ToRecords{T}(Microsoft.Data.Analysis.DataFrame, DataFrameReadOptions?)"/> maps a
/// frame's columns to a record type's members.</summary>
/// <remarks>By default every member reads the column of its own name: the Sentinel column names of the library's
/// records (<c>TimeGenerated</c>, <c>Account</c>, <c>EventID</c>, …), case-sensitive. Columns no member reads are
/// ignored (a frame may hold more than the record needs).</remarks>
public sealed record DataFrameReadOptions
{
    /// <summary>Names the frame in error messages; default <c>DataFrame</c>.</summary>
    public string SourceName { get; init; } = "DataFrame";

    /// <summary>Member name → column name, for frames whose columns are named otherwise (e.g.
    /// <c>["Account"] = "UserPrincipalName"</c>); members not listed read the column of their own name.</summary>
    public IReadOnlyDictionary<string, string> ColumnNames { get; init; } = new Dictionary<string, string>();

    /// <summary>When true, a settable member whose column is missing keeps its default value; when false (the
    /// default) a missing column is an error listing every missing column. Constructor parameters always need a
    /// column.</summary>
    public bool AllowMissingColumns { get; init; }
}
