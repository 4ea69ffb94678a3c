using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.Internal.Access;
using Ledger.Core.Records.Types.Internal.Erasure;
using Ledger.Core.Records.Types.Internal.Revocation;

namespace Ledger.Core.Tests.Records;

public sealed class InternalRecordTypesTests
{
    private const string Hash = "0x5ddac0b37ed0e08c56b3769b136b276ee720989546861d9c326d8571ccae601e";

    private static JsonObject Erasure() => new()
    {
        ["subjectDigest"] = Hash,
        ["domain"] = "community-correction",
        ["legalBasis"] = "pipl-47-deletion-request",
        ["note"] = "request 2026-117",
        ["erasedCount"] = 3,
        ["requestedBy"] = "ldg_3f9a2c71",
    };

    private static JsonObject AccessEntry() => new()
    {
        ["keyId"] = "ldg_3f9a2c71",
        ["role"] = "correction-officer",
        ["organisation"] = "demo-judicial-bureau",
        ["recordId"] = "0b7e2a55-3c1f-4d4e-9a57-2f1c8e0d6b31",
        ["recordHash"] = Hash,
        ["purpose"] = "leave request review",
        ["previous"] = LedgerAccessEntry.Genesis,
    };

    private static readonly RecordTypeDefinition[] Internal = [LedgerErasure.Definition, LedgerAccessEntry.Definition, LedgerRevocation.Definition];

    [Fact]
    public void TheServicesOwnRecordTypesCannotBeSubmittedBecauseNoRoleSubmitsThem()
    {
        Assert.All(Internal, t => Assert.False(RecordTypeCatalog.Default.TryGetSubmittable(t.Domain, t.Type, out _)));
        Assert.All(Internal, t => Assert.True(RecordTypeCatalog.Default.TryGet(t.Domain, t.Type, out _)));
        Assert.All(Internal, t => Assert.Empty(t.SubmittedBy));
    }

    [Fact]
    public void ErasuresAndAccessEntriesAreInternalL2Records() =>
        Assert.All(Internal, t => Assert.Equal((RecordDomains.Ledger, DataLevel.Internal), (t.Domain, t.Level)));

    [Fact]
    public void TheLegalBasesAreTheErasureSchemasList() =>
        Assert.Equal(["pipl-47-deletion-request", "retention-expired", "court-order", "other"], LedgerErasure.LegalBases);

    [Fact]
    public void AnErasurePayloadWithADigestAndALegalBasisIsValid() => Assert.Empty(LedgerErasure.Definition.Validate(Erasure()));

    [Fact]
    public void AnErasureNamesItsSubjectOnlyByADigestNeverByItsReference()
    {
        var payload = Erasure();
        payload["subjectRef"] = "CC-2026-0042";

        var error = Assert.Single(LedgerErasure.Definition.Validate(payload));

        Assert.Equal("subjectRef", error.Field);
    }

    [Fact]
    public void AnErasureOnAnOtherBasisNeedsANote()
    {
        var payload = Erasure();
        payload["legalBasis"] = "other";
        payload.Remove("note");

        var error = Assert.Single(LedgerErasure.Definition.Validate(payload));

        Assert.Equal("note", error.Field);
    }

    [Theory]
    [InlineData("because")]
    [InlineData("0xABC")]
    public void AnErasureWithAnUnknownBasisOrAMalformedDigestIsRefused(string value)
    {
        var payload = Erasure();
        payload[value.StartsWith("0x", StringComparison.Ordinal) ? "subjectDigest" : "legalBasis"] = value;

        Assert.Single(LedgerErasure.Definition.Validate(payload));
    }

    [Fact]
    public void TheReasonCodesAreTheRevocationSchemasList() =>
        Assert.Equal(["issued-in-error", "withdrawn", "court-order", "duplicate", "other"], LedgerRevocation.ReasonCodes);

    [Fact]
    public void ARevocationOnAnOtherReasonNeedsANote()
    {
        var payload = new JsonObject { ["revokedRecord"] = Hash, ["reasonCode"] = "other", ["requestedBy"] = "ldg_1a2b3c4d" };

        var error = Assert.Single(LedgerRevocation.Definition.Validate(payload));

        Assert.Equal("note", error.Field);
    }

    [Fact]
    public void AnAccessEntryWithItsPredecessorIsValid() => Assert.Empty(LedgerAccessEntry.Definition.Validate(AccessEntry()));

    [Fact]
    public void AnAccessEntryWithoutAPredecessorIsRefused()
    {
        var payload = AccessEntry();
        payload.Remove("previous");

        Assert.Equal("previous", Assert.Single(LedgerAccessEntry.Definition.Validate(payload)).Field);
    }

    [Fact]
    public void AnAccessEntryMayOmitThePurposeOfAnL2Read()
    {
        var payload = AccessEntry();
        payload.Remove("purpose");

        Assert.Empty(LedgerAccessEntry.Definition.Validate(payload));
    }

    [Fact]
    public void TheFirstEntryNamesThirtyTwoZeroBytesAsItsPredecessor() =>
        Assert.Equal(new byte[32], Ledger.Core.Encoding.Hex.Decode(LedgerAccessEntry.Genesis));
}
