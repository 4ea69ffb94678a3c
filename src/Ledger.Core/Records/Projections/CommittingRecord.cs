using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Projections;

/// <summary>A record as its type's stateful rules and projections see it while it is being committed.</summary>
/// <param name="Definition">Its record type.</param>
/// <param name="TypeVersion">The version of the type it was written under (its payload follows that schema).</param>
/// <param name="Issuer">The issuing organisation.</param>
/// <param name="Payload">The plain payload, already valid under its schema; not to be changed.</param>
/// <param name="SubjectDigest">
/// The keyed digest of its data subject (issuer, domain and the <see cref="RecordTypeDefinition.SubjectField"/>), or
/// null for a type without one. It names the subject without revealing the reference, so it is the key to use for
/// rows about a person.
/// </param>
public sealed record CommittingRecord(RecordTypeDefinition Definition, int TypeVersion, string Issuer, JsonObject Payload, string? SubjectDigest)
{
    /// <summary>
    /// The record's id once it is inserted: set for projections (the commit and a rebuild both know it), null for
    /// stateful rules, which run before the record exists. A projection that indexes records by a field keys rows by it.
    /// </summary>
    public string? RecordId { get; init; }

    /// <summary>The record id, for a projection that indexes records.</summary>
    /// <exception cref="InvalidOperationException">Called before the record was inserted: a mistake in the caller.</exception>
    public string RequiredRecordId =>
        RecordId ?? throw new InvalidOperationException($"A {Definition.Name} record reached a projection without its id.");

    /// <summary>The subject digest, for a rule or projection that only makes sense for a type with a subject.</summary>
    /// <exception cref="InvalidOperationException">The type has no subject: a mistake in its module.</exception>
    public string RequiredSubjectDigest =>
        SubjectDigest ?? throw new InvalidOperationException($"{Definition.Name} has no data subject, so it cannot key rows by one.");
}
