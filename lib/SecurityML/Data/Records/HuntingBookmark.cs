namespace SecurityML.Data;

/// <summary>
/// A hunting bookmark that names an account, with the Sentinel <c>HuntingBookmark</c> column names: an analyst saved a
/// query result row while hunting. One row per bookmark (its latest version, deleted ones left out) and account entity,
/// as the named query <c>SentinelQueries.HuntingBookmarks</c> returns it. Names, tags and notes are typed by people
/// and may quote log text: display them through the library's table type, which encodes them.
/// </summary>
public sealed record HuntingBookmark
{
    /// <summary>When the bookmark record was written (UTC).</summary>
    public DateTimeOffset TimeGenerated { get; init; }

    /// <summary>The bookmark's id (a GUID string, its resource name).</summary>
    public string BookmarkId { get; init; } = "";

    /// <summary>The name the analyst gave it.</summary>
    public string BookmarkName { get; init; } = "";

    /// <summary>The time of the bookmarked event (UTC).</summary>
    public DateTimeOffset EventTime { get; init; }

    /// <summary>The analyst's tags, comma-separated; empty when none.</summary>
    public string Tags { get; init; } = "";

    /// <summary>The analyst's notes; empty when none.</summary>
    public string Notes { get; init; } = "";

    /// <summary>The account entity of this row as <c>DOMAIN\name</c> (as <see cref="LogonEvent.Account"/>), or
    /// <c>name@suffix</c> for cloud accounts.</summary>
    public string Account { get; init; } = "";
}
