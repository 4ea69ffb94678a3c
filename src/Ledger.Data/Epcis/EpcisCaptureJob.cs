namespace Ledger.Data.Epcis;

/// <summary>
/// A capture job: one EPCIS document posted to <c>/epcis/capture</c>, validated and stored all or nothing in the
/// background. The document itself is not kept here; its events are, as records, once the job succeeds.
/// </summary>
public sealed class EpcisCaptureJob
{
    public required string Id { get; init; }
    /// <summary><c>running</c>, <c>success</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }
    /// <summary>The organisation of the capturing key; only its staff see the job.</summary>
    public required string Organisation { get; init; }
    public required string SubmittedBy { get; init; }
    public required long CreatedAtMs { get; init; }
    public long? FinishedAtMs { get; set; }
    public int EventCount { get; set; }
    /// <summary>For a failed job, its errors as a JSON array; otherwise null.</summary>
    public string? ErrorsJson { get; set; }
}
