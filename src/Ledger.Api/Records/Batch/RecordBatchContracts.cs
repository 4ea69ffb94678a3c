using System.Text.Json.Nodes;

namespace Ledger.Api.Records.Batch;

/// <summary>Up to <see cref="RecordBatchLimits.MaxRecords"/> records to submit in one request, each judged on its own.</summary>
/// <param name="Records">The records, in order; the answer's results follow the same order.</param>
public sealed record SubmitBatchRequest(IReadOnlyList<BatchItem> Records);

/// <summary>One record of a batch and, optionally, its idempotency key.</summary>
/// <param name="IdempotencyKey">
/// Optional, 1 to 128 printable ASCII characters, with the same meaning as the Idempotency-Key header of a single
/// submission: sent again with the same record, it gets the original answer and never a second record.
/// </param>
/// <param name="Record">The record, exactly as the body of <c>POST /api/v1/records</c>.</param>
public sealed record BatchItem(string? IdempotencyKey, JsonObject Record);

/// <summary>The answer to a batch: one result per submitted record, in the order they were sent.</summary>
public sealed record BatchAccepted(IReadOnlyList<BatchResult> Results, BatchSummary Summary);

/// <summary>
/// What became of one record of a batch: <c>status</c> 202 with <c>accepted</c> (the answer a single submission gets),
/// or the 4xx/5xx status a single submission would get with its <c>problem</c> (RFC 9457, naming the field).
/// </summary>
/// <param name="Index">Its position in the request, from 0.</param>
/// <param name="Status">The HTTP status a single submission of it would have had.</param>
/// <param name="Replayed">True when an earlier request with the same idempotency key stored it.</param>
/// <param name="Accepted">The stored record's id, hash and salt (keep the salt), or null.</param>
/// <param name="Problem">Why it was not stored (RFC 9457; <c>errors</c> names the fields that are wrong, empty otherwise), or null.</param>
public sealed record BatchResult(int Index, int Status, bool Replayed, RecordAccepted? Accepted, HttpValidationProblemDetails? Problem);

/// <summary>How many records of the batch were stored (or had been, by an earlier request with the same key) and how many refused.</summary>
public sealed record BatchSummary(int Accepted, int Refused);
