using Ledger.Core.Records;
using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>
/// The authorization matrix of docs/security.md. Three rules run through it: a role counts only in an organisation
/// whose kind may hold it (<see cref="RoleAssignments"/>), checked here as well as when keys are issued; a caller who
/// may not read a record learns that it exists only for L1/L2 (403); for L3/L4 the answer is a 404 like a real miss,
/// so existence stays with those who hold the hash. And L4 is read only for a stated purpose (PIPL Art. 28: a
/// specific purpose).
/// </summary>
public sealed class AccessPolicy : IAccessPolicy
{
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
            LedgerAction.ManageKeys => caller.Role == Roles.Admin
                ? Allow("Admins manage keys.")
                : Forbid($"The role '{caller.Role}' may not manage keys."),
            LedgerAction.ReadStatus => caller.Role is Roles.Admin or Roles.Auditor
                ? Allow("Admins and auditors see the status.")
                : Forbid($"The role '{caller.Role}' may not see the operator status."),
            LedgerAction.SubmitRecord => Submit(caller, record),
            LedgerAction.ReadRecord => record is null ? Allow("Every role reads some records.") : Read(caller, record, stated),
            LedgerAction.EraseSubject => Erase(caller, record, stated),
            LedgerAction.RevokeRecord => Revoke(caller, record, stated),
            LedgerAction.SupersedeRecord => Revoke(caller, record, stated),
            LedgerAction.ReadAccessTrail => Trail(caller, record, stated),
            _ => Forbid($"Unknown action {action}."),
        };
    }

    // A credential whose role its organisation's kind may not hold (issued before the rule, or written past the
    // registry) is entitled to nothing. Submissions and actions on no record say why; record actions keep the
    // existence rule, so an L3/L4 record is still a 404.
    private static AccessDecision Unfit(LedgerAction action, RecordFacts? record, string reason) =>
        record is null || action == LedgerAction.SubmitRecord ? Forbid(reason) : Deny(record, reason);

    private static AccessDecision Submit(Caller caller, RecordFacts? record)
    {
        var domain = Roles.SubmitsTo(caller.Role);
        if (domain is null)
        {
            return Forbid($"The role '{caller.Role}' does not submit records.");
        }
        if (record is null)
        {
            return Allow($"The role '{caller.Role}' submits {domain} records.");
        }
        if (record.Domain != domain)
        {
            return Forbid($"The role '{caller.Role}' may not submit {record.Domain} records.");
        }
        return record.IssuerOrganisation == caller.Organisation
            ? Allow("Own domain, own organisation.")
            : Forbid("Records are submitted only in the name of the caller's own organisation.");
    }

    private static AccessDecision Read(Caller caller, RecordFacts record, bool stated)
    {
        var local = InJurisdiction(caller, record);
        var entitled = caller.Role switch
        {
            // The operator runs the service, not the cases: published (L1) data only.
            Roles.Admin => record.Level == DataLevel.Public,
            Roles.Auditor => local || record.Level == DataLevel.Public,
            var role => Roles.SubmitsTo(role) == record.Domain && (local || record.Level == DataLevel.Public),
        };
        if (!entitled)
        {
            return Deny(record, $"The role '{caller.Role}' may not read this L{(int)record.Level} {record.Domain} record.");
        }
        if (record.Level == DataLevel.HighlySensitive && !stated)
        {
            return new(AccessOutcome.PurposeRequired, "L4 records are read only for a stated purpose.");
        }
        return Allow(local ? "Entitled within the caller's jurisdiction." : "L1 records are shared across jurisdictions.");
    }

    private static AccessDecision Erase(Caller caller, RecordFacts? record, bool stated)
    {
        var entitled = record is null
            ? Roles.SubmitsTo(caller.Role) is not null
            : Roles.SubmitsTo(caller.Role) == record.Domain && record.IssuerOrganisation == caller.Organisation;
        if (!entitled)
        {
            return Refuse(caller, record, stated, "Only the issuing organisation's own domain staff erase its records.");
        }
        return stated
            ? Allow("The issuing organisation erases for a stated reason.")
            : new(AccessOutcome.PurposeRequired, "Erasure needs a stated reason (its legal basis).");
    }

    // Only the organisation that vouched for a record may withdraw it, and only staff of its domain. No purpose: the
    // revocation states its reason in its own, anchored record.
    private static AccessDecision Revoke(Caller caller, RecordFacts? record, bool stated)
    {
        var entitled = record is null
            ? Roles.SubmitsTo(caller.Role) is not null
            : Roles.SubmitsTo(caller.Role) == record.Domain && record.IssuerOrganisation == caller.Organisation;
        return entitled
            ? Allow("The issuing organisation revokes its own records.")
            : Refuse(caller, record, stated, "Only the issuing organisation's own domain staff revoke its records.");
    }

    private static AccessDecision Trail(Caller caller, RecordFacts? record, bool stated)
    {
        var entitled = record is null
            ? caller.Role == Roles.Auditor
            : (caller.Role == Roles.Auditor && InJurisdiction(caller, record))
              || (Roles.SubmitsTo(caller.Role) == record.Domain && record.IssuerOrganisation == caller.Organisation);
        return entitled
            ? Allow("Auditors of the jurisdiction and the issuing organisation see who read its records.")
            : Refuse(caller, record, stated, "Only auditors of the jurisdiction and the issuing organisation see the access trail.");
    }

    // Someone who may read the record already knows it exists, so they get a plain 403; others get Deny's answer.
    private static AccessDecision Refuse(Caller caller, RecordFacts? record, bool stated, string reason)
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
