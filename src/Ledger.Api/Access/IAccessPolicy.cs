using Ledger.Core.Records;

namespace Ledger.Api.Access;

/// <summary>Something a caller wants to do; the <see cref="IAccessPolicy"/> decides each one.</summary>
public enum LedgerAction
{
    /// <summary>Submit a record of the domain in <see cref="RecordFacts"/> for the caller's own organisation.</summary>
    SubmitRecord,
    /// <summary>Read a stored record in full: payload, salt and envelope.</summary>
    ReadRecord,
    /// <summary>Erase (crypto-shred) the payloads about one data subject.</summary>
    EraseSubject,
    /// <summary>Revoke a record: store an anchored ledger/revocation record that says it no longer stands.</summary>
    RevokeRecord,
    /// <summary>Submit a corrected version of the record in <see cref="RecordFacts"/> (a submission that <c>supersedes</c> it).</summary>
    SupersedeRecord,
    /// <summary>Read who accessed a record, when and why.</summary>
    ReadAccessTrail,
    /// <summary>Create, list or revoke API keys.</summary>
    ManageKeys,
    /// <summary>See the operator's status view (backlog, batches, chain).</summary>
    ReadStatus,
}

/// <summary>What the policy needs to know about a record: its type, data grade, issuer, the issuer's jurisdiction and the organisations above it.</summary>
/// <param name="Domain">The record's domain, e.g. <c>food-safety</c>.</param>
/// <param name="Level">The record type's data grade.</param>
/// <param name="IssuerOrganisation">The issuing organisation's id (the record's <c>issuer</c>).</param>
/// <param name="Jurisdiction">
/// The issuer's area code (6-digit PRC administrative division code); empty when the issuer is not a registered
/// organisation, which matches no caller's jurisdiction.
/// </param>
public sealed record RecordFacts(string Domain, DataLevel Level, string IssuerOrganisation, string Jurisdiction)
{
    /// <summary>
    /// The record's type, e.g. <c>inspection</c>; null when the action concerns a whole domain (an erasure names a
    /// subject, not a record), which is then judged by the rows every type of the domain shares.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>The organisations above the issuer, nearest first; empty when it has none or is not registered.</summary>
    public IReadOnlyList<string> IssuerAncestors { get; init; } = [];

    /// <summary>Equal facts, the ancestors compared by value.</summary>
    public bool Equals(RecordFacts? other) =>
        other is not null && Domain == other.Domain && Level == other.Level && IssuerOrganisation == other.IssuerOrganisation
        && Jurisdiction == other.Jurisdiction && Type == other.Type && IssuerAncestors.SequenceEqual(other.IssuerAncestors);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Domain, Level, IssuerOrganisation, Jurisdiction, Type, IssuerAncestors.Count);
}

/// <summary>The policy's answer; endpoints map it to 200, 401, 403 or 404 with <see cref="AccessDecisions.EnsureAllowed"/>.</summary>
public enum AccessOutcome
{
    /// <summary>Go ahead.</summary>
    Allowed,
    /// <summary>No caller: 401.</summary>
    Unauthenticated,
    /// <summary>A known caller who may not do this: 403.</summary>
    Forbidden,
    /// <summary>A caller who may not even learn that the record exists (L3/L4): 404, worded like a real miss.</summary>
    NotFound,
    /// <summary>Allowed once the caller states why (X-Access-Purpose): 403 until then.</summary>
    PurposeRequired,
}

/// <summary>A decision and why; <see cref="Reason"/> is for logs and tests, never shown for a 404.</summary>
public sealed record AccessDecision(AccessOutcome Outcome, string Reason)
{
    public bool IsAllowed => Outcome == AccessOutcome.Allowed;
}

/// <summary>
/// The one authorization policy: role × domain × data grade × jurisdiction (see docs/security.md for the table).
/// Endpoints ask it and never decide on their own.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>Decides whether <paramref name="caller"/> (null for the anonymous public) may do <paramref name="action"/>.</summary>
    /// <param name="caller">The authenticated caller, or null.</param>
    /// <param name="action">What they want to do.</param>
    /// <param name="record">
    /// The record concerned; null for actions on no particular record (status, keys) or to ask whether the role may
    /// do the action at all before a record is known.
    /// </param>
    /// <param name="purpose">The stated purpose (X-Access-Purpose), already validated by <see cref="AccessPurpose"/>; null when none.</param>
    AccessDecision Decide(Caller? caller, LedgerAction action, RecordFacts? record, string? purpose);
}
