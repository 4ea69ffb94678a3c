using System.Text.Json.Nodes;
using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Data.Records;

namespace Ledger.Api.Records;

/// <summary>
/// The last step before a record is written, for every record the service stores: its L2+ envelope sealed under the
/// subject's data key, and its hash signed by the issuing organisation. Runs on the request thread, so the group-commit
/// writer only writes — or, for a record whose envelope is completed in the commit, opens the keys here for it.
/// </summary>
internal sealed class RecordProtector(EnvelopeVault vault, IssuerSigning signing, IssuerKeys issuerKeys)
{
    /// <summary>The row to write; the plain envelope in <paramref name="plain"/> must not be stored for L2+.</summary>
    public async Task<StoredRecord> ProtectAsync(StoredRecord plain, CancellationToken ct) =>
        await signing.SignAsync(await vault.SealAsync(plain, ct), ct);

    /// <summary>
    /// Opens (creating on first use) the data key and issuer key a record of <paramref name="definition"/> about
    /// <paramref name="payload"/>'s subject will be sealed with inside the commit. The caller disposes it.
    /// </summary>
    public async Task<RecordSeal> OpenSealAsync(RecordTypeDefinition definition, string issuer, JsonObject payload, CancellationToken ct)
    {
        var issuerKey = await issuerKeys.ForAsync(issuer, ct);
        var dataKey = definition.Level == DataLevel.Public
            ? null
            : await vault.SealingKeyAsync(issuer, definition.Domain, definition.Type, payload, ct);
        return new RecordSeal(vault, dataKey, issuerKey);
    }
}
