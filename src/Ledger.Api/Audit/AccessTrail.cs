using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Types.Internal.Access;
using Ledger.Data.Records;

namespace Ledger.Api.Audit;

/// <summary>
/// Appends one ledger/access record per read of a non-public payload, chained to the entry before it, through the one
/// commit pipeline: the entry's <c>previous</c> and sequence number are assigned inside the commit's write transaction
/// (SQLite's write lock, across instances too), so the chain is strictly linear even when many reads are committed in
/// one group; a unique index still refuses a fork.
/// </summary>
internal sealed class AccessTrail(RecordPipeline pipeline, TimeProvider time, ILogger<AccessTrail> log)
{
    /// <summary>
    /// Records the read before the answer is sent — evidence first: a read that cannot be recorded is not answered
    /// (503), and the log says why without naming anything read.
    /// </summary>
    public async Task<StoredRecord> AppendBeforeAnsweringAsync(Caller caller, StoredRecord read, string? purpose, CancellationToken ct, string? packageManifest = null)
    {
        try
        {
            return await AppendAsync(caller, read, purpose, ct, packageManifest);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError("The access trail could not record a read of record {RecordId}: {Reason}", read.Id, e.InnerException?.Message ?? e.Message);
            throw new LedgerProblem(StatusCodes.Status503ServiceUnavailable, "Access trail unavailable",
                "The read could not be written to the access trail, so nothing is shown; retry shortly.");
        }
    }

    /// <summary>
    /// Records that <paramref name="caller"/> read <paramref name="read"/> — and, when the read made an evidence
    /// package, the SHA-256 of its manifest; returns the entry's record once it is committed.
    /// </summary>
    public async Task<StoredRecord> AppendAsync(Caller caller, StoredRecord read, string? purpose, CancellationToken ct, string? packageManifest = null)
    {
        var payload = new JsonObject
        {
            ["keyId"] = caller.KeyId,
            ["role"] = caller.Role,
            ["organisation"] = caller.Organisation,
            ["recordId"] = read.Id,
            ["recordHash"] = read.RecordHash,
        };
        if (caller.StaffId is not null)
        {
            payload["staffId"] = caller.StaffId;
        }
        if (purpose is not null)
        {
            payload["purpose"] = purpose;
        }
        if (packageManifest is not null)
        {
            payload["packageManifest"] = packageManifest;
        }
        var effects = new AccessTrailEffects(read.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
        return await pipeline.WriteInternalAsync(LedgerAccessEntry.Definition, caller.Organisation, payload, caller.KeyId, effects, "the access-trail entry", ct);
    }
}
