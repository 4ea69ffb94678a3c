using System.Security.Cryptography;
using Ledger.Data.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Access;

/// <summary>A new key: its stored row, the staff account it belongs to, and the key text to hand over once.</summary>
public sealed record IssuedKey(ApiKey Key, StaffAccount Staff, string Text);

/// <summary>A key as lists show it: everything but its hash.</summary>
public sealed record KeyListing(
    string Id, string Role, string Organisation, string? StaffId, string Label,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>
/// A usable key that the access policy cannot accept as it stands: its role does not fit its organisation's
/// <paramref name="Kind"/>, or (Kind null) its organisation is not registered, so the role cannot be checked.
/// </summary>
public sealed record UnfitKey(string Id, string Role, string Organisation, string? Kind);

/// <summary>Issues, lists and revokes API keys for staff of registered organisations.</summary>
public sealed class KeyRegistry(LedgerDbContext db, TimeProvider time)
{
    /// <summary>How long a key lives unless its creator says otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);
    /// <summary>The longest a key may live: keys must be rotated.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(730);

    /// <summary>
    /// Issues a key for a new staff account of <paramref name="organisationId"/> with <paramref name="role"/>, or for
    /// the existing account <paramref name="staffId"/> (key rotation), whose organisation and role must then match.
    /// The role must fit the organisation's kind (<see cref="RoleAssignments"/>).
    /// </summary>
    public async Task<IssuedKey> CreateAsync(
        string organisationId, string role, string? label, TimeSpan? lifetime, string? staffId, CancellationToken ct)
    {
        if (!StaffRoles.IsKnown(role))
        {
            throw new RegistryException($"Unknown role '{role}'; use one of {string.Join(", ", StaffRoles.All)}.");
        }
        var life = lifetime ?? DefaultLifetime;
        if (life < TimeSpan.FromMinutes(1) || life > MaxLifetime)
        {
            throw new RegistryException($"A key lives between 1 minute and {MaxLifetime.TotalDays:0} days.");
        }
        var kind = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Kind).SingleOrDefaultAsync(ct)
            ?? throw new RegistryException($"Unknown organisation '{organisationId}'; register it first with `ledger orgs create`.");
        if (RoleAssignments.Mismatch(organisationId, kind, role) is { } mismatch)
        {
            throw new RegistryException(mismatch);
        }
        label = string.IsNullOrWhiteSpace(label) ? role : label.Trim();
        if (label.Length > 128 || label.Any(char.IsControl))
        {
            throw new RegistryException("A label is at most 128 characters of plain text.");
        }
        var now = time.GetUtcNow();
        var staff = staffId is null ? NewStaff(organisationId, role, label, now) : await ExistingStaffAsync(staffId, organisationId, role, ct);
        var (id, text) = ApiKeyText.NewKey();
        var key = new ApiKey
        {
            Id = id,
            SecretHash = ApiKeyText.HashOf(text),
            Role = role,
            Organisation = organisationId,
            Label = label,
            StaffId = staff.Id,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = (now + life).ToUnixTimeMilliseconds(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedKey(key, staff, text);
    }

    /// <summary>Every key, newest first, without secrets or hashes.</summary>
    public async Task<List<KeyListing>> ListAsync(CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAtMs).ThenBy(k => k.Id).ToListAsync(ct);
        return [.. keys.Select(k => new KeyListing(
            k.Id, k.Role, k.Organisation, k.StaffId, k.Label,
            DateTimeOffset.FromUnixTimeMilliseconds(k.CreatedAtMs),
            k.ExpiresAtMs is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : null,
            k.RevokedAtMs is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null))];
    }

    /// <summary>
    /// Unrevoked, unexpired keys of enabled staff whose role their organisation's kind may not hold, or whose
    /// organisation is not registered; by id. Such keys predate <see cref="RoleAssignments"/> or were written past
    /// this registry.
    /// </summary>
    public async Task<List<UnfitKey>> ListUnfitAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var usable = await db.ApiKeys.AsNoTracking()
            .Where(k => k.RevokedAtMs == null && (k.ExpiresAtMs == null || k.ExpiresAtMs > now)
                && !db.StaffAccounts.Any(s => s.Id == k.StaffId && s.DisabledAtMs != null))
            .OrderBy(k => k.Id)
            .Select(k => new UnfitKey(k.Id, k.Role, k.Organisation,
                db.Organisations.Where(o => o.Id == k.Organisation).Select(o => o.Kind).FirstOrDefault()))
            .ToListAsync(ct);
        return [.. usable.Where(k => k.Kind is null || !RoleAssignments.MayHold(k.Kind, k.Role))];
    }

    /// <summary>
    /// Raised in this process after a key's revocation is saved, with the key's id, so caches of key state in this process
    /// (the service's API-key cache) drop it at once. Other processes notice within their cache lifetime.
    /// </summary>
    public static event Action<string>? KeyRevoked;

    /// <summary>Revokes a key at once; false when it was already revoked (the first revocation time stays).</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, ct)
            ?? throw new RegistryException($"Unknown key '{keyId}'; `ledger keys list` shows the key ids (ldg_…).");
        if (key.RevokedAtMs is not null)
        {
            return false;
        }
        key.RevokedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        KeyRevoked?.Invoke(key.Id);
        return true;
    }

    private StaffAccount NewStaff(string organisationId, string role, string label, DateTimeOffset now)
    {
        var staff = new StaffAccount
        {
            Id = "stf_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            OrganisationId = organisationId,
            Label = label,
            Role = role,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        db.StaffAccounts.Add(staff);
        return staff;
    }

    private async Task<StaffAccount> ExistingStaffAsync(string staffId, string organisationId, string role, CancellationToken ct)
    {
        var staff = await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct)
            ?? throw new RegistryException($"Unknown staff account '{staffId}'.");
        if (staff.OrganisationId != organisationId || staff.Role != role)
        {
            throw new RegistryException($"The staff account '{staffId}' is a {staff.Role} of {staff.OrganisationId}, not a {role} of {organisationId}.");
        }
        return staff.DisabledAtMs is null ? staff : throw new RegistryException($"The staff account '{staffId}' is disabled.");
    }
}
