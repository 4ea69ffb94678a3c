using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records;
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
internal sealed class AccessTrail(RecordPipeline pipeline, RecordProtector protector, RecordWriter writer, ProtectionKeys keys, TimeProvider time, ILogger<AccessTrail> log)
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
        var payload = Payload(caller, read, purpose, packageManifest);
        var effects = new AccessTrailEffects(read.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
        return await pipeline.WriteInternalAsync(LedgerAccessEntry.Definition, caller.Organisation, payload, caller.KeyId, effects, "the access-trail entry", ct);
    }

    /// <summary>
    /// Records that <paramref name="caller"/> read each of <paramref name="reads"/> (an export of many payloads), one
    /// entry per read in their order, committed together: one transaction instead of one per entry, and all or none, so
    /// an export is never half on the trail. Each entry is still chained to the one before it inside the commit.
    /// </summary>
    /// <exception cref="LedgerProblem">503 when the entries could not be written; nothing of them was stored.</exception>
    public async Task AppendAllAsync(Caller caller, IReadOnlyList<StoredRecord> reads, string? purpose, CancellationToken ct)
    {
        if (reads.Count == 0)
        {
            return;
        }
        var definition = LedgerAccessEntry.Definition;
        // One seal per subject (an entry has none of its own, so usually one for the whole export), opened before queueing.
        var seals = new Dictionary<string, RecordSeal>(StringComparer.Ordinal);
        try
        {
            var readAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var entries = new List<PreparedRecord>(reads.Count);
            foreach (var read in reads)
            {
                var payload = Payload(caller, read, purpose, packageManifest: null);
                var digest = RecordSubjects.DigestOf(keys, caller.Organisation, definition.Domain, definition.Type, payload);
                if (!seals.TryGetValue(digest, out var seal))
                {
                    seal = await protector.OpenSealAsync(definition, caller.Organisation, payload, ct);
                    seals[digest] = seal;
                }
                entries.Add(new PreparedRecord
                {
                    Definition = definition,
                    Payload = payload,
                    Issuer = caller.Organisation,
                    SubmittedBy = caller.KeyId,
                    SubjectDigest = RecordSubjects.SubjectOf(keys, caller.Organisation, definition, payload),
                    SealInCommit = seal,
                    Effects = new AccessTrailEffects(read.Id, readAtMs),
                });
            }
            var result = await writer.WriteTogetherAsync(entries, ct);
            if (result.Outcome != WriteOutcome.Committed)
            {
                log.LogError("The access trail could not record an export of {Count} records: {Outcome}", reads.Count, result.Outcome);
                throw new LedgerProblem(StatusCodes.Status503ServiceUnavailable, "Access trail unavailable",
                    "The reads could not be written to the access trail, so nothing is shown; retry shortly.");
            }
        }
        finally
        {
            foreach (var seal in seals.Values)
            {
                seal.Dispose();
            }
        }
    }

    private static JsonObject Payload(Caller caller, StoredRecord read, string? purpose, string? packageManifest)
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
        return payload;
    }
}
