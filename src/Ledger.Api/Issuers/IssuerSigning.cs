using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Encoding;
using Ledger.Data.Records;

namespace Ledger.Api.Issuers;

/// <summary>
/// Signs each record hash with its issuing organisation's key (EIP-191 personal_sign) at ingest: capture-time evidence
/// of which agency issued the record, checkable by anyone with standard Ethereum tools.
/// </summary>
internal sealed class IssuerSigning(IssuerKeys keys)
{
    /// <summary>A copy of <paramref name="record"/> carrying its issuer's address and signature.</summary>
    public async Task<StoredRecord> SignAsync(StoredRecord record, CancellationToken ct) =>
        Sign(record, await keys.ForAsync(record.Issuer, ct));

    /// <summary>A copy of <paramref name="record"/> signed with <paramref name="key"/>, already opened; touches no database.</summary>
    public static StoredRecord Sign(StoredRecord record, EthereumKey key) =>
        record.WithIssuerSignature(key.Address, IssuerSignature.Sign(key, Hex.DecodeFixed(record.RecordHash, 32)));
}
