using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Chain;
using Ledger.Core.Protection;
using Ledger.Data.Records;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// The keys a record is sealed and signed with, opened before it is queued: the first use of a data key or an issuer
/// key writes it on a connection of its own, which inside the commit would wait on the commit's own write lock.
/// Sealing with them touches no database, so it can run inside the commit.
/// </summary>
internal sealed class RecordSeal(EnvelopeVault vault, DataKey? dataKey, EthereumKey issuerKey) : IDisposable
{
    /// <summary>The row to write: the envelope sealed (L2+) and the record hash signed by the issuer.</summary>
    public StoredRecord Apply(StoredRecord plain) =>
        IssuerSigning.Sign(dataKey is null ? plain : vault.Seal(plain, dataKey), issuerKey);

    public void Dispose() => dataKey?.Dispose();
}
