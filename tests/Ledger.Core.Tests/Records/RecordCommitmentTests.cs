using Ledger.Core.Canonical;
using Ledger.Core.Hashing;
using Ledger.Core.Records;

namespace Ledger.Core.Tests.Records;

public sealed class RecordCommitmentTests
{
    [Fact]
    public void TheExampleEnvelopeHasThePinnedCanonicalText() =>
        Assert.Equal(ExampleRecords.PinnedCanonicalText, System.Text.Encoding.UTF8.GetString(RecordCommitment.CanonicalBytes(ExampleRecords.Inspection())));

    [Fact]
    public void TheExampleEnvelopeHasThePinnedHash() =>
        Assert.Equal(ExampleRecords.PinnedHash, RecordCommitment.ComputeHash(ExampleRecords.Inspection()));

    [Fact]
    public void CommitGivesThePinnedTextAndHashFromOneCanonicalisation()
    {
        var (canonical, hash) = RecordCommitment.Commit(ExampleRecords.Inspection());

        Assert.Equal(ExampleRecords.PinnedCanonicalText, canonical);
        Assert.Equal(ExampleRecords.PinnedHash, hash);
    }

    [Fact]
    public void AnotherSaltGivesAnotherHash()
    {
        var other = ExampleRecords.Inspection("0x" + new string('0', 63) + "1");

        Assert.NotEqual(RecordCommitment.ComputeHash(ExampleRecords.Inspection()), RecordCommitment.ComputeHash(other));
    }

    [Fact]
    public void PropertyOrderAndWhitespaceInTheReceivedJsonDoNotChangeTheHash()
    {
        var compact = ExampleRecords.Inspection().ToJson().ToJsonString();
        const string Shuffled = """
            {
              "salt" : "0x9f3c2a7e51d84b06c8e2f1a4d7b0936e25c8f4a1b7d3e9c0a6f2b58d14e7c3a9",
              "payload" : {
                "result": "pass", "lot": "20240430-A", "product": "\u9c9c\u732a\u8089",
                "items": [ { "result": "pass", "value": "negative", "name": "克伦特罗 (clenbuterol)" } ],
                "inspectionKind": "rapid-test",
                "enterprise": { "creditCode": "91310104MA1FL2QW7B", "name": "绿源生鲜超市" }
              },
              "occurredAt": "2024-05-01T00:30:00.000Z", "issuer": "scjgj-310104",
              "id": "0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31", "type": "inspection", "domain": "food-safety",
              "v": "ledger-record/v1"
            }
            """;

        var fromCompact = RecordEnvelope.FromJson(System.Text.Json.Nodes.JsonNode.Parse(compact));
        var fromShuffled = RecordEnvelope.FromJson(System.Text.Json.Nodes.JsonNode.Parse(Shuffled));

        Assert.Equal(RecordCommitment.ComputeHash(fromCompact), RecordCommitment.ComputeHash(fromShuffled));
    }

    [Fact]
    public void TheHashIsKeccak256OfTheCanonicalBytes()
    {
        var envelope = ExampleRecords.Inspection();

        Assert.Equal(Keccak256.Hash(RecordCommitment.CanonicalBytes(envelope)), RecordCommitment.Hash(envelope));
    }

    [Fact]
    public void AMalformedEnvelopeIsNotHashed()
    {
        var envelope = ExampleRecords.Inspection() with { Salt = ExampleRecords.Salt.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) };

        var error = Assert.Throws<RecordFormatException>(() => RecordCommitment.ComputeHash(envelope));

        Assert.Equal("salt", error.Field);
    }

    [Fact]
    public void APayloadNumberNoDoubleHoldsIsNotHashed()
    {
        var envelope = ExampleRecords.Inspection() with { Payload = new System.Text.Json.Nodes.JsonObject { ["n"] = 9007199254740993L } };

        Assert.Throws<CanonicalJsonException>(() => RecordCommitment.ComputeHash(envelope));
    }

    [Fact]
    public void CryptoSaltsAreThirtyTwoFreshBytes()
    {
        var salts = new CryptoSaltSource();

        var first = salts.NewSalt();
        var second = salts.NewSalt();

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }
}
