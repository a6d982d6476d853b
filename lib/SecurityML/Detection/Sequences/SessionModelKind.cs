namespace SecurityML.Detection.Sequences;

/// <summary>What a <see cref="MarkovSessionModel"/> models, as msticpy's three session types.</summary>
public enum SessionModelKind
{
    /// <summary>Command names only: a first-order Markov chain over commands (msticpy: sessions of strings).</summary>
    Commands,

    /// <summary>Command names, and for each command whether each parameter name is present, as independent
    /// Bernoulli variables given the command (msticpy: <c>Cmd</c> with a set of params).</summary>
    CommandsAndParameters,

    /// <summary>As <see cref="CommandsAndParameters"/>, plus the values of "modellable" parameters as categorical
    /// variables given the parameter (msticpy: <c>Cmd</c> with a dict of params and values).</summary>
    CommandsParametersAndValues,
}
