using Ledger.Api.Access;
using Ledger.Core.Access;
using Ledger.Core.Records;
using Ledger.Data.Access;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// What the permissions table says, read straight from its rows and independent of <see cref="AccessPolicy"/>'s code:
/// the generated matrix tests compare the policy and the endpoints with it.
/// </summary>
public static class TableOracle
{
    /// <summary>A caller as the table sees it: role, organisation and that organisation's area code.</summary>
    public sealed record Who(string Role, string Organisation, string Area);

    /// <summary>A record as the table sees it.</summary>
    public sealed record What(string Domain, string? Type, DataLevel Level, string Issuer, string Area, IReadOnlyList<string> Above);

    /// <summary>Whether some row lets <paramref name="who"/> do <paramref name="action"/> with <paramref name="what"/>.</summary>
    public static bool Allows(Who who, RecordAction action, What what) =>
        PermissionTable.Default.RowsFor(what.Domain, what.Type).Any(row =>
            row.Role == who.Role && row.Action == action && what.Level <= row.UpTo && row.Scope switch
            {
                AccessScope.IssuingOrganisation => what.Issuer == who.Organisation,
                AccessScope.IssuerOrAbove => what.Issuer == who.Organisation || what.Above.Contains(who.Organisation),
                AccessScope.Jurisdiction => what.Area.Length > 0 && what.Area == who.Area,
                AccessScope.Anywhere => true,
                _ => false,
            });

    /// <summary>Whether the role holds a row for <paramref name="action"/> on some type whose scope reaches a whole jurisdiction.</summary>
    public static bool ReachesAJurisdiction(string role, RecordAction action) =>
        RecordTypeCatalog.Default.All.SelectMany(PermissionTable.Default.RowsFor)
            .Any(r => r.Role == role && r.Action == action && r.Scope is AccessScope.Jurisdiction or AccessScope.Anywhere);

    /// <summary>Whether the role's line gives it <paramref name="right"/>.</summary>
    public static bool Has(string role, ServiceRights right) => RoleTable.Find(role)?.Service.HasFlag(right) == true;

    /// <summary>The status of an action the existence rule refuses: 403 to whoever may read the record, else 404 for L3/L4.</summary>
    public static int Refused(Who who, What what) =>
        Allows(who, RecordAction.Read, what) || what.Level < DataLevel.Sensitive ? 403 : 404;
}
