using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection;
using SecurityML.Detection.IsolationForest;
using SecurityML.Features.Logons;

namespace SecurityML.Scoring;

/// <summary>
/// Scoring units of an isolation forest. A model over <see cref="LogonFeatures.FeatureNames"/> (notebooks 03 and 04)
/// scores account-days built from raw logon events (4624/4625, the <c>SecurityEvent</c> columns) with the notebooks'
/// feature builder: <see cref="LogonAccountFilter"/>, <see cref="LogonDailyAggregation.Summarize"/>, then
/// <see cref="LogonFeatures.Build"/> over the account-days of the input (so an input should hold the days to compare,
/// as the notebook's window does); account-days without a successful logon are left out, as notebook 03 ranks only
/// days with one. Any other model scores feature rows: one event per row, a number field per feature of the card.
/// </summary>
public static class IsolationForestScoring
{
    /// <summary>The logon model's window: one UTC day.</summary>
    public static readonly TimeSpan LogonWindow = TimeSpan.FromDays(1);

    /// <summary>The card key (in <c>Options</c> or <c>TrainingSummary</c>) naming the z-score baseline the logon
    /// features were built with (<see cref="ZScoreBaseline"/>); <see cref="ZScoreBaseline.OtherDays"/> (notebook 03)
    /// when absent.</summary>
    public const string BaselineKey = LogonAnomalyDetection.BaselineKey;

    /// <summary>Left-out reason of logons the features never see.</summary>
    public const string FilteredLogon =
        "not a 4624/4625 network logon of a user or service account (LogonAccountFilter)";

    /// <summary>Left-out reason of account-days without a successful logon.</summary>
    public const string NoSuccessfulLogon =
        "account-day without a successful logon (notebook 03 ranks only days with one)";

    /// <summary>True when the model scores account-days of logons: an isolation forest over
    /// <see cref="LogonFeatures.FeatureNames"/> whose card does not say it scores
    /// <see cref="ModelCard.FeatureRowsDataSet"/>.</summary>
    public static bool ScoresLogons(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Kind == IsolationForestModel.Kind
            && card.DataSet != ModelCard.FeatureRowsDataSet
            && card.Features.SequenceEqual(LogonFeatures.FeatureNames);
    }

