using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Data.Organisations;

/// <summary>Registers organisations and lists them; the operator's CLI and the embedded demo seed use it.</summary>
public sealed partial class OrganisationRegistry(LedgerDbContext db, TimeProvider time)
{
    /// <summary>Adds an organisation, or throws <see cref="RegistryException"/> saying what is wrong with it.</summary>
    public Task<Organisation> CreateAsync(string id, string name, string kind, string areaCode, CancellationToken ct) =>
        CreateAsync(id, name, kind, areaCode, null, ct);

    /// <summary>
    /// Adds an organisation, below <paramref name="parentId"/> when given: a registered organisation in the same
    /// jurisdiction (<see cref="AreaCode.Contains"/>) that is not the new one itself or below it. Throws
    /// <see cref="RegistryException"/> saying what is wrong.
    /// </summary>
    public async Task<Organisation> CreateAsync(string id, string name, string kind, string areaCode, string? parentId, CancellationToken ct)
    {
        var organisation = Validate(id, name, kind, areaCode, parentId);
        if (await db.Organisations.AnyAsync(o => o.Id == id, ct))
        {
            throw new RegistryException($"The organisation '{id}' already exists.");
        }
        if (parentId is not null)
        {
            await CheckParentAsync(organisation, parentId, ct);
        }
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>Adds the organisation unless one with its id exists (which is left as it is).</summary>
    public Task EnsureAsync(string id, string name, string kind, string areaCode, CancellationToken ct) =>
        EnsureAsync(id, name, kind, areaCode, null, ct);

    /// <summary>Adds the organisation below <paramref name="parentId"/> unless one with its id exists (which is left as it is).</summary>
    public async Task EnsureAsync(string id, string name, string kind, string areaCode, string? parentId, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct))
        {
            await CreateAsync(id, name, kind, areaCode, parentId, ct);
        }
    }

    /// <summary>
    /// The organisations above <paramref name="id"/>, nearest first; empty at the top or for an unknown id. Stops at a
    /// cycle or after <see cref="MaxDepth"/> steps, which only rows written past the registry can make.
    /// </summary>
    public async Task<IReadOnlyList<string>> AncestorsAsync(string id, CancellationToken ct)
    {
        var ancestors = new List<string>();
        var current = id;
        while (ancestors.Count < MaxDepth)
        {
            var parent = await db.Organisations.AsNoTracking().Where(o => o.Id == current).Select(o => o.ParentId).SingleOrDefaultAsync(ct);
            if (parent is null || parent == id || ancestors.Contains(parent))
            {
                break;
            }
            ancestors.Add(parent);
            current = parent;
        }
        return ancestors;
    }

    /// <summary>How many organisations may stand above one another: province, city, district, township and more.</summary>
    public const int MaxDepth = 8;

    private async Task CheckParentAsync(Organisation child, string parentId, CancellationToken ct)
    {
        if (parentId == child.Id)
        {
            throw new RegistryException($"The organisation '{child.Id}' cannot be its own parent.");
        }
        var parent = await FindAsync(parentId, ct)
            ?? throw new RegistryException($"Unknown parent organisation '{Clip(parentId)}'; register it first (ledger orgs create).");
        if (!AreaCode.Contains(parent.AreaCode, child.AreaCode))
        {
            throw new RegistryException(
                $"The parent '{parent.Id}' (area {parent.AreaCode}) is outside the jurisdiction of '{child.Id}' (area {child.AreaCode}): "
                + "a parent has the same area code, or that of the city or province containing it (e.g. 330100 or 330000 for 330106).");
        }
        var above = await AncestorsAsync(parent.Id, ct);
        if (above.Contains(child.Id))
        {
            throw new RegistryException($"'{parent.Id}' is already below '{child.Id}'; a parent there would make a cycle.");
        }
        if (above.Count + 1 >= MaxDepth)
        {
            throw new RegistryException($"'{parent.Id}' already has {above.Count} organisations above it; at most {MaxDepth} may stand above one another.");
        }
    }

    /// <summary>The organisation with <paramref name="id"/>, or null.</summary>
    public Task<Organisation?> FindAsync(string id, CancellationToken ct) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);

    /// <summary>Every organisation, by area code then id.</summary>
    public Task<List<Organisation>> ListAsync(CancellationToken ct) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.AreaCode).ThenBy(o => o.Id).ToListAsync(ct);

    private Organisation Validate(string id, string name, string kind, string areaCode, string? parentId)
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
            ParentId = parentId,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")]
    private static partial Regex IdShape();
}
