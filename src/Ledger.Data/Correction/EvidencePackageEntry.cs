namespace Ledger.Data.Correction;

/// <summary>
/// An evidence package made for a case and waiting to be fetched: its ZIP, sealed under the case's data key (so retention
/// shreds it with the case), the access-trail record of its making, and the credential that may fetch it. It is handed
/// out once that record is anchored, with the record's proof inside.
/// </summary>
public sealed class EvidencePackageEntry
{
    public required string Id { get; init; }
    public required string CaseId { get; init; }
    /// <summary>The public id of the API key that asked for it; only it may fetch the package.</summary>
    public required string RequestedBy { get; init; }
    /// <summary>The access-trail record of its making, whose payload commits to the manifest's SHA-256.</summary>
    public required string EventRecordId { get; init; }
    public required long CreatedAtMs { get; init; }
    /// <summary>The ZIP without the event's proof, sealed under <see cref="KeyId"/>.</summary>
    public required byte[] PackageSealed { get; init; }
    /// <summary>The case's data key; null once destroyed (the package can no longer be opened).</summary>
    public string? KeyId { get; init; }
}