    /// <summary>Checks a --window against the model's: only 1d for the logon model; feature-row models have
    /// none.</summary>
    /// <param name="card">The model's card.</param>
    /// <param name="window">The window asked for; null (the model's own) always fits.</param>
    /// <exception cref="ArgumentException">The window does not fit; the message names --window.</exception>
    public static void CheckWindow(ModelCard card, TimeSpan? window)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (window is not { } asked || card.Kind != IsolationForestModel.Kind)
            return;
        if (!ScoresLogons(card))
            throw new ArgumentException("--window: this model scores feature rows, one event each; it has no window");
        if (asked != LogonWindow)
            throw new ArgumentException(
                $"--window: expected 1d (the model's window: account × UTC day), received {asked}"
            );
    }

    /// <summary>The scorer for <paramref name="model"/>; see the class summary.</summary>
    /// <exception cref="ArgumentException">The window is not the model's (the message names --window), or the model
    /// has no feature names to read rows by.</exception>
    public static IEventScorer Create(IsolationForestModel model, EventScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= EventScoringOptions.Default;
        CheckWindow(model.Card, options.Window);
        if (ScoresLogons(model.Card))
        {
            var baseline = Baseline(model);
            return new UnitScorer<LogonEvent, LogonFeatureRow>(
                model.Card,
                @event =>
                    WithoutNulls(
                        EventRecords.Read<LogonEvent>(
                            @event,
                            nameof(LogonEvent.TimeGenerated),
                            nameof(LogonEvent.EventID),
                            nameof(LogonEvent.TargetUserName)
                        )
                    ),
                records => AccountDays(records, baseline),
                rows => UnitScores.Of(model)(rows.Select(row => row.Features).ToList()),
                aggregates: true
            )
            {
                Explain = unit => ScoringJson.Of(model.Explain(unit.Input.Features)),
            };
        }
        if (model.FeatureNames.Count != model.NumberOfFeatures)
        {
            throw new ArgumentException(
                $"the model's card names {model.FeatureNames.Count} features, expected {model.NumberOfFeatures}: "
                    + $"feature rows are read by name"
            );
        }
        return FeatureRowScoring.Create(
            model.Card,
            model.FeatureNames,
            UnitScores.Of(model),
            row => ScoringJson.Of(model.Explain(row))
        );
    }

    /// <summary>A JSON null in a text field (e.g. <c>"TargetDomainName": null</c> in a Sentinel export) reads as empty
    /// text, as an empty CSV field does, so one such event cannot fail the whole input.</summary>
    private static LogonEvent WithoutNulls(LogonEvent logon) =>
        logon with
        {
            Activity = logon.Activity ?? "",
            Computer = logon.Computer ?? "",
            Account = logon.Account ?? "",
            AccountType = logon.AccountType ?? "",
            TargetUserName = logon.TargetUserName ?? "",
            TargetDomainName = logon.TargetDomainName ?? "",
            TargetLogonId = logon.TargetLogonId ?? "",
            LogonProcessName = logon.LogonProcessName ?? "",
            AuthenticationPackageName = logon.AuthenticationPackageName ?? "",
            WorkstationName = logon.WorkstationName ?? "",
            IpAddress = logon.IpAddress ?? "",
            Status = logon.Status ?? "",
            SubStatus = logon.SubStatus ?? "",
        };

    private static ZScoreBaseline Baseline(IsolationForestModel model)
    {
        var node = model.Card.Options[BaselineKey] ?? model.Card.TrainingSummary[BaselineKey];
        return node is JsonValue value && Enum.TryParse<ZScoreBaseline>(value.ToString(), out var baseline)
            ? baseline
            : ZScoreBaseline.OtherDays;
    }

    private static UnitSet<LogonFeatureRow> AccountDays(
        IReadOnlyList<LineRecord<LogonEvent>> records,
        ZScoreBaseline baseline
    )
    {
        var others = new List<UnitResult>();
        var excluded = records
            .Where(record => !LogonAccountFilter.IsIncluded(record.Record))
            .Select(record => record.Line)
            .ToList();
        if (excluded.Count > 0)
            others.Add(UnitResult.Skipped(excluded, FilteredLogon));
        var kept = records.Where(record => LogonAccountFilter.IsIncluded(record.Record)).ToList();
        var lines = kept.ToLookup(
            record => Key(record.Record.TimeGenerated, record.Record.TargetDomainName, record.Record.TargetUserName),
            record => record.Line
        );
        var table = LogonFeatures.Build(
            LogonDailyAggregation.Summarize(kept.Select(record => record.Record)),
            baseline
        );
        var units = new List<ScoringUnit<LogonFeatureRow>>();
        foreach (var row in table.Rows)
        {
            var summary = row.Summary;
            var rowLines = lines[Key(summary.Date, summary.TargetDomainName, summary.TargetUserName)].ToList();
            if (summary.SuccessfulLogons == 0)
            {
                others.Add(UnitResult.Skipped(rowLines, NoSuccessfulLogon));
                continue;
            }
            units.Add(
                new ScoringUnit<LogonFeatureRow>(
                    row,
                    new JsonObject
                    {
                        ["account"] = summary.Account,
                        ["windowStart"] = ScoringJson.Time(summary.Date),
                        ["windowEnd"] = ScoringJson.Time(summary.Date + LogonWindow),
                        ["successfulLogons"] = summary.SuccessfulLogons,
                        ["failedLogons"] = summary.FailedLogons,
                    },
                    rowLines
                )
                {
                    Entity = summary.Account,
                    Start = summary.Date,
                    End = summary.Date + LogonWindow,
                }
            );
        }
        return new UnitSet<LogonFeatureRow>(units, others);
    }

    private static (DateOnly, string, string) Key(DateTimeOffset time, string domain, string user) =>
        (DateOnly.FromDateTime(time.UtcDateTime), domain.ToUpperInvariant(), user.ToUpperInvariant());
}
