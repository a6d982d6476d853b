namespace SecurityML.Detection.Sequences;

/// <summary>One parameter of a <see cref="Command"/>.</summary>
/// <param name="Name">The parameter name, e.g. <c>Identity</c>.</param>
/// <param name="Value">Its value as text; null or empty when it has none (such values are not counted, as
/// msticpy).</param>
public sealed record CommandParameter(string Name, string? Value)
{
    /// <summary><c>-Name Value</c>, or <c>-Name</c> without a value.</summary>
    public override string ToString() => string.IsNullOrEmpty(Value) ? "-" + Name : $"-{Name} {Value}";
}
