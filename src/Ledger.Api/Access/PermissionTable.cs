using Ledger.Core.Access;
using Ledger.Core.Records;
using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>
/// The one permissions table the access policy reads: the rows each record type declares for the roles that work
/// with it (<see cref="RecordTypeDefinition.Permissions"/>), plus the rows each role holds for every type
/// (<see cref="RoleTable"/>: auditors, the operator, a company's own records). docs/security.md prints it.
/// </summary>
public sealed class PermissionTable
{
    private readonly RecordTypeCatalog _catalog;
    private readonly Dictionary<string, IReadOnlyList<RecordGrant>> _domainRows = [];

    // Every (role, action) some row grants, on any type: the question each submission asks first, answered without
    // walking every type's rows (that walk was 1.3 % of ingest's CPU, docs/benchmarks.md).
    private readonly HashSet<(string Role, RecordAction Action)> _held = [];

    /// <summary>Builds the table from the type catalogue and the role table, refusing a row that may not stand.</summary>
    /// <exception cref="InvalidOperationException">A row names an unknown role, or reaches beyond what its scope allows.</exception>
    public PermissionTable(RecordTypeCatalog catalog, IReadOnlyList<RoleDefinition> roles)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(roles);
        _catalog = catalog;
        Roles = roles;
        OnEveryType = [.. roles.SelectMany(r => r.OnEveryType)];
        foreach (var row in OnEveryType.Concat(catalog.All.SelectMany(t => t.Permissions)))
        {
            var problem = row.Problem() ?? (roles.Any(r => r.Name == row.Role) ? null : $"the row {row.Role} {row.Action} names no ledger role");
            if (problem is not null)
            {
                throw new InvalidOperationException($"Permissions table: {problem}.");
            }
            _held.Add((row.Role, row.Action));
        }
        if (OnEveryType.FirstOrDefault(r => r.Action == RecordAction.Submit) is { } submit)
        {
            throw new InvalidOperationException($"Permissions table: {submit.Role} may not submit every type; name it in the types it submits.");
        }
        foreach (var domain in catalog.All.GroupBy(t => t.Domain))
        {
            // A domain-wide action (erasing a subject) is allowed only by rows every type of the domain shares.
            _domainRows[domain.Key] = [.. domain.Select(t => (IEnumerable<RecordGrant>)t.Permissions).Aggregate((a, b) => a.Intersect(b))];
        }
    }

    /// <summary>The ledger's table: every record type and every role.</summary>
    public static PermissionTable Default { get; } = new(RecordTypeCatalog.Default, RoleTable.All);

    /// <summary>Every role's line.</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; }

    /// <summary>The rows roles hold for every record type.</summary>
    public IReadOnlyList<RecordGrant> OnEveryType { get; }

    /// <summary>
    /// The rows that apply to records of <paramref name="domain"/>/<paramref name="type"/>; with no type (or one the
    /// catalogue does not know), the rows every type of the domain shares.
    /// </summary>
    public IEnumerable<RecordGrant> RowsFor(string domain, string? type) =>
        (type is not null && _catalog.TryGet(domain, type, out var definition)
            ? definition.Permissions
            : _domainRows.GetValueOrDefault(domain) ?? []).Concat(OnEveryType);

    /// <summary>Every row of the table for <paramref name="type"/>, its own and those for every type.</summary>
    public IEnumerable<RecordGrant> RowsFor(RecordTypeDefinition type) => RowsFor(type.Domain, type.Type);

    /// <summary>The roles that may submit <paramref name="type"/>, as <c>GET /api/v1/record-types</c> lists them.</summary>
    public IReadOnlyList<string> SubmittersOf(RecordTypeDefinition type) =>
        [.. RowsFor(type).Where(r => r.Action == RecordAction.Submit).Select(r => r.Role).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="role"/> holds any row for <paramref name="action"/>, on any type, that <paramref name="where"/> accepts.</summary>
    public bool HoldsAny(string role, RecordAction action, Func<RecordGrant, bool>? where = null) =>
        _held.Contains((role, action))
        && (where is null || OnEveryType.Concat(_catalog.All.SelectMany(t => t.Permissions))
            .Any(r => r.Role == role && r.Action == action && where(r)));

    /// <summary>What <paramref name="role"/> may do that concerns no record.</summary>
    public ServiceRights ServiceRightsOf(string role) => Roles.FirstOrDefault(r => r.Name == role)?.Service ?? ServiceRights.None;
}
