using Ledger.Data;
using Ledger.Data.Access;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// Keys whose role does not fit their organisation's kind, as <c>ledger keys create</c> wrote them before roles had
/// to fit kinds: a staff account and its key, written straight into the store (the registry now refuses them).
/// </summary>
public static class MisfitKeys
{
    /// <summary>Writes the staff account and key; returns the key text (its id is the first 12 characters).</summary>
    public static async Task<string> InsertAsync(LedgerDbContext db, string role, string organisation)
    {
        var (id, text) = ApiKeyText.NewKey();
        var now = DateTimeOffset.UtcNow;
        var staff = new StaffAccount
        {
            Id = "stf_" + id["ldg_".Length..],
            OrganisationId = organisation,
            Label = $"misfit {role}",
            Role = role,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        db.StaffAccounts.Add(staff);
        db.ApiKeys.Add(new ApiKey
        {
            Id = id,
            SecretHash = ApiKeyText.HashOf(text),
            Role = role,
            Organisation = organisation,
            Label = staff.Label,
            StaffId = staff.Id,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = now.AddDays(1).ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync();
        return text;
    }
}
