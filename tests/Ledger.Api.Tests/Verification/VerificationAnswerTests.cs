using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Verification;
using Ledger.Core.Canonical;
using Ledger.Core.Proofs;

namespace Ledger.Api.Tests.Verification;

/// <summary>
/// The verify answer is written by hand (<see cref="VerificationAnswer"/>) for speed; here it is held to the contract
/// type <see cref="VerificationResult"/> serialised as the API's JSON options would, for every shape the answer takes.
/// </summary>
public sealed class VerificationAnswerTests
{
    // The API's settings (HostingExtensions): web defaults, nulls written.
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    private static readonly AnchorSection Anchor = new(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        "0x" + new string('a', 64), 42, "0x" + new string('b', 64), "7", 1_790_000_000);

    private static readonly IssuerSection Signature = new("org-market-supervision",
        "0x70997970C51812dc3A010C7d01b10d4ac0ec4a53", "0x" + new string('c', 130));

    // In canonical form (RFC 8785: keys sorted, the shortest numbers), as it is stored.
    private const string Payload = """{"lot":"L-2026-11-30-01","market":"东门市场","nested":{"none":null,"ok":true,"quote":"a\"b\\c\u0001"},"result":"合格","samples":[1,2.5,-3e-7]}""";

    public static TheoryData<string> Shapes() => ["published", "published-v1-envelope", "published-erased", "published-revoked", "published-superseded",
        "published-unnamed-pending", "sealed", "sealed-revoked-erased", "unsigned-pending"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheAnswerIsTheContractTypeSerialised(string shape)
    {
        var (record, expected) = Case(shape);

        var written = Write(record);

        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, ApiJson), JsonNode.Parse(written)),
            $"written:  {written}\nexpected: {JsonSerializer.Serialize(expected, ApiJson)}");
    }

    [Fact]
    public void ThePayloadKeepsItsStoredBytesAndTheTypeVersionIsRead()
    {
        var (record, _) = Case("published");

        var written = Write(record);

        Assert.Contains("\"payload\":" + Payload, written, StringComparison.Ordinal);
        Assert.Equal(3, JsonNode.Parse(written)!["content"]!["typeVersion"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"version":"ledger-record/v2","typeVersion":2}""")]
    [InlineData("""{"version":"ledger-record/v2","payload":{"a":1""")]
    [InlineData("""{"payload":{"a":tru}}""")]
    public void AMalformedStoredEnvelopeIsRefusedNotCopied(string envelope)
    {
        Assert.ThrowsAny<JsonException>(() => VerificationAnswer.PublishedParts(Encoding.UTF8.GetBytes(envelope)));
    }

    private static string Write(VerifiedRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            VerificationAnswer.Write(json, record);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (VerifiedRecord Record, VerificationResult Expected) Case(string shape)
    {
        var published = shape.StartsWith("published", StringComparison.Ordinal);
        var erased = shape.Contains("erased", StringComparison.Ordinal);
        var revoked = shape.Contains("revoked", StringComparison.Ordinal);
        var superseded = shape.Contains("superseded", StringComparison.Ordinal);
        var pending = shape.Contains("pending", StringComparison.Ordinal);
        var v1 = shape.Contains("v1-envelope", StringComparison.Ordinal);
        var payload = JsonNode.Parse(Payload)!.AsObject();
        var envelope = new JsonObject
        {
            ["version"] = v1 ? "ledger-record/v1" : "ledger-record/v2",
            ["domain"] = "food-safety",
            ["type"] = "inspection",
            ["id"] = "rec-1",
            ["issuer"] = Signature.Organisation,
            ["occurredAt"] = "2026-11-30T08:15:00+08:00",
            ["payload"] = payload.DeepClone(),
            ["salt"] = "0x" + new string('d', 64),
        };
        if (!v1)
        {
            envelope["typeVersion"] = 3;
        }
        var stored = erased ? [] : JsonCanonicalizer.Canonicalize(envelope);
        var revocation = revoked ? new RevocationNotice(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_500_123), "0x" + new string('e', 64), "issued-in-error") : null;
        var supersession = superseded ? new SupersessionNotice(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_600_456), "0x" + new string('f', 64)) : null;
        const long receivedAtMs = 1_790_000_000_789;
        const long erasedAtMs = 1_790_000_700_001;
        var record = new VerifiedRecord(
            RecordHash: "0x" + new string('1', 64),
            Level: published ? 1 : 3,
            Issuer: Signature.Organisation,
            IssuerName: shape.Contains("unnamed", StringComparison.Ordinal) ? null : "东门区市场监督管理局",
            Domain: "food-safety",
            Type: "inspection",
            OccurredAt: "2026-11-30T08:15:00+08:00",
            ReceivedAtMs: receivedAtMs,
            EnvelopeUtf8: published ? stored : [],
            Status: pending ? "pending" : "confirmed",
            Signature: shape.Contains("unsigned", StringComparison.Ordinal) ? null : Signature,
            ErasedAtMs: erased ? erasedAtMs : null,
            ErasureRecordHash: erased ? "0x" + new string('9', 64) : null,
            Anchor: pending ? null : Anchor,
            Revocation: revocation,
            Supersession: supersession);

        // What VerifyApi answered before the answer was written by hand.
        var common = new VerificationResult(record.RecordHash, record.PublicStatus, null, record.Issuer, null, record.Anchor, null,
            record.Signature, null, null, null, new VerificationLinks($"/api/v1/proofs/{record.RecordHash}"));
        var expected = !published ? common : common with
        {
            Level = 1,
            IssuerName = record.IssuerName,
            Content = erased ? null : new PublishedContent(record.Domain, record.Type, v1 ? 1 : 3, record.OccurredAt,
                DateTimeOffset.FromUnixTimeMilliseconds(receivedAtMs), payload),
            Erasure = erased ? new ErasureNotice(DateTimeOffset.FromUnixTimeMilliseconds(erasedAtMs), record.ErasureRecordHash) : null,
            Revocation = revocation,
            Supersession = supersession,
        };
        return (record, expected);
    }
}
