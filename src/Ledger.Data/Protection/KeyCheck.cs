using Ledger.Core.Protection;
using Ledger.Data.Locking;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Protection;

/// <summary>
/// The database's proof of which master key it belongs to, and the secret that indexes subjects. A canary data key
/// (<see cref="CheckKeyId"/>) is stored wrapped under the master key: a wrong master key fails to open it, so the
/// service refuses to start instead of writing data no one can read. The subject-index secret is sealed under that
/// canary key, so it rotates with the master key and is never in the file in clear.
/// </summary>
public static class KeyCheck
{
    /// <summary>Setting that holds the wrapped canary key (base64).</summary>
    public const string CheckSetting = "protection:key-check";

    /// <summary>Setting that holds the subject-index secret sealed under the canary key (base64).</summary>
    public const string SubjectIndexSetting = "protection:subject-index";

    /// <summary>The canary's key id.</summary>
    public const string CheckKeyId = "ledger-key-check";

    private const int SecretSize = 32;
    private static ReadOnlySpan<byte> SubjectIndexContext => "ledger/subject-index/v1"u8;

    /// <summary>
    /// Opens the key check with <paramref name="master"/> (creating it on first use) and returns the subject-index
    /// secret. The caller should zero the secret when done with it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The master key is not this database's; the message names both key ids.</exception>
    public static async Task<byte[]> UnlockAsync(LedgerDbContext db, MasterKey master, ISecureRandom random, CancellationToken ct)
    {
        var (check, sealedSecret) = await ReadAsync(db, ct);
        if (check is null || sealedSecret is null)
        {
            await CreateAsync(db, master, random, ct);
            (check, sealedSecret) = await ReadAsync(db, ct);
        }
        using var canary = Open(check!, master);
        return PayloadCipher.Decrypt(sealedSecret!, canary, SubjectIndexContext);
    }

    /// <summary>Unwraps the canary with <paramref name="master"/>, turning a mismatch into a start-up message.</summary>
    public static DataKey Open(byte[] wrappedCheck, MasterKey master)
    {
        var wrappedUnder = KeyWrapper.Inspect(wrappedCheck).MasterKeyId;
        try
        {
            return KeyWrapper.Unwrap(wrappedCheck, master);
        }
        catch (KeyUnavailableException e)
        {
            throw new InvalidOperationException(
                $"The configured master key (id {master.Id}) is not the key of this database, whose data keys are wrapped under master key {wrappedUnder}. "
                + "Configure the master key this data was encrypted with (after `ledger keys rotate-master`, the new one).", e);
        }
    }

    /// <summary>The wrapped canary as stored, or null before first start.</summary>
    public static async Task<(byte[]? Check, byte[]? SealedSecret)> ReadAsync(LedgerDbContext db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking()
            .Where(s => s.Key == CheckSetting || s.Key == SubjectIndexSetting)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return (Decode(values.GetValueOrDefault(CheckSetting)), Decode(values.GetValueOrDefault(SubjectIndexSetting)));
    }

    private static async Task CreateAsync(LedgerDbContext db, MasterKey master, ISecureRandom random, CancellationToken ct)
    {
        using var canary = DataKey.Generate(CheckKeyId, random);
        var secret = new byte[SecretSize];
        random.Fill(secret);
        var check = Convert.ToBase64String(new KeyWrapper(random).Wrap(canary, master));
        var sealedSecret = Convert.ToBase64String(new PayloadCipher(random).Encrypt(secret, canary, SubjectIndexContext));
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        // Both or neither, and the first instance to start wins: a second one reads the first one's values.
        await using var tx = await db.Database.BeginWriteTransactionAsync(ct);
        var written = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO settings (key, value) VALUES ({CheckSetting}, {check}) ON CONFLICT (key) DO NOTHING", ct);
        if (written == 1)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO settings (key, value) VALUES ({SubjectIndexSetting}, {sealedSecret}) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ct);
        }
        await tx.CommitAsync(ct);
    }

    private static byte[]? Decode(string? value) => value is null ? null : Convert.FromBase64String(value);

    /// <summary>Stores a re-wrapped canary (rotation); the tracked setting is updated in the caller's transaction.</summary>
    internal static async Task<bool> RewrapAsync(LedgerDbContext db, MasterKeyRing ring, MasterKey current, ISecureRandom random, CancellationToken ct)
    {
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == CheckSetting, ct);
        if (setting is null)
        {
            return false;
        }
        var wrapped = Convert.FromBase64String(setting.Value);
        var wrappedUnder = KeyWrapper.Inspect(wrapped).MasterKeyId;
        if (!ring.Ids.Contains(wrappedUnder))
        {
            throw new InvalidOperationException(
                $"The current master key (id {current.Id}) is not the key of this database, whose data keys are wrapped under master key {wrappedUnder}.");
        }
        if (ring.RewrapToCurrent(wrapped, random) is not { } rewrapped)
        {
            return false;
        }
        setting.Value = Convert.ToBase64String(rewrapped);
        return true;
    }
}
