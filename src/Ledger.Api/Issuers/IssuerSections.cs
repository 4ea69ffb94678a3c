using Ledger.Core.Proofs;
using Ledger.Data.Records;

namespace Ledger.Api.Issuers;

/// <summary>The issuer section shown with a record, its verification and its proof bundle.</summary>
internal static class IssuerSections
{
    /// <summary>The issuing organisation, its signing address and its signature; null for records stored before signing.</summary>
    public static IssuerSection? Of(StoredRecord record) =>
        record is { IssuerAddress: { } address, IssuerSignature: { } signature } ? new IssuerSection(record.Issuer, address, signature) : null;
}
