using System.Globalization;

namespace Ledger.Core.Records.Types.CommunityCorrection.Evidence;

/// <summary>Where each part of an evidence package lies in its ZIP.</summary>
public static class EvidenceLayout
{
    public const string Manifest = "manifest.json";
    /// <summary>The anchored access-trail event that made the package, committing to the manifest's SHA-256.</summary>
    public const string PackageEvent = "package-event.json";
    public const string ChainCheck = "chain.json";
    public const string Alerts = "alerts.json";
    public const string GuideChinese = "guide.zh.txt";
    public const string GuideEnglish = "guide.en.txt";
    /// <summary>In a record's directory: the canonical envelope, exactly the bytes that were hashed (salt and payload included).</summary>
    public const string Envelope = "envelope.json";
    /// <summary>In a record's directory: its ledger-proof/v1 bundle (Merkle path, anchor, issuer signature).</summary>
    public const string Proof = "proof.json";

    /// <summary>The directory of the record numbered <paramref name="seq"/>.</summary>
    public static string RecordDirectory(long seq) => string.Create(CultureInfo.InvariantCulture, $"records/{seq:D6}");

    /// <summary>The directory of the <paramref name="index"/>-th revocation (from 1).</summary>
    public static string RevocationDirectory(int index) => string.Create(CultureInfo.InvariantCulture, $"revocations/{index:D4}");

    /// <summary>The file describing an anchoring transaction: its signed bytes and its receipt.</summary>
    public static string Anchoring(string txHash) => $"anchoring/{txHash}.json";
}

/// <summary>An anchoring transaction as the package keeps it: its signed bytes (their keccak-256 is its hash) and its receipt.</summary>
/// <param name="TxHash">The transaction hash.</param>
/// <param name="RawTransaction">The signed transaction, 0x hex, when the service still holds it.</param>
/// <param name="Receipt">Its receipt as the chain gave it when the package was made; null when the chain was away.</param>
public sealed record EvidenceAnchoring(string TxHash, string? RawTransaction, EvidenceReceipt? Receipt);

/// <summary>A transaction receipt: where it was mined, whether it succeeded, and its logs.</summary>
public sealed record EvidenceReceipt(ulong BlockNumber, string BlockHash, bool Succeeded, IReadOnlyList<EvidenceLog> Logs);

/// <summary>One log of a receipt.</summary>
public sealed record EvidenceLog(string Address, IReadOnlyList<string> Topics, string Data);
