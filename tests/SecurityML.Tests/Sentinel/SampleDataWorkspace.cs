using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using SecurityML.Data;
using SecurityML.Features.Logons;
using SecurityML.Sentinel;

namespace SecurityML.Tests.Sentinel;

/// <summary>
/// Makes <see cref="FakeMonitorServer"/> answer the named queries (<see cref="SentinelQueries"/>) with the rows of a
/// local data folder, as a workspace holding the demo data would: the data set is recognised by the query's table and
/// final shape, and the half-open time filters written in the KQL are applied to the local rows. Any other query gets
/// 400, so a notebook sending something unexpected fails loudly.
/// </summary>
internal static partial class SampleDataWorkspace
{
    private static readonly MethodInfo AnswerMethod = typeof(SampleDataWorkspace).GetMethod(
        nameof(Answer),
        BindingFlags.NonPublic | BindingFlags.Static
    )!;

    public static Func<FakeQuery, FakeResponse> Responder(string dataFolder)
    {
        var local = QueryProvider.Local(dataFolder);
        return query =>
        {
            var named = SentinelQueries.All.FirstOrDefault(candidate => Recognises(candidate, query.Query));
            if (named is null || query.Query.Contains(" in~ ", StringComparison.Ordinal))
            {
                return FakeResponse.Error(
                    400,
                    "BadArgumentError",
                    "The fake workspace answers only the unfiltered named queries."
                );
            }
            var range = TimeFilterOf(query.Query);
            return (FakeResponse)
                AnswerMethod.MakeGenericMethod(named.DataSet.RecordType).Invoke(null, [local, named.DataSet, range])!;
        };
    }

    private static bool Recognises(SentinelQuery named, string kql) =>
        kql.StartsWith(named.Table + "\n", StringComparison.Ordinal)
        && kql.EndsWith("\n| " + named.Shape, StringComparison.Ordinal)
        && named.Filters.All(filter => kql.Contains("\n| where " + filter + "\n", StringComparison.Ordinal));

    private static FakeResponse Answer<T>(QueryProvider local, DataSet<T> dataSet, TimeRange range)
        where T : class
    {
        if (dataSet.Name == LogonDailySummary.DataSet.Name)
        {
            return new FakeResponse(
                200,
                TableJson.Response(LogonDailyAggregation.Summarize(local.Load(DataSets.Logons, range)))
            );
        }
        return new FakeResponse(200, TableJson.Response(local.Load(dataSet, range)));
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

    [GeneratedRegex(@"^\| where TimeGenerated (?<operator>>=|<) datetime\((?<time>[^)]+)\)$", RegexOptions.Multiline)]
    private static partial Regex TimeFilter();
}
