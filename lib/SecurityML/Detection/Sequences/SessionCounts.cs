using System.Runtime.InteropServices;

namespace SecurityML.Detection.Sequences;

/// <summary>
/// The Laplace-smoothed counts a <see cref="MarkovSessionModel"/> is made of, counted and smoothed as msticpy's
/// <c>compute_counts</c> and <c>laplace_smooth_*_counts</c>: every session is framed by the start and end tokens;
/// then, over the commands seen plus the unknown token, each pair (a, b) with a ≠ end and b ≠ start adds 1 to the
/// transition count a → b and 1 to each of the command counts of a and b; each parameter row (and each value row)
/// adds 1 to the entries it already has and to the unknown token. Tables keep first-seen order.
/// </summary>
internal sealed class SessionCounts
{
    public Dictionary<string, long> Commands { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, long>> Transitions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, long>> Parameters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, long>> Values { get; } = new(StringComparer.Ordinal);

    public List<string> Modellable { get; } = [];

    /// <summary>Counts and smooths <paramref name="sessions"/> (checked by the caller).</summary>
    public static SessionCounts Count(
        IReadOnlyList<CommandSession> sessions,
        MarkovSessionOptions options,
        CancellationToken cancellationToken
    )
    {
        var raw = new SessionCounts();
        var parameterTotals = new Dictionary<string, long>(StringComparer.Ordinal);
        var valueKeys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previous = MarkovSessionModel.StartToken;
            Increment(raw.Commands, previous);
            foreach (var command in session.Commands)
            {
                Increment(raw.Commands, command.Name);
                Increment(Row(raw.Transitions, previous), command.Name);
                previous = command.Name;
                if (options.Kind != SessionModelKind.Commands)
                {
                    raw.CountParameters(
                        command,
                        parameterTotals,
                        valueKeys,
                        options.Kind == SessionModelKind.CommandsParametersAndValues
                    );
                }
            }
            Increment(Row(raw.Transitions, previous), MarkovSessionModel.EndToken);
            Increment(raw.Commands, MarkovSessionModel.EndToken);
        }
        return raw.Smoothed(parameterTotals, valueKeys, options);
    }

    private void CountParameters(
        Command command,
        Dictionary<string, long> parameterTotals,
        Dictionary<string, long> valueKeys,
        bool withValues
    )
    {
        foreach (var parameter in command.Parameters)
        {
            Increment(parameterTotals, parameter.Name);
            Increment(Row(Parameters, command.Name), parameter.Name);
            if (withValues && !string.IsNullOrEmpty(parameter.Value))
            {
                Increment(valueKeys, parameter.Value);
                Increment(Row(Values, parameter.Name), parameter.Value);
            }
        }
    }

    private SessionCounts Smoothed(
        Dictionary<string, long> parameterTotals,
        Dictionary<string, long> valueKeys,
        MarkovSessionOptions options
    )
    {
        var smoothed = new SessionCounts();
        Copy(Commands, smoothed.Commands);
        foreach (var (key, row) in Transitions)
            Copy(row, Row(smoothed.Transitions, key));
        var commands = Commands.Keys.Append(MarkovSessionModel.UnknownToken).ToList();
        foreach (var first in commands.Where(name => name != MarkovSessionModel.EndToken))
        {
            foreach (var second in commands.Where(name => name != MarkovSessionModel.StartToken))
            {
                Increment(smoothed.Commands, first);
                Increment(Row(smoothed.Transitions, first), second);
                Increment(smoothed.Commands, second);
            }
        }
        if (options.Kind == SessionModelKind.Commands)
        {
            return smoothed;
        }
        SmoothRows(Parameters, smoothed.Parameters, commands);
        if (options.Kind == SessionModelKind.CommandsParametersAndValues)
        {
            SmoothRows(Values, smoothed.Values, parameterTotals.Keys.Append(MarkovSessionModel.UnknownToken));
            smoothed.Modellable.AddRange(options.ModellableParameters ?? ModellableByRule(parameterTotals));
        }
        return smoothed;
    }

