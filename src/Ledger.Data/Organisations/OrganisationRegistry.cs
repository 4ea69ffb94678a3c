using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Organisations;

/// <summary>Registers organisations and lists them; the operator's CLI and the embedded demo seed use it.</summary>
public sealed partial class OrganisationRegistry(LedgerDbContext db, TimeProvider time)
{
    /// <summary>Adds an organisation, or throws <see cref="RegistryException"/> saying what is wrong with it.</summary>
    public async Task<Organisation> CreateAsync(string id, string name, string kind, string areaCode, CancellationToken ct)
    {
        var organisation = Validate(id, name, kind, areaCode);
        if (await db.Organisations.AnyAsync(o => o.Id == id, ct))
        {
            throw new RegistryException($"The organisation '{id}' already exists.");
        }
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>Adds the organisation unless one with its id exists (which is left as it is).</summary>
    public async Task EnsureAsync(string id, string name, string kind, string areaCode, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct))
        {
            await CreateAsync(id, name, kind, areaCode, ct);
        }
    }

    /// <summary>The organisation with <paramref name="id"/>, or null.</summary>
    public Task<Organisation?> FindAsync(string id, CancellationToken ct) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>Every organisation, by area code then id.</summary>
    public Task<List<Organisation>> ListAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.AreaCode).ThenBy(o => o.Id).ToListAsync(ct);

    private Organisation Validate(string id, string name, string kind, string areaCode)
    {
        if (!IdShape().IsMatch(id))
        {
            throw new RegistryException($"'{Clip(id)}' is not an organisation id: use 3–64 lowercase letters, digits and hyphens, e.g. cn-330106-market-supervision.");
        }
        name = name.Trim();
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
        {
            throw new RegistryException("An organisation name is 1–200 characters of plain text.");
        }
        if (!OrganisationKinds.All.Contains(kind))
        {
            throw new RegistryException($"Unknown kind '{Clip(kind)}'; use one of {string.Join(", ", OrganisationKinds.All)}.");
        }
        if (AreaCode.Problem(areaCode) is { } problem)
        {
            throw new RegistryException($"Bad area code '{Clip(areaCode)}': {problem}");
        }
        return new Organisation
        {
            Id = id,
            Name = name,
            Kind = kind,
            AreaCode = areaCode,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")]
    private static partial Regex IdShape();
}
