using SecurityML.Detection;
using SecurityML.Detection.Sequences;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>The shared detector contract for each kind of Markov session model.</summary>
public abstract class MarkovSessionContractTests(SessionModelKind kind)
    : DetectorContractTests<CommandSession, MarkovSessionModel>
{
    protected override IAnomalyDetector<CommandSession, MarkovSessionModel> CreateDetector() =>
        new MarkovSessionDetector(
            new MarkovSessionOptions { Kind = kind, ShortSessions = ShortSessionScoring.WholeSession }
        );

    protected override IReadOnlyList<CommandSession> TrainingData() =>
        ReferenceData.Sessions(ReferenceData.Load("toy-sessions.json")["training"]!);

    protected override IReadOnlyList<CommandSession> ScoringData() =>
        ReferenceData.Sessions(ReferenceData.Load("toy-sessions.json")["scoring"]!);

    protected override MarkovSessionModel Load(Stream stream, string sourceName) =>
        MarkovSessionModel.Load(stream, sourceName);
}

public sealed class MarkovSessionCommandsContractTests() : MarkovSessionContractTests(SessionModelKind.Commands);

public sealed class MarkovSessionParametersContractTests()
    : MarkovSessionContractTests(SessionModelKind.CommandsAndParameters);

public sealed class MarkovSessionValuesContractTests()
    : MarkovSessionContractTests(SessionModelKind.CommandsParametersAndValues);
