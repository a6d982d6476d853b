namespace SecurityML.Detection.Sequences;

/// <summary>
/// Probabilities from <see cref="SessionCounts"/>, as msticpy's <c>compute_*_probs</c>, with the unknown-token
/// fallback of its <c>StateMatrix</c> (an unseen key reads the unknown token's entry), and the window likelihood of
/// <c>compute_likelihood_window</c>.
/// </summary>
internal sealed class SessionProbabilities
{
    private readonly Dictionary<string, double> _prior = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _transition = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyValuePair<string, double>[]> _parameter = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _value = new(StringComparer.Ordinal);
    private readonly HashSet<string> _modellable;
    private readonly SessionModelKind _kind;

    public SessionProbabilities(SessionCounts counts, SessionModelKind kind)
    {
        _kind = kind;
        _modellable = new HashSet<string>(counts.Modellable, StringComparer.Ordinal);
        double total = counts.Commands.Values.Sum();
        foreach (var (command, count) in counts.Commands)
            _prior[command] = count / total;
        foreach (var (previous, row) in counts.Transitions)
            _transition[previous] = Normalised(row);
        foreach (var (command, row) in counts.Parameters)
        {
            // msticpy divides by the smoothed count of the command (a Bernoulli per parameter).
            double commandCount = Lookup(counts.Commands, command);
            _parameter[command] = row.Select(pair => new KeyValuePair<string, double>(
                    pair.Key,
                    pair.Value / commandCount
                ))
                .ToArray();
        }
        foreach (var (parameter, row) in counts.Values)
            _value[parameter] = Normalised(row);
    }

    public double Prior(string command) => Lookup(_prior, command);

    public double Transition(string previous, string next) => Lookup(Lookup(_transition, previous), next);

    public double Parameter(string command, string parameter) =>
        Lookup(
            Lookup(_parameter, command).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
            parameter
        );

    public double Value(string parameter, string? value) => Lookup(Lookup(_value, parameter), value ?? "");

    /// <summary>msticpy's <c>compute_prob_setofparams_given_cmd</c> with the geometric mean: over the parameters the
    /// command had in training (and the unknown token), present ones give p (times the value's probability for a
    /// modellable parameter), absent ones 1 − p; the product is raised to 1 / (that number + modelled values).
    /// A command without parameters gives 1; parameters unseen for the command are ignored.</summary>
    public double ParameterSet(Command command)
    {
        if (_kind == SessionModelKind.Commands || command.Parameters.Count == 0)
        {
            return 1.0;
        }
        var reference = Lookup(_parameter, command.Name);
        double likelihood = 1;
        var modelledValues = 0;
        foreach (var (parameter, probability) in reference)
        {
            var present = Find(command.Parameters, parameter);
            if (present is null)
            {
                likelihood *= 1 - probability;
                continue;
            }
            likelihood *= probability;
            if (_kind == SessionModelKind.CommandsParametersAndValues && _modellable.Contains(parameter))
            {
                modelledValues++;
                likelihood *= Value(parameter, present.Value);
            }
        }
        var power = reference.Length + modelledValues;
        return power > 0 ? Math.Pow(likelihood, 1.0 / power) : likelihood;
    }

    /// <summary>msticpy's <c>compute_likelihood_window</c>: the first command's prior (or its transition from the start
    /// token), each transition and each parameter-set probability, and optionally the transition to the end token.
    /// NaN for an empty window. <paramref name="factors"/>, when given, receives each factor with a label.</summary>
    public double Window(
        IReadOnlyList<Command> commands,
        int offset,
        int count,
        bool useStartToken,
        bool useEndToken,
        List<(string Label, double Value)>? factors = null
    )
    {
        if (count == 0)
        {
            return double.NaN;
        }
        var first = commands[offset].Name;
        double likelihood = Factor(
            useStartToken ? Transition(MarkovSessionModel.StartToken, first) : Prior(first),
            factors is null ? ""
                : useStartToken ? $"{MarkovSessionModel.StartToken} → {first}"
                : first,
            factors
        );
        likelihood *= ParameterFactor(commands[offset], factors);
        for (var index = offset + 1; index < offset + count; index++)
        {
            var (previous, next) = (commands[index - 1].Name, commands[index].Name);
            likelihood *= Factor(Transition(previous, next), factors is null ? "" : $"{previous} → {next}", factors);
            likelihood *= ParameterFactor(commands[index], factors);
        }
        if (useEndToken)
        {
            var last = commands[offset + count - 1].Name;
            likelihood *= Factor(
                Transition(last, MarkovSessionModel.EndToken),
                $"{last} → {MarkovSessionModel.EndToken}",
                factors
            );
        }
        return likelihood;
    }

    private double ParameterFactor(Command command, List<(string Label, double Value)>? factors)
    {
        var value = ParameterSet(command);
        return _kind == SessionModelKind.Commands || command.Parameters.Count == 0
            ? value
            : Factor(value, factors is null ? "" : command.Name + " parameters", factors);
    }

    private static double Factor(double value, string label, List<(string Label, double Value)>? factors)
    {
        factors?.Add((label, value));
        return value;
    }

    private static CommandParameter? Find(IReadOnlyList<CommandParameter> parameters, string name)
    {
        for (var index = 0; index < parameters.Count; index++)
        {
            if (parameters[index].Name == name)
                return parameters[index];
        }
        return null;
    }

    private static Dictionary<string, double> Normalised(Dictionary<string, long> row)
    {
        double sum = row.Values.Sum();
        return row.ToDictionary(pair => pair.Key, pair => pair.Value / sum, StringComparer.Ordinal);
    }

    private static TValue Lookup<TValue>(Dictionary<string, TValue> table, string key) =>
        table.TryGetValue(key, out var value) ? value : table[MarkovSessionModel.UnknownToken];
}
