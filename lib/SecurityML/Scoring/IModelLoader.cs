using SecurityML.Detection;

namespace SecurityML.Scoring;

/// <summary>Loads models of one kind for <see cref="ModelRegistry"/>. Implement it (public, parameterless constructor)
/// in your own assembly and pass the assembly to <c>secml score --plugin</c> to score your own detector's
/// models.</summary>
public interface IModelLoader
{
    /// <summary>The <see cref="ModelCard.Kind"/> this loader reads.</summary>
    string Kind { get; }

    /// <summary>Reads a model file and wraps the model for event scoring.</summary>
    /// <param name="stream">The model file's content.</param>
    /// <param name="sourceName">Names the file in error messages.</param>
    /// <param name="options">How events become units (e.g. the window).</param>
    /// <exception cref="ArgumentException">An option does not fit the model (the message names the option).</exception>
    IEventScorer Load(Stream stream, string sourceName, EventScoringOptions options);
}
