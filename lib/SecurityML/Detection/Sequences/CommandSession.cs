namespace SecurityML.Detection.Sequences;

/// <summary>A session as the Markov model sees it: commands in the order they ran.</summary>
/// <param name="Commands">The commands; may be empty for scoring (see <see cref="MarkovSessionModel"/>), not for
/// training.</param>
public sealed record CommandSession(IReadOnlyList<Command> Commands)
{
    /// <summary>A session of commands without parameters, e.g. <c>FromNames("Set-User", "Set-Mailbox")</c>.</summary>
    public static CommandSession FromNames(params string[] names) =>
        new(names.Select(name => new Command(name)).ToList());

    /// <summary>The command names joined with " → ".</summary>
    public override string ToString() => string.Join(" → ", Commands.Select(command => command.Name));
}
