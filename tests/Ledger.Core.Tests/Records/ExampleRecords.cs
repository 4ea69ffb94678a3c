using System.Text.Json.Nodes;
using Ledger.Core.Records;

namespace Ledger.Core.Tests.Records;

/// <summary>The worked examples of docs/proof-format.md, and valid payloads each test can copy and spoil.</summary>
internal static class ExampleRecords
{
    // The worked example in docs/proof-format.md; if either pin changes, the format has changed.
    public const string PinnedCanonicalText =
        """{"domain":"food-safety","id":"0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31","issuer":"scjgj-310104","occurredAt":"2024-05-01T00:30:00.000Z","payload":{"enterprise":{"creditCode":"91310104MA1FL2QW7B","name":"绿源生鲜超市"},"inspectionKind":"rapid-test","items":[{"name":"克伦特罗 (clenbuterol)","result":"pass","value":"negative"}],"lot":"20240430-A","product":"鲜猪肉","result":"pass"},"salt":"0x9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9","type":"inspection","v":"ledger-record/v1"}""";

    public const string PinnedHash = "0x5ddac0b37ed0e08c56b3769b136b276ee720989546861d9c326d8571ccae601e";

    public const string Salt = "0x9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9";

    // The same record written as a ledger-record/v2 envelope (type version 1): what §1 shows for the newer format.
    public const string PinnedV2CanonicalText =
        """{"domain":"food-safety","id":"0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31","issuer":"scjgj-310104","occurredAt":"2024-05-01T00:30:00.000Z","payload":{"enterprise":{"creditCode":"91310104MA1FL2QW7B","name":"绿源生鲜超市"},"inspectionKind":"rapid-test","items":[{"name":"克伦特罗 (clenbuterol)","result":"pass","value":"negative"}],"lot":"20240430-A","product":"鲜猪肉","result":"pass"},"salt":"0x9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9","type":"inspection","typeVersion":1,"v":"ledger-record/v2"}""";

    public const string PinnedV2Hash = "0x59fc2f3d753e928220b1e2a572dc9b2cd4c3d4a1a5ce9ac67c3c6cbb3e8223f4";

    /// <summary>The worked example: a ledger-record/v1 envelope, written before type versions (so of inspection version 1).</summary>
    public static RecordEnvelope Inspection(string salt = Salt) => new()
    {
        Version = RecordEnvelope.Version1,
        Domain = "food-safety",
        Type = "inspection",
        Id = "0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31",
        Issuer = "scjgj-310104",
        OccurredAt = "2024-05-01T00:30:00.000Z",
        Payload = WorkedExamplePayload(),
        Salt = salt,
    };

    /// <summary>The worked example as a ledger-record/v2 envelope: the same record, naming its type version.</summary>
    public static RecordEnvelope InspectionV2() => Inspection() with { Version = RecordEnvelope.Version2, TypeVersion = 1 };

    /// <summary>
    /// The worked example's payload. Its credit code predates inspection version 2: its check character is wrong
    /// (GB 32100 gives Y, not B), which version 1 did not check.
    /// </summary>
    public static JsonObject WorkedExamplePayload()
    {
        var payload = InspectionPayload();
        payload["enterprise"]!["creditCode"] = "91310104MA1FL2QW7B";
        return payload;
    }

    /// <summary>A payload valid under the current inspection version: the worked example with its credit code's check character right.</summary>
    public static JsonObject InspectionPayload() => new()
    {
        ["enterprise"] = new JsonObject { ["name"] = "绿源生鲜超市", ["creditCode"] = "91310104MA1FL2QW7Y" },
        ["product"] = "鲜猪肉",
        ["lot"] = "20240430-A",
        ["inspectionKind"] = "rapid-test",
        ["result"] = "pass",
        ["items"] = new JsonArray(new JsonObject
        {
            ["name"] = "克伦特罗 (clenbuterol)",
            ["value"] = "negative",
            ["result"] = "pass",
        }),
    };

    public static JsonObject CheckInPayload() => new()
    {
        ["subjectRef"] = "SQJZ-2024-0187",
        ["method"] = "app-face",
        ["outcome"] = "on-time",
        ["areaCode"] = "330106",
        ["officerRef"] = "XH-SFS-031",
    };

    public static JsonObject VolunteerPayload() => new()
    {
        ["volunteerRef"] = "TB-XH-00421",
        ["activity"] = "elderly meal delivery",
        ["hours"] = 2.5,
        ["serviceDate"] = "2024-04-28",
    };
}
