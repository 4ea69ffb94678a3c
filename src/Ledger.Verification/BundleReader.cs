using System.Text.Json;
using Ledger.Chain.Attestation;
using Ledger.Core.Proofs;
using Ledger.Core.Records;

namespace Ledger.Verification;

/// <summary>
/// Reads a ledger-proof/v1 bundle strictly, before anything in it is believed: every member must be known, present
/// when required, of the right JSON type and in its documented form. The first problem found is named with the
/// member's path and (a shortened copy of) its bad value. Hashes come back lower-case and addresses in EIP-55 form.
/// </summary>
internal static class BundleReader
{
    /// <summary>The largest bundle read. A real one is about 1 kB; a proof of 64 hashes stays under 6 kB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The longest Merkle proof accepted: 64 levels would hold 2^64 records.</summary>
    public const int MaxProofLength = 64;

    private static readonly string[] Statuses =
        [RecordStatus.Pending, RecordStatus.Anchored, RecordStatus.Confirmed, RecordStatus.Superseded, RecordStatus.Revoked, RecordStatus.Erased];

    /// <summary>The bundle in <paramref name="utf8"/>, or the reason it is not a well-formed one.</summary>
    public static BundleReading Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return BundleReading.Malformed($"the proof file is larger than {MaxBytes / 1024} KiB, far more than any {ProofBundle.CurrentFormat} bundle.");
        }
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return BundleReading.Malformed($"the proof file is not valid JSON: {ValueText.Plain(e.Message)}");
        }
        using (document)
        {
            try
            {
                return BundleReading.Read(ReadBundle(document.RootElement));
            }
            catch (MalformedBundleException e)
            {
                return BundleReading.Malformed(e.Message);
            }
        }
    }

    private static ProofBundle ReadBundle(JsonElement root)
    {
        var bundle = BundleObject.From(root, "", "format", "recordHash", "status", "merkle", "anchor", "issuer");
        var format = bundle.String("format", 64);
        if (format != ProofBundle.CurrentFormat)
        {
            throw new MalformedBundleException($"format is {ValueText.Quote(format)}; this verifier reads only \"{ProofBundle.CurrentFormat}\".");
        }
        var status = bundle.String("status", 64);
        if (!Statuses.Contains(status, StringComparer.Ordinal))
        {
            throw new MalformedBundleException($"status {ValueText.Quote(status)} is not one of {string.Join(", ", Statuses)}.");
        }
        return new ProofBundle
        {
            Format = ProofBundle.CurrentFormat,
            RecordHash = bundle.Hash("recordHash"),
            Status = status,
            Merkle = bundle.Optional("merkle") is { } merkle ? ReadMerkle(merkle) : null,
            Anchor = bundle.Optional("anchor") is { } anchor ? ReadAnchor(anchor) : null,
            Issuer = bundle.Optional("issuer") is { } issuer ? ReadIssuer(issuer) : null,
        };
    }

    private static MerkleSection ReadMerkle(JsonElement element)
    {
        var merkle = BundleObject.From(element, "merkle", "root", "proof");
        var root = merkle.Hash("root");
        var proof = merkle.Required("proof");
        if (proof.ValueKind != JsonValueKind.Array || proof.GetArrayLength() > MaxProofLength)
        {
            throw new MalformedBundleException($"merkle.proof must be an array of at most {MaxProofLength} hashes, not {ValueText.Show(proof)}.");
        }
        return new MerkleSection(root, [.. proof.EnumerateArray().Select((item, i) => BundleObject.HashOf(item, $"merkle.proof[{i}]"))]);
    }

    private static AnchorSection ReadAnchor(JsonElement element)
    {
        var anchor = BundleObject.From(element, "anchor", "chainId", "contract", "txHash", "blockNumber", "blockHash", "batchId", "timestamp");
        return new AnchorSection(
            anchor.Integer("chainId", 1, ulong.MaxValue),
            anchor.Address("contract"),
            anchor.Hash("txHash"),
            anchor.Integer("blockNumber", 0, ulong.MaxValue),
            anchor.Hash("blockHash"),
            anchor.DecimalUInt256("batchId"),
            (long)anchor.Integer("timestamp", 1, long.MaxValue));
    }

    private static IssuerSection ReadIssuer(JsonElement element)
    {
        var issuer = BundleObject.From(element, "issuer", "organisation", "address", "signature");
        var organisation = issuer.String("organisation", EnvelopeRules.MaxIssuerLength);
        if (organisation.Trim() != organisation || organisation.Any(char.IsControl))
        {
            throw new MalformedBundleException(
                $"issuer.organisation {ValueText.Quote(organisation)} must have no control characters and no surrounding spaces.");
        }
        return new IssuerSection(organisation, issuer.Address("address"), issuer.HexBytes("signature", IssuerSignature.Size));
    }
}

/// <summary>A bundle read from a file, or the one reason it could not be.</summary>
internal sealed record BundleReading(ProofBundle? Bundle, string? Problem)
{
    public static BundleReading Read(ProofBundle bundle) => new(bundle, null);

    public static BundleReading Malformed(string problem) => new(null, problem);
}
