using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Ledger.Core.Access;
using Ledger.Core.Records.Projections;

namespace Ledger.Core.Records;

/// <summary>
/// A kind of record, as its module under <c>Records/Types/{Domain}/{Type}/</c> defines it: domain and type names,
/// data grade, data subject, who submits it, a one-line summary, and its versions, each a JSON Schema with its
/// cross-field rules. Level and subject hold for every version: records of one type are protected and erased alike.
/// </summary>
/// <param name="Domain">The envelope's <c>domain</c> (see <see cref="RecordDomains"/>).</param>
/// <param name="Type">The envelope's <c>type</c>.</param>
/// <param name="Level">The data grade that decides who may read the payload.</param>
/// <param name="Summary">One line for people: the API's list of types and its docs.</param>
public sealed record RecordTypeDefinition(string Domain, string Type, DataLevel Level, string Summary)
{
    /// <summary>Versions 1, 2, … in order; the last is the one new records are written under.</summary>
    public required IReadOnlyList<RecordTypeVersion> Versions { get; init; }

    /// <summary>
    /// The payload field naming the person the record is about (a pseudonymous reference), or null when the type has
    /// no data subject. Records of one subject share a data key, so erasing the subject is deleting that key.
    /// </summary>
    public string? SubjectField { get; init; }

    /// <summary>
    /// The roles that submit records of this type through the API, each with the standard rows of a type's own staff
    /// (<see cref="RecordGrant.DomainStaff"/>); none for the service's own records. The simple way to say who works
    /// with a type: <c>SubmittedBy = ["inspector"]</c>.
    /// </summary>
    public IReadOnlyList<string> SubmittedBy { get; init; } = [];

    /// <summary>
    /// Further rows of the permissions table for this type only, beyond those of <see cref="SubmittedBy"/>: another
    /// role that reads it, or a role that submits it with fewer rights than the standard ones. Rows that hold for
    /// every type (auditors, the operator) are the roles' own and are not repeated here.
    /// </summary>
    public IReadOnlyList<RecordGrant> Grants { get; init; } = [];

    /// <summary>This type's rows of the permissions table: the standard rows of each submitter, then <see cref="Grants"/>.</summary>
    /// <remarks>
    /// Built once per definition and kept beside it (the access policy asks for it on every request), in a table keyed
    /// by the instance, so the record's equality does not see the cache; a copy made with <c>with</c> builds its own.
    /// </remarks>
    public IReadOnlyList<RecordGrant> Permissions => PermissionRows.GetValue(this, static d => [.. d.SubmittedBy.SelectMany(RecordGrant.DomainStaff), .. d.Grants]);

    private static readonly ConditionalWeakTable<RecordTypeDefinition, IReadOnlyList<RecordGrant>> PermissionRows = [];

    /// <summary>The roles with a row to submit this type, in the order the definition names them.</summary>
    public IReadOnlyList<string> Submitters =>
        [.. Permissions.Where(g => g.Action == RecordAction.Submit).Select(g => g.Role).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Rules that depend on stored state, checked in the commit's transaction before the record is inserted; the first
    /// refusal refuses the record (409 or 422 naming the rule) and nothing of it is written.
    /// </summary>
    public IReadOnlyList<StatefulRule> StatefulRules { get; init; } = [];

    /// <summary>The projections this type's records update, in order, in the same transaction as their insert.</summary>
    public IReadOnlyList<RecordProjection> Projections { get; init; } = [];

    /// <summary><c>domain/type</c>, as errors and docs name a type.</summary>
    public string Name => $"{Domain}/{Type}";

    /// <summary>The version new records are written under: the last one.</summary>
    public RecordTypeVersion Current => Versions[^1];

    /// <summary>Whether some role submits this type through the API.</summary>
    public bool IsSubmittable => Permissions.Any(g => g.Action == RecordAction.Submit);

    /// <summary>Finds version <paramref name="number"/>; false for a version this type never had.</summary>
    public bool TryGetVersion(int number, [MaybeNullWhen(false)] out RecordTypeVersion version)
    {
        version = number >= 1 && number <= Versions.Count ? Versions[number - 1] : null;
        return version is not null;
    }

    /// <summary>Every problem with <paramref name="payload"/> under the current version; empty when it is valid.</summary>
    public IReadOnlyList<PayloadError> Validate(JsonObject payload) => Current.Validate(payload);

    /// <summary>Every problem with a submitted <paramref name="payload"/> under the current version (see <see cref="RecordTypeVersion.ValidateSubmission"/>).</summary>
    public IReadOnlyList<PayloadError> ValidateSubmission(JsonObject payload) => Current.ValidateSubmission(payload);
}
