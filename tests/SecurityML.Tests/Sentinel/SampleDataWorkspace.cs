using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SecurityML.Data;
using SecurityML.Features;
using SecurityML.Features.FileShares;
using SecurityML.Features.Logons;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary>One named query the fake workspace answered: the data set, the KQL and how many rows it returned.</summary>
/// <param name="DataSet">The data set of the named query.</param>
/// <param name="Query">The KQL received.</param>
/// <param name="RowCount">The rows returned.</param>
/// <param name="Account">The one account the query was filtered by; null when unfiltered.</param>
internal sealed record AnsweredQuery(string DataSet, string Query, int RowCount, string? Account);

/// <summary>
/// Makes <see cref="FakeMonitorServer"/> answer the named queries (<see cref="SentinelQueries"/>) with the rows of a
/// local data folder, as a workspace holding the demo data would: the data set is recognised by the query's table and
/// final shape, the half-open time filters written in the KQL are applied to the local rows, aggregate queries are
/// answered with the aggregate the library computes from those rows, and a filter on one account
/// (<c>| where Account in~ ("…")</c>) keeps the rows whose account column equals it ignoring case. Any other query
/// (several accounts, computers, a literal the fake cannot read) gets 400, so a notebook sending something unexpected
/// fails loudly. Every answer is recorded with its row count in the optional <c>answered</c> queue.
/// </summary>
internal static partial class SampleDataWorkspace
{
    private static readonly MethodInfo AnswerMethod = typeof(SampleDataWorkspace).GetMethod(
        nameof(Answer),
        BindingFlags.NonPublic | BindingFlags.Static
    )!;

    public static Func<FakeQuery, FakeResponse> Responder(
        string dataFolder,
        ConcurrentQueue<AnsweredQuery>? answered = null
    )
    {
        var local = QueryProvider.Local(dataFolder);
        return query =>
        {
            var named = SentinelQueries.All.FirstOrDefault(candidate => Recognises(candidate, query.Query));
            var account = named is null ? null : AccountFilterOf(named, query.Query);
            if (named is null || account is { Length: 0 } || query.Query.Contains("\n| where Computer in~"))
            {
                return FakeResponse.Error(
                    400,
                    "BadArgumentError",
                    "The fake workspace answers only the named queries, unfiltered or filtered by one account."
                );
            }
            var range = TimeFilterOf(query.Query);
            var (response, rowCount) = ((FakeResponse, int))
                AnswerMethod.MakeGenericMethod(named.DataSet.RecordType).Invoke(null, [local, named, range, account])!;
            answered?.Enqueue(new AnsweredQuery(named.DataSet.Name, query.Query, rowCount, account));
            return response;
        };
    }

    private static bool Recognises(SentinelQuery named, string kql) =>
        kql.StartsWith(named.Table + "\n", StringComparison.Ordinal)
        && kql.EndsWith("\n| " + named.Shape, StringComparison.Ordinal)
        && named.Filters.All(filter => kql.Contains("\n| where " + filter + "\n", StringComparison.Ordinal));

    private static (FakeResponse Response, int RowCount) Answer<T>(
        QueryProvider local,
        SentinelQuery named,
        TimeRange range,
        string? account
    )
        where T : class
    {
        IReadOnlyList<T> rows =
            (IReadOnlyList<T>?)Aggregate(local, named.DataSet, range) ?? local.Load((DataSet<T>)named.DataSet, range);
        if (account is not null)
        {
            var column = typeof(T).GetProperty(named.AccountColumn!)!;
            rows = rows.Where(row =>
                    string.Equals((string?)column.GetValue(row), account, StringComparison.OrdinalIgnoreCase)
                )
                .ToList();
        }
        return (new FakeResponse(200, TableJson.Response(rows)), rows.Count);
    }

    /// <summary>The aggregate the workspace computes for an aggregate query, from the local events of the range (as
    /// the library computes it locally); null for the other data sets.</summary>
    private static object? Aggregate(QueryProvider local, DataSet dataSet, TimeRange range)
    {
        if (dataSet.Name == LogonDailySummary.DataSet.Name)
        {
            return LogonDailyAggregation.Summarize(local.Load(DataSets.Logons, range));
        }
        if (dataSet.Name == DailyLogonCount.DataSet.Name)
        {
            return local
                .Load(DataSets.Logons, range)
                .SummarizeByEntityAndDay(logon => logon.Account, logon => logon.TimeGenerated)
                .Select(day => new DailyLogonCount
                {
                    Entity = day.Entity,
                    Day = day.Day,
                    Count = day.Count,
                    FirstSeen = day.FirstSeen,
                    LastSeen = day.LastSeen,
                })
                .ToList();
        }
        if (dataSet.Name == ShareAccessSummary.DataSet.Name)
        {
            return ShareAccessSummary.Summarize(local.Load(DataSets.FileShareAccess, range));
        }
        if (dataSet.Name == DailyShareAccess.DataSet.Name)
        {
            return DailyShareAccess.Summarize(local.Load(DataSets.FileShareAccess, range));
        }
        return null;
    }

    /// <summary>The account of the query's <c>| where {AccountColumn} in~ ("…")</c> line: null when there is none,
    /// empty when the fake cannot answer it (several accounts, an encoded literal, a column the record type lacks). The
    /// fixed filters of a query (e.g. DailyLogons' <c>in~</c> lists of built-in accounts) are not account
    /// filters.</summary>
    private static string? AccountFilterOf(SentinelQuery named, string kql)
    {
        var prefix = "\n| where " + named.AccountColumn + " in~ ";
        var at = named.AccountColumn is null ? -1 : kql.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var list = kql[(at + prefix.Length)..kql.IndexOf('\n', at + 1)];
        var match = OneStringList().Match(list);
        if (!match.Success || named.DataSet.RecordType.GetProperty(named.AccountColumn!) is null)
        {
            return "";
        }
        return Regex.Unescape(match.Groups["value"].Value);
    }

    /// <summary>The range of the query's <c>where TimeGenerated &gt;= datetime(...)</c> and <c>&lt; datetime(...)</c>
    /// lines.</summary>
    private static TimeRange TimeFilterOf(string kql)
    {
        var start = DateTimeOffset.MinValue;
        var end = DateTimeOffset.MaxValue;
        foreach (Match match in TimeFilter().Matches(kql))
        {
            var time = DateTimeOffset.Parse(
                match.Groups["time"].Value,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal
            );
            if (match.Groups["operator"].Value == ">=")
            {
                start = time;
            }
            else
            {
                end = time;
            }
        }
        return new TimeRange(start, end);
    }

    [GeneratedRegex(@"^\(""(?<value>(?:[^""\\]|\\[\\""tnr])*)""\)$")]
    private static partial Regex OneStringList();

    [GeneratedRegex(@"^\| where TimeGenerated (?<operator>>=|<) datetime\((?<time>[^)]+)\)$", RegexOptions.Multiline)]
    private static partial Regex TimeFilter();
}
