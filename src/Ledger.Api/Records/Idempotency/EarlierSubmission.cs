using Ledger.Api.Problems;
using Ledger.Data.Records;

namespace Ledger.Api.Records.Idempotency;

/// <summary>A submission already stored under the caller's Idempotency-Key, and the record it created.</summary>
internal sealed record EarlierSubmission(IdempotentSubmission Entry, StoredRecord Record)
{
    /// <summary>
    /// The record to answer with for a request that reuses the key: the original record when the request is the same
    /// (same canonical body), a 409 problem when it is not — a key names one request, never two.
    /// </summary>
    public StoredRecord AnswerFor(string requestHash) =>
        string.Equals(Entry.RequestHash, requestHash, StringComparison.Ordinal)
            ? Record
            : throw new LedgerProblem(
                StatusCodes.Status409Conflict,
                "Idempotency-Key already used",
                $"This {IdempotencyKeyHeader.Name} was already used for a different request (record {Record.Id}); " +
                "use a new key for a new record.");
}
