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
    /// <summary>The subject digest, for a rule or projection that only makes sense for a type with a subject.</summary>
    /// <exception cref="InvalidOperationException">The type has no subject: a mistake in its module.</exception>
    public string RequiredSubjectDigest =>
        SubjectDigest ?? throw new InvalidOperationException($"{Definition.Name} has no data subject, so it cannot key rows by one.");
}
