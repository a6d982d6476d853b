using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>A process the demo hosts start: image (<c>USER</c> and <c>{GUID}</c> are filled in), parent, and a command
/// line built from random parts, the user name and the filled-in image.</summary>
internal sealed record ProcessTemplate(
    string Image,
    string Parent,
    int Weight,
    Func<DeterministicRandom, string, string, string> CommandLine
);
