using System.Text.Json.Nodes;
using SecurityML.Data;
using SecurityML.Detection.Sequences;
using SecurityML.Features.Sessions;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Detection.Sequences;

/// <summary>
/// Agreement with msticpy on the bundled sample-data/ExchangeAdmin.csv (Reference/exchange-admin-sessions.json):
/// msticpy's <c>sessionize_data</c> by UserId and ClientIP (20 min, 2 min) and its <c>Model</c> in the three kinds.
/// </summary>
public sealed class ExchangeReferenceTests
{
    private static readonly JsonNode Reference = ReferenceData.Load("exchange-admin-sessions.json");
    private static readonly IReadOnlyList<Session<OfficeActivityEvent>> Sessions = OfficeActivitySessions.Sessionize(
        QueryProvider.Local(RepositoryPaths.SampleData).ExchangeAdmin()
    );
    private static readonly IReadOnlyList<CommandSession> Commands = OfficeActivitySessions.ToCommandSessions(Sessions);

    [Fact]
    public void Sessions_agree_with_msticpy_sessionize_data()
    {
        var expected = Reference["sessions"]!
            .AsArray()
            .Select(row =>
                (
                    (string)row!["user"]!,
                    (string)row["ip"]!,
                    DateTimeOffset.Parse((string)row["start"]!),
                    (int)row["events"]!
                )
            )
            .ToList();

        Sessions.Select(s => (s.Entity[0]!, s.Entity[1]!, s.Start, s.Count)).Should().Equal(expected);
    }

    [Theory]
    [InlineData(SessionModelKind.Commands)]
    [InlineData(SessionModelKind.CommandsAndParameters)]
    [InlineData(SessionModelKind.CommandsParametersAndValues)]
    public void Likelihoods_agree_with_msticpy_model(SessionModelKind kind)
    {
        var mode = Reference["modes"]![kind.ToString()]!;
        MarkovSessionModel Fit(int window, bool tokens, bool geometric) =>
            new MarkovSessionDetector(
                new MarkovSessionOptions
                {
                    Kind = kind,
                    WindowLength = window,
                    UseStartEndTokens = tokens,
                    UseGeometricMean = geometric,
                }
            ).Fit(Commands);
        var standard = Fit(3, true, false);

        ReferenceData.ShouldAgree(
            standard.RarestWindowLikelihoods(Commands),
            ReferenceData.Numbers(mode["w3_tokens"]!),
            "w3_tokens"
        );
        ReferenceData.ShouldAgree(
            Fit(3, true, true).RarestWindowLikelihoods(Commands),
            ReferenceData.Numbers(mode["w3_tokens_geo"]!),
            "w3_tokens_geo"
        );
        ReferenceData.ShouldAgree(
            Fit(2, false, false).RarestWindowLikelihoods(Commands),
            ReferenceData.Numbers(mode["w2_notokens"]!),
            "w2_notokens"
        );
        ReferenceData.ShouldAgree(
            Commands.Select(standard.SessionLikelihood).ToArray(),
            ReferenceData.Numbers(mode["session_tokens"]!),
            "session_tokens"
        );
        ReferenceData.ShouldAgree(
            Commands.Select(standard.GeometricMeanLikelihood).ToArray(),
            ReferenceData.Numbers(mode["geomean_tokens"]!),
            "geomean_tokens"
        );
        if (kind == SessionModelKind.CommandsParametersAndValues)
        {
            standard
                .ModellableParameters.Should()
                .BeEquivalentTo(mode["modellable"]!.AsArray().Select(name => (string)name!));
        }
    }
}
