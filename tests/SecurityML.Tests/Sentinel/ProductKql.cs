using SecurityML.Data;
using SecurityML.Detection.TimeSeries;
using SecurityML.Sentinel;
using SecurityML.Tests.Data;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Every KQL text the product can send, generated from the library's own builders: each named query of
/// <see cref="SentinelQueries"/> × time ranges (bounded, unbounded, one end open, odd instants) × entity filters (none,
/// accounts, computers, both, and every attacker value of <see cref="KqlLiteralTests.InjectionCorpus"/>) × the chunks
/// and halved chunks an export queries, and the drill-down filters of <see cref="AnomalyPeriods.ToKqlFilter"/>
/// (default and odd column names). <see cref="Checked"/> runs the official language service once over all of them,
/// plus the literal texts of <see cref="KqlLiteralTests"/> and the negative controls, for every test that needs it.
/// </summary>
internal static class ProductKql
{
    public const string ControlPrefix = "control/";

    public static readonly DateTimeOffset Monday = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The range of the injection texts (<see cref="Injection"/>).</summary>
    public static readonly TimeRange Week = new(Monday, Monday.AddDays(7));

    /// <summary>Column names that need quoting but can be quoted: quotes, backslashes, spaces, keywords,
    /// non-ASCII.</summary>
    public static readonly string[] QuotableColumns =
    [
        "Time'x",
        "Time\"x",
        "a\\b",
        "\\",
        "'",
        "']",
        "['x']",
        "event time",
        "x-y.z",
        "_x",
        "__x",
        "timestamp",
        "where",
        "between",
        "and",
        "or",
        "datetime",
        "true",
        "project",
        "1day",
        "$time",
        "Zeit_für",
        "用户时间",
        "👩",
        "𝒜",
        "ä",
        new string('T', 1024),
    ];

    /// <summary>The attacker values of <see cref="KqlLiteralTests.InjectionCorpus"/>.</summary>
    public static IReadOnlyList<string> Corpus { get; } =
        ((IEnumerable<object[]>)KqlLiteralTests.InjectionCorpus).Select(row => (string)row[0]).ToList();

    /// <summary>The language service's answer for <see cref="All"/>, computed once per test run.</summary>
    public static Lazy<(IReadOnlyList<KqlText> Texts, KqlValidation Validation)> Checked { get; } =
        new(() =>
        {
            var texts = All();
            return (texts, KustoLanguageService.Check(texts));
        });

    /// <summary>The check of the text named <paramref name="name"/>.</summary>
    public static KqlCheck Result(string name)
    {
        var (texts, validation) = Checked.Value;
        var index = texts.ToList().FindIndex(text => text.Name == name);
        index.Should().BeGreaterThanOrEqualTo(0, $"'{name}' is generated");
        return validation.Results[index];
    }

    public static IReadOnlyList<KqlText> All() =>
        [
            .. NamedQueries(),
            .. Injection(),
            .. ExportChunks(),
            .. DrillDowns(),
            .. Transformations(),
            .. Deduplications(),
            .. Literals(),
            .. Controls(),
        ];

    /// <summary>The name of the injection text of a corpus value (<c>benign</c> for the reference one).</summary>
    public static string InjectionName(string value) =>
        $"injection/Logons/{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(value))}";

    /// <summary>The name of the standalone literal text of a corpus value.</summary>
    public static string LiteralName(string value) =>
        $"literal/{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(value))}";

