namespace SecurityML.Detection.Sequences;

/// <summary>
/// One command of a session: its name (e.g. the Exchange cmdlet <c>Set-Mailbox</c>) and its parameters, as msticpy's
/// <c>Cmd</c>. Parameter names are unique: a repeated name keeps its first position and its last value (a Python
/// dict's behaviour).
/// </summary>
public sealed record Command
{
    /// <summary>Creates a command.</summary>
    /// <param name="name">The command name; not null or empty.</param>
    /// <param name="parameters">The parameters, in order; null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public Command(string name, IEnumerable<CommandParameter>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        var list = new List<CommandParameter>();
        foreach (var parameter in parameters ?? [])
        {
            var at = list.FindIndex(existing => existing.Name == parameter.Name);
            if (at >= 0)
            {
                list[at] = parameter;
            }
            else
            {
                list.Add(parameter);
            }
        }
        Parameters = list;
    }

    /// <summary>The command name.</summary>
    public string Name { get; }

    /// <summary>The parameters, unique by name, in first-seen order.</summary>
    public IReadOnlyList<CommandParameter> Parameters { get; }

    /// <summary>The command as it would be typed, e.g. <c>Set-Mailbox -Identity a@b -Type Shared</c>.</summary>
    public override string ToString() =>
        Parameters.Count == 0
            ? Name
            : Name + " " + string.Join(" ", Parameters.Select(parameter => parameter.ToString()));
}
