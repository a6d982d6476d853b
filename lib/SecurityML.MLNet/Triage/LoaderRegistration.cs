using System.Runtime.CompilerServices;
using SecurityML.Scoring;

namespace SecurityML.MLNet.Triage;

/// <summary>Registers <see cref="AlertTriageLoader"/> with <see cref="ModelRegistry"/> as soon as this assembly is
/// used, so a tool or notebook that references <c>SecurityML.MLNet</c> loads <c>AlertTriage</c> model files with
/// <c>ModelRegistry.Load</c> without a <c>--plugin</c> (which registers it too).</summary>
internal static class LoaderRegistration
{
    // A library registering its own model kind with the library's registry is the intended use.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => ModelRegistry.Register(new AlertTriageLoader());
#pragma warning restore CA2255
}