    public static IEnumerable<(string Name, TimeRange Range)> Ranges()
    {
        yield return ("bounded", Week);
        yield return ("unbounded", TimeRange.All);
        yield return ("start-only", new TimeRange(Monday, DateTimeOffset.MaxValue));
        yield return ("end-only", new TimeRange(DateTimeOffset.MinValue, Monday.AddDays(7)));
        yield return (
            "odd-instants",
            new TimeRange(
                new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-9.5)).AddTicks(9_999_999),
                new DateTimeOffset(2024, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1)
            )
        );
        yield return (
            "extremes",
            new TimeRange(DateTimeOffset.MinValue.AddTicks(1), DateTimeOffset.MaxValue.AddTicks(-1))
        );
    }

    /// <summary>The filters combined with every range: none, accounts, computers, both (as the query allows).</summary>
    public static IEnumerable<(string Name, SentinelQueryFilter Filter)> Filters(SentinelQuery query)
    {
        yield return ("none", SentinelQueryFilter.None);
        if (query.AccountColumn is not null)
        {
            yield return ("account", new SentinelQueryFilter { Accounts = ["CONTOSO\\anna"] });
            yield return ("accounts", new SentinelQueryFilter { Accounts = ["anna@contoso.com", "svc-backup", "ä"] });
        }
        if (query.ComputerColumn is not null)
        {
            yield return ("computers", new SentinelQueryFilter { Computers = ["WS-01.contoso.com", "dc01"] });
        }
        if (query.AccountColumn is not null && query.ComputerColumn is not null)
        {
            yield return ("both", new SentinelQueryFilter { Accounts = ["anna"], Computers = ["WS-01"] });
        }
    }

    /// <summary>Every attacker value at once as accounts, computers and both (as the query allows), with the bounded
    /// range (the range only adds the time lines, which do not depend on the values).</summary>
    public static IEnumerable<(string Name, SentinelQueryFilter Filter)> HostileFilters(SentinelQuery query)
    {
        if (query.AccountColumn is not null)
        {
            yield return ("hostile-accounts", new SentinelQueryFilter { Accounts = Corpus });
        }
        if (query.ComputerColumn is not null)
        {
            yield return ("hostile-computers", new SentinelQueryFilter { Computers = Corpus });
        }
        if (query.AccountColumn is not null && query.ComputerColumn is not null)
        {
            yield return ("hostile-both", new SentinelQueryFilter { Accounts = Corpus, Computers = Corpus });
        }
    }

    private static IEnumerable<KqlText> NamedQueries() =>
        (
            from query in SentinelQueries.All
            from range in Ranges()
            from filter in Filters(query)
            select Named(
                $"query/{query.DataSet.Name}/{range.Name}/{filter.Name}",
                query.Build(range.Range, filter.Filter)
            )
        ).Concat(
            from query in SentinelQueries.All
            from filter in HostileFilters(query)
            select Named($"query/{query.DataSet.Name}/bounded/{filter.Name}", query.Build(Week, filter.Filter))
        );

    /// <summary>A named query's text, with the ad-hoc schema of its table when the reference schemas lack it
    /// (<see cref="InvestigationTableSchemas"/>).</summary>
    private static KqlText Named(string name, string kql) =>
        new(name, kql) { Tables = InvestigationTableSchemas.For(kql) };

    /// <summary>Each attacker value alone as account and computer of the Logons query, with tokens, and the benign
    /// reference text they are compared with.</summary>
    private static IEnumerable<KqlText> Injection() =>
        Corpus
            .Prepend("benign")
            .Select(value => new KqlText(
                InjectionName(value),
                SentinelQueries.Logons.Build(Week, new SentinelQueryFilter { Accounts = [value], Computers = [value] })
            )
            {
                Tokens = true,
            });

    /// <summary>The chunks an export of 2 days 5.5 hours queries (default one-day chunks), and the halves the exporter
    /// queries when the last chunk and then each second half is too large, down to the minimum chunk length: every
    /// boundary (odd ticks) the halving creates.</summary>
    private static IEnumerable<KqlText> ExportChunks()
    {
        var options = new LogAnalyticsExportOptions();
        var range = new TimeRange(Monday, Monday.AddDays(2).AddHours(5.5));
        var chunks = new List<TimeRange>();
        for (var start = range.Start; start < range.End; start += options.ChunkDuration)
        {
            chunks.Add(
                new TimeRange(
                    start,
                    range.End - start > options.ChunkDuration ? start + options.ChunkDuration : range.End
                )
            );
        }
        for (var chunk = chunks[^1]; chunk.End - chunk.Start >= 2 * options.MinimumChunkDuration; )
        {
            var middle = chunk.Start + TimeSpan.FromTicks((chunk.End - chunk.Start).Ticks / 2);
            // its first half ends where it starts: no new boundary
            chunks.Add(chunk = new TimeRange(middle, chunk.End));
        }
        return from query in SentinelQueries.All
            from chunk in chunks.Select((chunk, index) => (chunk, index))
            select Named(
                $"export/{query.DataSet.Name}/chunk-{chunk.index}",
                query.Build(
                    chunk.chunk,
                    query.AccountColumn is null
                        ? SentinelQueryFilter.None
                        : new SentinelQueryFilter { Accounts = ["anna"] }
                )
            );
    }

    /// <summary>Drill-down filters after each reference table, and after a table whose time column has an odd
    /// name.</summary>
    private static IEnumerable<KqlText> DrillDowns()
    {
        var periodSets = new (string Name, AnomalyPeriod[] Periods)[]
        {
            ("none", []),
            ("one", [new AnomalyPeriod(Monday.AddHours(1), Monday.AddHours(3))]),
            (
                "fractions-and-offsets",
                [
                    new AnomalyPeriod(
                        new DateTimeOffset(2024, 3, 13, 4, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
                        Monday.AddHours(1.5)
                    ),
                    new AnomalyPeriod(Monday.AddDays(3), Monday.AddDays(3).AddTicks(1)),
                ]
            ),
        };
        var tables = new[] { "SecurityEvent", "SigninLogs", "OfficeActivity", "CommonSecurityLog", "IdentityInfo" };
        foreach (var (name, periods) in periodSets)
        {
            foreach (var table in tables)
            {
                yield return new KqlText(
                    $"drilldown/{table}/{name}",
                    table + "\n" + AnomalyPeriods.ToKqlFilter(periods)
                );
            }
            yield return new KqlText(
                $"drilldown/OutboundBytes/{name}",
                SentinelQueries.OutboundBytes.Build(Week) + "\n" + AnomalyPeriods.ToKqlFilter(periods)
            );
        }
        foreach (var (column, index) in QuotableColumns.Select((column, index) => (column, index)))
        {
            yield return KqlText.WithSource(
                $"drilldown/column/{index}",
                "source\n" + AnomalyPeriods.ToKqlFilter(periodSets[2].Periods, column),
                new KqlColumn(column, "datetime")
            );
        }
    }

    /// <summary>Each attacker value as a standalone literal, with tokens.</summary>
    /// <summary>The data collection rule transformation of every results table (<c>secml dcr</c>), over its input
    /// stream <c>source</c> with the stream's declared column types.</summary>
    private static IEnumerable<KqlText> Transformations() =>
        SecurityML.Results.ResultsTables.All.Select(table =>
            KqlText.WithSource(
                $"dcr/{table.Name}",
                table.TransformKql,
                [.. table.Columns.Select(column => new KqlColumn(column.Name, column.StreamType))]
            )
        );

    /// <summary>The de-duplicating query of the write-back (<see cref="LogsIngestionClient.DeduplicationKql"/>) after
    /// every results table, declared with the table's own column types (<c>real</c> columns as <c>real</c>).</summary>
    private static IEnumerable<KqlText> Deduplications() =>
        SecurityML.Results.ResultsTables.All.Select(table => new KqlText(
            $"dedup/{table.Name}",
            table.TableName + "\n" + LogsIngestionClient.DeduplicationKql
        )
        {
            Tables = new Dictionary<string, IReadOnlyList<KqlColumn>>
            {
                [table.TableName] = [.. table.Columns.Select(column => new KqlColumn(column.Name, column.Type))],
            },
        });

    private static IEnumerable<KqlText> Literals() =>
        Corpus.Select(value => new KqlText(LiteralName(value), "print Value = " + KqlLiteral.String(value))
        {
            Tokens = true,
        });

    /// <summary>Texts that must fail, proving the check can: the UserDirectory text as it was (account filter on
    /// UserPrincipalName, which IdentityInfo lacks, before the summarize), a line feed written raw into ['...'] (what
    /// ToKqlFilter wrote), an unknown table, an unknown function; and a data collection rule transformation over an
    /// ad-hoc <c>source</c> stream, valid and with an unknown column (how the helper checks such texts).</summary>
    private static IEnumerable<KqlText> Controls()
    {
        var userDirectory = SentinelQueries.UserDirectory.Build(TimeRange.All);
        var summarize = userDirectory.IndexOf("\n| summarize", StringComparison.Ordinal);
        yield return new KqlText(
            ControlPrefix + "UserDirectory-filter-on-UserPrincipalName",
            userDirectory[..summarize]
                + "\n| where UserPrincipalName in~ (\"anna@contoso.com\")"
                + userDirectory[summarize..]
        );
        yield return KqlText.WithSource(
            ControlPrefix + "raw-line-feed-in-quoted-column",
            "source\n| where ['Time\nGenerated'] between (datetime(2024-01-01T01:00:00Z) .. "
                + "datetime(2024-01-01T03:00:00Z))",
            new KqlColumn("Time\nGenerated", "datetime")
        );
        yield return new KqlText(ControlPrefix + "unknown-table", "SecurityEvents\n| take 1");
        yield return new KqlText(
            ControlPrefix + "unknown-function",
            "SecurityEvent\n| extend Hash = sha257(CommandLine)"
        );
        KqlColumn[] stream = [new("Entity", "string"), new("Score", "real"), new("Flagged", "bool")];
        yield return KqlText.WithSource(
            "helper/source-transformation",
            "source\n| extend TimeGenerated = now(), Score = iff(isfinite(Score), Score, real(null))",
            stream
        );
        yield return new KqlText(
            ControlPrefix + "dedup-without-row-id",
            "Results_CL\n" + LogsIngestionClient.DeduplicationKql
        )
        {
            Tables = new Dictionary<string, IReadOnlyList<KqlColumn>>
            {
                ["Results_CL"] = [new("TimeGenerated", "datetime"), new("Score", "real")],
            },
        };
        yield return KqlText.WithSource(
            ControlPrefix + "source-transformation-unknown-column",
            "source\n| extend TimeGenerated = now(), Scores",
            stream
        );
        var alerts = SentinelQueries.SecurityAlerts.Build(Week);
        yield return Named(
            ControlPrefix + "SecurityAlerts-with-a-column-the-table-lacks",
            alerts.Replace("AlertSeverity,", "Severity,", StringComparison.Ordinal)
        );
        yield return new KqlText(ControlPrefix + "SecurityAlerts-without-its-schema", alerts);
    }
}
