using SecurityML.Data;

namespace SecurityML.Tests.Data.Engines;

/// <summary>
/// CSV files of share accesses or logons that exercise what an aggregate must get right on both engines: header
/// names in other cases and an extra column, account and share spellings that differ only in case, empty and
/// <c>-</c> values, timestamps with offsets, without a time or zone, with a seventh fraction digit, rows just inside
/// and just outside <see cref="Range"/> (start inclusive, end exclusive, the end not on a whole microsecond), quoted
/// fields with a comma and a quote, and optionally rows the reader must drop.
/// </summary>
public static class EdgeCaseCsv
{
    /// <summary>The range the cases are built around: [2024-03-04, 2024-03-06 + 5 ticks).</summary>
    public static TimeRange Range { get; } =
        new(
            new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero).AddTicks(5)
        );

    private const string ShareHeader =
        "timegenerated,EventID,Activity,Computer,ACCOUNT,SubjectUserName,SubjectDomainName,SubjectLogonId,"
        + "IpAddress,ipport,sharename,ShareLocalPath,AccessMask,Extra";

    private const string LogonHeader =
        "Extra,TimeGenerated,eventid,Activity,Computer,account,AccountType,TargetUserName,TargetDomainName,"
        + "TargetLogonId,LOGONTYPE,LogonProcessName,AuthenticationPackageName,WorkstationName,IpAddress,Status,"
        + "SubStatus";

    /// <summary>A FileShareAccess file.</summary>
    /// <param name="structuralBadRows">Adds rows with too few and too many fields (dropped in lenient mode, the first
    /// thrown in strict mode).</param>
    /// <param name="extraRows">Further rows (time, account, share, port) appended.</param>
    public static string Shares(bool structuralBadRows, params (string, string, string, string)[] extraRows) =>
        Build(ShareHeader, ShareRow, "445", structuralBadRows, extraRows);

    /// <summary>A Logons file with the same cases (the share goes to <c>Computer</c>).</summary>
    /// <inheritdoc cref="Shares"/>
    public static string Logons(bool structuralBadRows, params (string, string, string, string)[] extraRows) =>
        Build(LogonHeader, LogonRow, "3", structuralBadRows, extraRows);

    /// <summary>One share access row.</summary>
    public static string ShareRow(string time, string account, string share, string port = "445") =>
        string.Join(
            ",",
            time,
            "5140",
            "act",
            "FS01",
            account,
            "u",
            "D",
            "0x1",
            "10.0.0.1",
            port,
            share,
            "C:\\x",
            "0x1",
            "x"
        );

    /// <summary>One logon row (<paramref name="computer"/> in place of the share, <paramref name="logonType"/> in
    /// place of the port).</summary>
    public static string LogonRow(string time, string account, string computer, string logonType = "3") =>
        string.Join(
            ",",
            "x",
            time,
            "4624",
            "act",
            computer,
            account,
            "User",
            "ann",
            "CONTOSO",
            "0x1",
            logonType,
            "Kerberos",
            "Kerberos",
            "WS01",
            "10.0.0.5",
            "0x0",
            "0x0"
        );

    private static string Build(
        string header,
        Func<string, string, string, string, string> row,
        string port,
        bool structuralBadRows,
        (string Time, string Account, string Share, string Port)[] extraRows
    )
    {
        var rows = new List<string>
        {
            header,
            row("2024-03-04T00:00:00Z", "CONTOSO\\ann", "\\\\*\\Finance", port),
            // Spellings that differ only in case are separate groups on both engines.
            row("2024-03-04T10:00:00.1234567Z", "contoso\\ANN", "\\\\*\\Finance", port),
            row("2024-03-04 12:00:00", "CONTOSO\\ann", "\\\\*\\finance", port),
            // 23:30-02:00 is 01:30 the next UTC day; 01:30+02:00 is 23:30 the previous one.
            row("2024-03-04T23:30:00-02:00", "CONTOSO\\ann", "\\\\*\\Finance", port),
            row("2024-03-05T01:30:00+02:00", "CONTOSO\\bob", "\\\\*\\IPC$", port),
            row("2024-03-05", "CONTOSO\\ann", "\\\\*\\Finance", port),
            row("2024-03-05T08:00", "CONTOSO\\ann", "\\\\*\\Finance", port),
            // Empty and placeholder values.
            row("2024-03-04T09:00:00Z", "", "\\\\*\\Finance", port),
            row("2024-03-04T09:30:00Z", "CONTOSO\\bob", "", port),
            row("2024-03-04T09:45:00Z", "-", "-", port),
            row("2024-03-04T09:50:00Z", " ", " ", port),
            // Quoted fields: a comma and an escaped quote (a line break inside quotes leaves the file to the .NET
            // reader: CsvFileScanTests).
            row("2024-03-04T08:00:00Z", "\"CONTOSO\\car,l\"", "\"\\\\*\\Fi\"\"n ance\"", port),
            // Around the range: one tick before the start, the end (not a whole microsecond) and after.
            row("2024-03-03T23:59:59.9999999Z", "CONTOSO\\ann", "\\\\*\\Finance", port),
            row("2024-03-06T00:00:00.0000004Z", "CONTOSO\\ann", "\\\\*\\Finance", port),
            row("2024-03-06T00:00:00.0000005Z", "CONTOSO\\ann", "\\\\*\\Finance", port),
            row("2024-03-07T00:00:00Z", "CONTOSO\\dave", "\\\\*\\Finance", port),
            "",
            row("2024-03-05T23:59:59.9999999+00:00", "CONTOSO\\ann", "\\\\*\\Finance", port),
        };
        rows.AddRange(extraRows.Select(extra => row(extra.Time, extra.Account, extra.Share, extra.Port)));
        if (structuralBadRows)
        {
            rows.Insert(3, "a,b,c");
            rows.Insert(6, row("2024-03-04T10:00:00Z", "CONTOSO\\ann", "\\\\*\\Finance", port) + ",extra");
        }
        return string.Join("\n", rows) + "\n";
    }
}