    /// <summary>msticpy's <c>get_params_to_model_values</c>: parameters with ≤ 20 distinct non-empty values, ≥ 20
    /// occurrences, and distinct values at most 10 % of occurrences.</summary>
    private List<string> ModellableByRule(Dictionary<string, long> parameterTotals) =>
        Values
            .Where(pair =>
                pair.Value.Count <= MarkovSessionOptions.ModellableMaximumDistinctValues
                && parameterTotals[pair.Key] >= MarkovSessionOptions.ModellableMinimumOccurrences
                && 100.0 * pair.Value.Count / parameterTotals[pair.Key]
                    <= MarkovSessionOptions.ModellableMaximumDistinctPercent
            )
            .Select(pair => pair.Key)
            .ToList();

    /// <summary>Each row named in <paramref name="rowKeys"/> gets +1 on the entries it has and on the unknown
    /// token.</summary>
    private static void SmoothRows(
        Dictionary<string, Dictionary<string, long>> raw,
        Dictionary<string, Dictionary<string, long>> smoothed,
        IEnumerable<string> rowKeys
    )
    {
        foreach (var (key, row) in raw)
            Copy(row, Row(smoothed, key));
        foreach (var key in rowKeys)
        {
            var row = Row(smoothed, key);
            foreach (var entry in row.Keys.ToList())
                row[entry]++;
            row.TryAdd(MarkovSessionModel.UnknownToken, 1);
        }
    }

    /// <summary>Checks counts read from a model file: what scoring looks up is there (the unknown token in every table
    /// and row, a transition row for the start token), and a parameter's count never exceeds its command's.</summary>
    /// <exception cref="InvalidDataException">A table or entry is missing or a count is out of range
    /// (named).</exception>
    public void CheckLoaded(SessionModelKind kind)
    {
        RequireUnknown(Commands, "commands");
        RequireRows(Transitions, "transitions");
        if (!Transitions.ContainsKey(MarkovSessionModel.StartToken))
            throw Missing("transitions", MarkovSessionModel.StartToken);
        if (kind == SessionModelKind.Commands)
            return;
        RequireRows(Parameters, "parameters");
        foreach (var (command, row) in Parameters)
        {
            long commandCount = Commands.TryGetValue(command, out var count)
                ? count
                : Commands[MarkovSessionModel.UnknownToken];
            foreach (var (parameter, value) in row)
            {
                if (value > commandCount)
                {
                    throw ModelPayloadReader.Invalid(
                        $"parameters.{command}.{parameter}",
                        $"a count ≤ the command's count {commandCount}",
                        value
                    );
                }
            }
        }
        if (kind == SessionModelKind.CommandsParametersAndValues)
            RequireRows(Values, "values");
    }

    private static void RequireRows(Dictionary<string, Dictionary<string, long>> table, string field)
    {
        if (!table.ContainsKey(MarkovSessionModel.UnknownToken))
            throw Missing(field, MarkovSessionModel.UnknownToken);
        foreach (var (key, row) in table)
            RequireUnknown(row, $"{field}.{key}");
    }

    private static void RequireUnknown(Dictionary<string, long> table, string field)
    {
        if (!table.ContainsKey(MarkovSessionModel.UnknownToken))
            throw Missing(field, MarkovSessionModel.UnknownToken);
    }

    private static InvalidDataException Missing(string field, string key) =>
        ModelPayloadReader.Invalid(field, $"an entry for {key}", "none");

    internal static Dictionary<string, long> Row(Dictionary<string, Dictionary<string, long>> table, string key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(table, key, out _) ??= new Dictionary<string, long>(
            StringComparer.Ordinal
        );

    private static void Increment(Dictionary<string, long> table, string key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(table, key, out _)++;

    private static void Copy(Dictionary<string, long> from, Dictionary<string, long> to)
    {
        foreach (var (key, value) in from)
            to[key] = value;
    }
}
