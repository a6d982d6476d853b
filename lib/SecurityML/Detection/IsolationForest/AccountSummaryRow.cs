namespace SecurityML.Detection.IsolationForest;

/// <summary>
/// One line of an <see cref="AccountSummary"/>'s single view: a section (<c>Directory</c>, <c>Logons</c>, <c>Alert</c>,
/// <c>Bookmark</c>, <c>Host</c>, <c>Peers</c>), when (UTC; null for facts without a time), what, and the details. Texts
/// come from logs, alerts and people: show the rows through the library's table type (<c>Rows.ToTable()</c>), which
/// encodes them once.
/// </summary>
/// <param name="Section">The kind of evidence.</param>
/// <param name="Time">When (UTC): an alert's time, a bookmarked event's time, a host's first logon; null
/// otherwise.</param>
/// <param name="Item">What: a directory field, an alert or bookmark name, a computer.</param>
/// <param name="Detail">The details, in words and numbers.</param>
public sealed record AccountSummaryRow(string Section, DateTimeOffset? Time, string Item, string Detail);
