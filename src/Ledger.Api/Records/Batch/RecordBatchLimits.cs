namespace Ledger.Api.Records.Batch;

/// <summary>
/// How large a batch may be. Fixed rather than settings: a batch only saves round trips, and beyond a few hundred
/// records a request holds the caller's answers back longer than it saves.
/// </summary>
public static class RecordBatchLimits
{
    /// <summary>Most records in one batch request.</summary>
    public const int MaxRecords = 1000;

    /// <summary>Largest batch request body (each record within it is also held to <c>Ingest:MaxBodyBytes</c>).</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Nesting the batch itself adds above a record: the body, the <c>records</c> array and the item.</summary>
    public const int EnvelopeDepth = 3;
}
