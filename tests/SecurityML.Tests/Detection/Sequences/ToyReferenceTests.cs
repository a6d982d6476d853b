using System.Text.Json.Nodes;
using SecurityML.Detection.Sequences;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>
/// Agreement with msticpy on Reference/toy-sessions.json: 30 seeded training sessions over four commands with
/// parameters (Identity with 40 values, Force True/False, AuditEnabled with empty values, MoveToFolder), and ten
/// scoring sessions including unseen commands, parameters and values, a six-command session and an empty one.
/// </summary>
public sealed class ToyReferenceTests
{
    private static readonly JsonNode Reference = ReferenceData.Load("toy-sessions.json");
    private static readonly List<CommandSession> Training = ReferenceData.Sessions(Reference["training"]!);
    private static readonly List<CommandSession> Scoring = ReferenceData.Sessions(Reference["scoring"]!);

    public static TheoryData<SessionModelKind> Kinds =>
        new()
        {
            SessionModelKind.Commands,
            SessionModelKind.CommandsAndParameters,
            SessionModelKind.CommandsParametersAndValues,
        };

    private static MarkovSessionModel Fit(
        SessionModelKind kind,
        int window = 3,
        bool tokens = true,
        bool geometric = false
    ) =>
        new MarkovSessionDetector(
            new MarkovSessionOptions
            {
                Kind = kind,
                WindowLength = window,
                UseStartEndTokens = tokens,
                UseGeometricMean = geometric,
            }
        ).Fit(Training);

    private static JsonNode Mode(SessionModelKind kind) => Reference["modes"]![kind.ToString()]!;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Smoothed_counts_agree_exactly(SessionModelKind kind)
    {
        var model = Fit(kind);
        var mode = Mode(kind);

        model.CommandCounts.Should().BeEquivalentTo(ReferenceData.Counts(mode["commandCounts"]!));
        model.TransitionCounts.Should().BeEquivalentTo(ReferenceData.NestedCounts(mode["transitionCounts"]!));
        if (kind != SessionModelKind.Commands)
        {
            model.ParameterCounts.Should().BeEquivalentTo(ReferenceData.NestedCounts(mode["parameterCounts"]!));
        }
        if (kind == SessionModelKind.CommandsParametersAndValues)
        {
            model.ValueCounts.Should().BeEquivalentTo(ReferenceData.NestedCounts(mode["valueCounts"]!));
            model
                .ModellableParameters.Should()
                .BeEquivalentTo(mode["modellable"]!.AsArray().Select(name => (string)name!));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Session_likelihoods_agree(SessionModelKind kind)
    {
        var scores = Mode(kind)["scores"]!;
        var withTokens = Fit(kind);
        var withoutTokens = Fit(kind, tokens: false);

        ReferenceData.ShouldAgree(
            Scoring.Select(withTokens.SessionLikelihood).ToArray(),
            ReferenceData.Numbers(scores["session_tokens"]!),
            "session_tokens"
        );
        ReferenceData.ShouldAgree(
            Scoring.Select(withoutTokens.SessionLikelihood).ToArray(),
            ReferenceData.Numbers(scores["session_notokens"]!),
            "session_notokens"
        );
        ReferenceData.ShouldAgree(
            Scoring.Select(withTokens.GeometricMeanLikelihood).ToArray(),
            ReferenceData.Numbers(scores["geomean_tokens"]!),
            "geomean_tokens"
        );
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rarest_window_likelihoods_agree_for_every_window_and_option(SessionModelKind kind)
    {
        var scores = Mode(kind)["scores"]!;
        (string Name, MarkovSessionModel Model)[] cases =
        [
            ("w1_tokens", Fit(kind, 1)),
            ("w2_tokens", Fit(kind, 2)),
            ("w3_tokens", Fit(kind, 3)),
            ("w3_tokens_geo", Fit(kind, 3, geometric: true)),
            ("w2_notokens", Fit(kind, 2, tokens: false)),
            ("w3_notokens_geo", Fit(kind, 3, tokens: false, geometric: true)),
        ];

        foreach (var (name, model) in cases)
        {
            ReferenceData.ShouldAgree(
                model.RarestWindowLikelihoods(Scoring),
                ReferenceData.Numbers(scores[name]!),
                $"{kind} {name}"
            );
        }
    }
}
