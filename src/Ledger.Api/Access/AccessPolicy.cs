using Ledger.Core.Access;
using Ledger.Core.Records;
using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>
/// The authorization matrix of docs/security.md, read from the <see cref="PermissionTable"/>: an action on a record is
/// allowed when a row for the caller's role, the action and the record's type reaches the record's level and
/// issuer. Three rules run through it: a role counts only in an organisation
/// whose kind may hold it (<see cref="RoleAssignments"/>), checked here as well as when keys are issued; a caller who
/// may not read a record learns that it exists only for L1/L2 (403); for L3/L4 the answer is a 404 like a real miss,
/// so existence stays with those who hold the hash. And L4 is read only for a stated purpose (PIPL Art. 28: a
/// specific purpose).
/// </summary>
public sealed class AccessPolicy(PermissionTable table) : IAccessPolicy
{
    /// <summary>The policy of the ledger's own table.</summary>
    public AccessPolicy() : this(PermissionTable.Default)
    {
    }

    /// <inheritdoc />
    public AccessDecision Decide(Caller? caller, LedgerAction action, RecordFacts? record, string? purpose)
    {
        if (caller is null)
        {
            return new(AccessOutcome.Unauthenticated, "No credential was presented.");
        }
        if (!Roles.IsKnown(caller.Role))
        {
            return Forbid($"The role '{caller.Role}' is not a ledger role.");
        }
        if (caller.OrganisationKind is { } kind && RoleAssignments.Mismatch(caller.Organisation, kind, caller.Role) is { } mismatch)
        {
            return Unfit(action, record, $"{mismatch} Ask the operator for a key of a role that fits.");
        }
        var stated = !string.IsNullOrWhiteSpace(purpose);
        return action switch
        {
            LedgerAction.ManageKeys => table.ServiceRightsOf(caller.Role).HasFlag(ServiceRights.ManageKeys)
                ? Allow("Admins manage keys.")
                : Forbid($"The role '{caller.Role}' may not manage keys."),
            LedgerAction.ReadStatus => table.ServiceRightsOf(caller.Role).HasFlag(ServiceRights.ReadStatus)
                ? Allow("Admins and auditors see the status.")
                : Forbid($"The role '{caller.Role}' may not see the operator status."),
            LedgerAction.SubmitRecord => Submit(caller, record),
            LedgerAction.ReadRecord => record is null
                ? table.HoldsAny(caller.Role, RecordAction.Read) ? Allow("The role reads some records.") : Forbid($"The role '{caller.Role}' reads no records.")
                : Read(caller, record, stated),
            LedgerAction.EraseSubject => Erase(caller, record, stated),
            LedgerAction.RevokeRecord => Change(caller, RecordAction.Revoke, record, stated, "revoke"),
            LedgerAction.SupersedeRecord => Change(caller, RecordAction.Supersede, record, stated, "correct"),
            LedgerAction.ReadAccessTrail => Trail(caller, record, stated),
            _ => Forbid($"Unknown action {action}."),
        };
    }

    // A credential whose role its organisation's kind may not hold (issued before the rule, or written past the
    // registry) is entitled to nothing. Submissions and actions on no record say why; record actions keep the
    // existence rule, so an L3/L4 record is still a 404.
    private static AccessDecision Unfit(LedgerAction action, RecordFacts? record, string reason) =>
        record is null || action == LedgerAction.SubmitRecord ? Forbid(reason) : Deny(record, reason);

    private AccessDecision Submit(Caller caller, RecordFacts? record)
    {
        if (!table.HoldsAny(caller.Role, RecordAction.Submit))
        {
            return Forbid($"The role '{caller.Role}' does not submit records.");
        }
        if (record is null)
        {
            return Allow($"The role '{caller.Role}' submits records.");
        }
        if (!Rows(caller, RecordAction.Submit, record).Any())
        {
            return Forbid($"The role '{caller.Role}' may not submit {(record.Type is { } type ? $"{record.Domain}/{type}" : record.Domain)} records.");
        }
        return Permits(caller, RecordAction.Submit, record)
            ? Allow("A submitting role, in its own organisation's name.")
            : Forbid("Records are submitted only in the name of the caller's own organisation.");
    }

