using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Data.Records;

namespace Ledger.Api.Records;

/// <summary>
/// The last step before a record is written, for every record the service stores (submissions, erasures, access-trail
/// entries): its L2+ envelope sealed under the subject's data key, and its hash signed by the issuing organisation.
/// Runs on the request thread, so the group-commit writer only writes.
/// </summary>
internal sealed class RecordProtector(EnvelopeVault vault, IssuerSigning signing)
{
    /// <summary>The row to write; the plain envelope in <paramref name="plain"/> must not be stored for L2+.</summary>
    public async Task<StoredRecord> ProtectAsync(StoredRecord plain, CancellationToken ct) =>
        await signing.SignAsync(await vault.SealAsync(plain, ct), ct);
}
