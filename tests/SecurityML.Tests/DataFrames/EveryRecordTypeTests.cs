using System.Text.Json;
using Microsoft.Data.Analysis;
using SecurityML.Data;
using SecurityML.DataFrames;
using SecurityML.Results;

namespace SecurityML.Tests.DataFrames;

/// <summary>Every record type of the demo data and every results-table row type converts to a DataFrame, and the
/// demo records come back unchanged.</summary>
public class EveryRecordTypeTests
{
    public static TheoryData<string> DataSetNames()
    {
        var data = new TheoryData<string>();
        foreach (
            var dataSet in DataSets.All.Append(TriageDataSets.TriageAlerts).Append(TriageDataSets.TriageAlertVerdicts)
        )
            data.Add(dataSet.Name);
        return data;
    }

    public static TheoryData<string> ResultsTableNames()
    {
        var data = new TheoryData<string>();
        foreach (var table in ResultsTables.All)
            data.Add(table.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(DataSetNames))]
    public void Demo_records_round_trip_through_a_frame(string name)
    {
        var dataSet = DataSets
            .All.Append(TriageDataSets.TriageAlerts)
            .Append(TriageDataSets.TriageAlertVerdicts)
            .Single(d => d.Name == name);
        var method = typeof(EveryRecordTypeTests)
            .GetMethod(
                nameof(RoundTrip),
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static
            )!
            .MakeGenericMethod(dataSet.GetType().GetGenericArguments()[0]);

        var (original, back) = ((string, string))method.Invoke(null, [dataSet])!;

        back.Should().Be(original);
    }

    [Theory]
    [MemberData(nameof(ResultsTableNames))]
    public void Every_results_row_type_gives_one_column_per_member(string name)
    {
        var rowType = ResultsTables.Named(name).RowType;
        var empty = Array.CreateInstance(rowType, 0);
        var toFrame = typeof(DataFrameConversions)
            .GetMethods()
            .Single(m => m.Name == nameof(DataFrameConversions.ToDataFrame) && m.IsGenericMethod)
            .MakeGenericMethod(rowType);

        var frame = (DataFrame)toFrame.Invoke(null, [empty])!;

        frame
            .Columns.Select(c => c.Name)
            .Should()
            .BeEquivalentTo(rowType.GetProperties().Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name));
        frame.Rows.Count.Should().Be(0);
    }

    private static (string Original, string Back) RoundTrip<T>(DataSet<T> dataSet)
        where T : class
    {
        var rows = QueryProvider.Local(RepositoryPaths.SampleData).Load(dataSet, TimeRange.All).Take(200).ToList();
        rows.Should().NotBeEmpty();
        var back = rows.ToDataFrame().ToRecords<T>();
        return (JsonSerializer.Serialize(rows), JsonSerializer.Serialize(back));
    }
}
