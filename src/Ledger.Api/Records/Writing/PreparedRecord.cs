using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Data.Records;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// A record parsed and checked once, ready for the group commit: its type, payload, issuer and subject, and either the
/// row already sealed and signed (<see cref="Sealed"/>) or the keys to seal it with inside the commit
/// (<see cref="SealInCommit"/>, for records whose envelope takes fields from stored state — the service's own, and
/// submissions of a chained type, drafted in <see cref="Draft"/>), plus its idempotency row and the work its type does
/// in the commit's transaction.
/// </summary>
internal sealed record PreparedRecord
{
    public required RecordTypeDefinition Definition { get; init; }
    /// <summary>The plain payload. For L2+ it is never stored in clear; rules and projections read it in memory.</summary>
    public required JsonObject Payload { get; init; }
    public required string Issuer { get; init; }
    /// <summary>The API key that submitted it (or asked the service to write it).</summary>
    public required string SubmittedBy { get; init; }
    /// <summary>The keyed digest of the type's data subject; null for a type without a subject field.</summary>
    public string? SubjectDigest { get; init; }
    /// <summary>The row to insert, sealed and signed before queueing; null when <see cref="SealInCommit"/> builds it.</summary>
    public StoredRecord? Sealed { get; init; }
    /// <summary>Keys opened before queueing, to build and seal the envelope in the commit once its fields are assigned.</summary>
    public RecordSeal? SealInCommit { get; init; }
    /// <summary>
    /// A submission's envelope, id and salt fixed, to complete in the commit with the payload its effects filled in
    /// (a chain link); null for a record sealed before queueing, or one of the service's own (built in the commit).
    /// </summary>
    public RecordEnvelope? Draft { get; init; }
    /// <summary>The envelope's salt, kept for the submitter's answer so the sealed envelope need not be parsed again.</summary>
    public string? Salt { get; init; }
    public IdempotentSubmission? Idempotency { get; init; }
    /// <summary>What goes with the record in the commit: a chain link, a correction's or a revocation's index row, an erasure.</summary>
    public CommitEffects? Effects { get; init; }

    /// <summary>The record as its type's stateful rules and projections see it.</summary>
    public CommittingRecord Committing => new(Definition, Definition.Current.Number, Issuer, Payload, SubjectDigest);

    /// <summary>The record's id for logs: the row's, or none yet when it is built in the commit.</summary>
    public string LogId => Sealed?.Id ?? Draft?.Id ?? $"(a {Definition.Name} record)";

    /// <summary>The id the record will have: known before the commit for submissions, sealed or drafted.</summary>
    public string? Id => Sealed?.Id ?? Draft?.Id;
}
