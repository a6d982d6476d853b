using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.Detection.AccessAnomaly;
using SecurityML.Detection.Clustering;
using SecurityML.Detection.IpEmbedding;
using SecurityML.Detection.IsolationForest;
using SecurityML.Detection.Sequences;
using SecurityML.Detection.TimeSeries;

namespace SecurityML.Scoring;

/// <summary>
/// Scores a labelled file through the same path as <c>secml score</c> (<see cref="ModelRegistry"/>,
/// <see cref="EventStreamScorer"/>) and marks each unit planted or not from labels (the demo data's
/// <c>X.labels.csv</c>), so that a threshold can be chosen for a model file of any kind (notebook 09).
/// </summary>
public static class LabelledScoring
{
    /// <summary>The demo data file a model kind scores (in <c>sample-data/</c>): FileShareAccess.csv, Logons.csv,
    /// OutboundBytes.csv, ProcessCreation.csv, ExchangeAdmin.csv or SignIns.csv; its labels are
    /// <c>&lt;name&gt;.labels.csv</c> beside it.</summary>
    /// <exception cref="ArgumentException">The kind has no demo file (e.g. a baseline over derived rows, feature-row
    /// models): name the input yourself.</exception>
    public static string SampleDataFileFor(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Kind switch
        {
            AccessAnomalyModel.Kind => "FileShareAccess.csv",
            IsolationForestModel.Kind when IsolationForestScoring.ScoresLogons(card) => "Logons.csv",
            StlAnomalyModel.Kind => "OutboundBytes.csv",
            DbscanModel.Kind
                when card.Features.Count > 0
                    && card.Features.All(name => Enum.TryParse<Features.CommandLine.ProcessFeature>(name, out _)) =>
                "ProcessCreation.csv",
            MarkovSessionModel.Kind => "ExchangeAdmin.csv",
            IpEmbeddingModel.Kind or PrefixFrequencyModel.Kind => "SignIns.csv",
            _ => throw new ArgumentException(
                $"{card.Kind} models have no demo data file to tune on; name the labelled input file (inputFile)",
                nameof(card)
            ),
        };
    }

    /// <summary>The labels file beside a data file: <c>X.labels.csv</c> for <c>X.csv</c> or
    /// <c>X.ocsf.jsonl</c>.</summary>
    public static string LabelsFileFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        return Path.Combine(
            Path.GetDirectoryName(path) ?? "",
            name[..name.IndexOf('.', StringComparison.Ordinal)] + ".labels.csv"
        );
    }

    /// <summary>Scores <paramref name="path"/> with <paramref name="scorer"/> and labels every unit.</summary>
    /// <param name="scorer">A model loaded with <see cref="ModelRegistry.Load(string, EventScoringOptions?)"/>.</param>
    /// <param name="path">The labelled events (.csv or JSON Lines).</param>
    /// <param name="labels">The planted anomalies.</param>
    /// <param name="from">Events before this time are left out (e.g. the model's training window); null for
    /// none.</param>
    /// <param name="problems">Receives bad lines (<c>file, line N: reason</c>); null to drop them (they are still
    /// counted in the summary).</param>
    public static LabelledScores Score(
        IEventScorer scorer,
        string path,
        IReadOnlyList<AnomalyLabel> labels,
        DateTimeOffset? from = null,
        TextWriter? problems = null
    )
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labels);
        var units = new List<LabelledUnit>();
        var stream = new EventStreamScorer(
            from is { } start ? new From(scorer, start) : scorer,
            double.PositiveInfinity,
            TextWriter.Null,
            problems ?? TextWriter.Null
        )
        {
            Scored = result =>
                units.Add(
                    new LabelledUnit(
                        result.Unit,
                        result.Score,
                        IsPlanted(result, labels),
                        result.Lines,
                        result.Start,
                        result.End
                    )
                ),
        };
        using (var input = File.OpenRead(path))
            stream.Score(input, path, EventLineParser.FormatOf(path));
        var summary =
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{stream.EventsScored} event(s) in {stream.UnitsScored} unit(s), {stream.BadLines} bad line(s) skipped"
            ) + string.Concat(stream.LeftOut.Select(pair => $"; {pair.Value} left out: {pair.Key}"));
        return new LabelledScores(units, summary);
    }

    /// <summary>True when a label's entity is the unit's (case-insensitive; any label for a unit without entity) and
    /// the label's window overlaps the unit's time (any time for a unit without one).</summary>
    public static bool IsPlanted(UnitResult unit, IEnumerable<AnomalyLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Any(label =>
            unit.Start is { } start
                ? label.Covers(
                    unit.Entity ?? label.Entity,
                    new TimeRange(start, unit.End > start ? unit.End.Value : start),
                    StringComparison.OrdinalIgnoreCase
                )
                : unit.Entity is null || string.Equals(unit.Entity, label.Entity, StringComparison.OrdinalIgnoreCase)
        );
    }

    /// <summary>Leaves out events before a time, passing the others on.</summary>
    private sealed class From(IEventScorer inner, DateTimeOffset start) : IEventScorer
    {
        public ModelCard Card => inner.Card;

        public IReadOnlyList<UnitResult> Add(IReadOnlyList<SourceEvent> events)
        {
            var early = events.Where(item => ScoringJson.TimeOf(item.Event) < start).Select(item => item.Line).ToList();
            var kept = events.Where(item => !(ScoringJson.TimeOf(item.Event) < start)).ToList();
            var results = kept.Count == 0 ? [] : inner.Add(kept);
            return early.Count == 0
                ? results
                : [UnitResult.Skipped(early, $"before {ScoringJson.Time(start)}"), .. results];
        }

        public IReadOnlyList<UnitResult> Complete() => inner.Complete();
    }
}