    private AccessDecision Read(Caller caller, RecordFacts record, bool stated)
    {
        if (!Permits(caller, RecordAction.Read, record))
        {
            return Deny(record, $"The role '{caller.Role}' may not read this L{(int)record.Level} {record.Domain} record.");
        }
        if (record.Level == DataLevel.HighlySensitive && !stated)
        {
            return new(AccessOutcome.PurposeRequired, "L4 records are read only for a stated purpose.");
        }
        return Allow(InJurisdiction(caller, record) ? "Entitled within the caller's jurisdiction." : "Entitled outside the caller's jurisdiction (L1, or its own organisation's).");
    }

    private AccessDecision Erase(Caller caller, RecordFacts? record, bool stated)
    {
        var entitled = record is null ? table.HoldsAny(caller.Role, RecordAction.Erase) : Permits(caller, RecordAction.Erase, record);
        if (!entitled)
        {
            return Refuse(caller, record, stated, "Only the issuing organisation's staff of a role that erases the domain's records erase them.");
        }
        return stated
            ? Allow("The issuing organisation erases for a stated reason.")
            : new(AccessOutcome.PurposeRequired, "Erasure needs a stated reason (its legal basis).");
    }

    // Revoking and correcting: the issuing organisation, or one above it, and only staff of a role the table lets do it
    // for the type. No purpose: the revocation or the correction states its reason in its own, anchored record.
    private AccessDecision Change(Caller caller, RecordAction action, RecordFacts? record, bool stated, string verb)
    {
        var entitled = record is null ? table.HoldsAny(caller.Role, action) : Permits(caller, action, record);
        return entitled
            ? Allow($"The issuing organisation, or one above it, may {verb} its records.")
            : Refuse(caller, record, stated, $"Only staff of the issuing organisation, or of one above it, whose role may {verb} this type {verb} its records.");
    }

    // The whole trail (no record) lists a jurisdiction, so it takes a row that reaches a jurisdiction.
    private AccessDecision Trail(Caller caller, RecordFacts? record, bool stated)
    {
        var entitled = record is null
            ? table.HoldsAny(caller.Role, RecordAction.ReadAccessTrail, r => r.Scope is AccessScope.Jurisdiction or AccessScope.Anywhere)
            : Permits(caller, RecordAction.ReadAccessTrail, record);
        return entitled
            ? Allow("Auditors of the jurisdiction and the issuing organisation see who read its records.")
            : Refuse(caller, record, stated, "Only auditors of the jurisdiction and the issuing organisation see the access trail.");
    }

    private IEnumerable<RecordGrant> Rows(Caller caller, RecordAction action, RecordFacts record) =>
        table.RowsFor(record.Domain, record.Type).Where(r => r.Role == caller.Role && r.Action == action);

    private bool Permits(Caller caller, RecordAction action, RecordFacts record) =>
        Rows(caller, action, record).Any(r => record.Level <= r.UpTo && Reaches(caller, record, r.Scope));

    private static bool Reaches(Caller caller, RecordFacts record, AccessScope scope) => scope switch
    {
        AccessScope.IssuingOrganisation => record.IssuerOrganisation == caller.Organisation,
        AccessScope.IssuerOrAbove => record.IssuerOrganisation == caller.Organisation || record.IssuerAncestors.Contains(caller.Organisation),
        AccessScope.Jurisdiction => InJurisdiction(caller, record),
        AccessScope.Anywhere => true,
        _ => false,
    };

    // Someone who may read the record already knows it exists, so they get a plain 403; others get Deny's answer.
    private AccessDecision Refuse(Caller caller, RecordFacts? record, bool stated, string reason)
    {
        if (record is null)
        {
            return Forbid(reason);
        }
        var read = Read(caller, record, stated).Outcome;
        return read is AccessOutcome.Allowed or AccessOutcome.PurposeRequired ? Forbid(reason) : Deny(record, reason);
    }

    private static AccessDecision Deny(RecordFacts record, string reason) =>
        record.Level >= DataLevel.Sensitive ? new(AccessOutcome.NotFound, reason) : Forbid(reason);

    // A record of an unregistered issuer has no jurisdiction and is local to nobody.
    private static bool InJurisdiction(Caller caller, RecordFacts record) =>
        record.Jurisdiction.Length > 0 && caller.Jurisdiction == record.Jurisdiction;

    private static AccessDecision Allow(string reason) => new(AccessOutcome.Allowed, reason);

    private static AccessDecision Forbid(string reason) => new(AccessOutcome.Forbidden, reason);
}
