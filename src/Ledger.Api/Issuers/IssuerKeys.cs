using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ledger.Api.Protection;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Protection;
using Ledger.Data;
using Ledger.Data.Issuers;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Issuers;

/// <summary>
/// Each organisation's secp256k1 signing key, generated on the organisation's first record and kept sealed in
/// <c>issuer_keys</c> (its data key wrapped by the master key). Its registration on chain rides with the next anchored
/// batch (see <see cref="IssuerKeyRegistrations"/>). A key is rotated with the service stopped (<c>ledger orgs
/// rotate-key</c>), so the current key is cached once opened.
/// </summary>
internal sealed class IssuerKeys(IServiceScopeFactory scopes, ProtectionKeys protection, ISecureRandom random, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EthereumKey> _opened = new(StringComparer.Ordinal);

    /// <summary>The organisation's key, created on first use; race-free like data keys (the first insert wins).</summary>
    public async Task<EthereumKey> ForAsync(string organisation, CancellationToken ct)
    {
        if (_opened.TryGetValue(organisation, out var cached))
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var stored = await FindAsync(db, organisation, ct);
        if (stored is null)
        {
            await CreateAsync(db, organisation, ct);
            stored = await FindAsync(db, organisation, ct) ?? throw new InvalidOperationException("An issuer key just stored is missing.");
        }
        return _opened.GetOrAdd(organisation, Open(stored));
    }

    private EthereumKey Open(IssuerKey stored)
    {
        using var dataKey = KeyWrapper.Unwrap(stored.WrappedKey, protection.Master);
        var secret = PayloadCipher.Decrypt(stored.SealedPrivateKey, dataKey, AssociatedData(stored.OrganisationId));
        try
        {
            var key = EthereumKey.FromPrivateKey(secret);
            if (!string.Equals(key.Address, stored.Address, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The issuer key of '{stored.OrganisationId}' does not match its stored address {stored.Address}.");
            }
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private async Task CreateAsync(LedgerDbContext db, string organisation, CancellationToken ct)
    {
        var key = EthereumKey.Generate();
        var secret = Hex.Decode(key.ExportPrivateKey());
        try
        {
            using var dataKey = DataKey.Generate("ik_" + Guid.NewGuid().ToString("N"), random);
            var wrapped = new KeyWrapper(random).Wrap(dataKey, protection.Master);
            var sealedKey = new PayloadCipher(random).Encrypt(secret, dataKey, AssociatedData(organisation));
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO issuer_keys (address, organisation_id, wrapped_key, sealed_private_key, created_at_ms) VALUES ({key.Address}, {organisation}, {wrapped}, {sealedKey}, {now}) ON CONFLICT (organisation_id) WHERE retired_at_ms IS NULL DO NOTHING",
                ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static Task<IssuerKey?> FindAsync(LedgerDbContext db, string organisation, CancellationToken ct) =>
        db.IssuerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.OrganisationId == organisation && k.RetiredAtMs == null, ct);

    // Binds the sealed private key to its organisation: swapped between rows, it fails to open.
    private static byte[] AssociatedData(string organisation) => Encoding.UTF8.GetBytes("issuer:" + organisation);
}
