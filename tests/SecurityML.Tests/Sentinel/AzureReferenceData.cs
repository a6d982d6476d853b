using System.Text.Json;
using System.Text.Json.Nodes;
using SecurityML.Tests.TestSupport;

namespace SecurityML.Tests.Sentinel;

/// <summary>One recorded or derived service answer of <c>../shared/reference-data/azure</c>.</summary>
internal sealed record RecordedResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public FakeResponse ToFake() => new(Status, Body, Headers);
}

/// <summary>One case of <c>replay-cases.json</c>: the operation, the answers in order, what a user needs, and the
/// case's parameters (data set, days, filters).</summary>
internal sealed record ReplayCase(
    string Id,
    string Operation,
    IReadOnlyList<RecordedResponse> Responses,
    string Expect,
    JsonObject Raw
)
{
    public override string ToString() => Id;
}

/// <summary>Reads the real recorded Azure Monitor responses in <c>../shared/reference-data/azure</c> (never copied into
/// the repository).</summary>
internal static class AzureReferenceData
{
    public static string Folder { get; } =
        Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "reference-data", "azure"));

    private static readonly Lazy<IReadOnlyList<ReplayCase>> AllCases = new(Load);

    public static IReadOnlyList<ReplayCase> Cases => AllCases.Value;

    public static ReplayCase Case(string idPrefix) =>
        Cases.Single(replay => replay.Id.StartsWith(idPrefix + "-", StringComparison.Ordinal));

    /// <summary>A file of <c>recorded/</c> as a response.</summary>
    public static RecordedResponse Recorded(string name) =>
        ToResponse(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "recorded", name)))!.AsObject());

    /// <summary>The <c>error</c> object of a recorded partial response.</summary>
    public static JsonNode RecordedError(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "recorded", name)))!["body"]!["error"]!.DeepClone();

    private static List<ReplayCase> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "replay-cases.json")))!.AsArray();
        return root.Select(node => node!.AsObject())
            .Select(item => new ReplayCase(
                (string)item["id"]!,
                (string)item["op"]!,
                item["responses"]!.AsArray().Select(response => ToResponse(response!.AsObject())).ToList(),
                (string)item["expect"]!,
                item
            ))
            .ToList();
    }

    private static RecordedResponse ToResponse(JsonObject response)
    {
        var headers = response["headers"] is JsonObject map
            ? map.ToDictionary(pair => pair.Key, pair => (string)pair.Value!)
            : new Dictionary<string, string>();
        var body = response["body"] is { } node ? node.ToJsonString() : "";
        return new RecordedResponse((int)response["status"]!, headers, body);
    }
}
