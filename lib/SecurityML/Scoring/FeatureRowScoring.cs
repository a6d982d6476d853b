using System.Text.Json.Nodes;
using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>
/// Generic feature rows: one event per row, with a number field named as each of the card's features (JSON numbers
/// or text, as in CSV). For models trained on rows whose features were built elsewhere (e.g. imported scikit-learn
/// forests); the card's data set says so with <see cref="DataSet"/>.
/// </summary>
public static class FeatureRowScoring
{
    /// <summary>The card's data-set text of models that score generic feature rows.</summary>
    public const string DataSet = ModelCard.FeatureRowsDataSet;

    /// <summary>A per-event scorer of feature rows. Unit <c>{"row": line}</c>; the event holds the values.</summary>
    /// <param name="card">The model's card.</param>
    /// <param name="featureNames">The field of each column, in order.</param>
    /// <param name="score">Scores rows.</param>
    /// <param name="explain">Explains a row; null for none.</param>
    public static IEventScorer Create(
        ModelCard card,
        IReadOnlyList<string> featureNames,
        Func<IReadOnlyList<double[]>, IReadOnlyList<UnitScore>> score,
        Func<double[], JsonObject>? explain
    )
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(score);
        var names = featureNames.ToArray();
        return new UnitScorer<double[], double[]>(
            card,
            @event => Read(@event, names),
            records => new UnitSet<double[]>(
                records
                    .Select(record => new ScoringUnit<double[]>(
                        record.Record,
                        new JsonObject { ["row"] = record.Line },
                        [record.Line],
                        record.Event
                    )
                    {
                        Start = ScoringJson.TimeOf(record.Event),
                        End = ScoringJson.TimeOf(record.Event),
                    })
                    .ToList()
            ),
            score,
            aggregates: false
        )
        {
            Explain = explain is null ? null : unit => explain(unit.Input),
        };
    }

    private static double[] Read(JsonObject @event, string[] names)
    {
        var row = new double[names.Length];
        for (int index = 0; index < names.Length; index++)
        {
            row[index] = EventFields.FiniteNumber(@event, names[index]);
        }
        return row;
    }
}
