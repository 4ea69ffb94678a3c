using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Corrections;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records.Idempotency;
using Ledger.Api.Records.Writing;
using Ledger.Core.Proofs;
using Ledger.Data.Records;

namespace Ledger.Api.Records;

/// <summary>A stored record as the submitter gets it back, its salt, and whether it repeats an earlier request's answer.</summary>
internal sealed record IngestReceipt(StoredRecord Record, string Salt, bool Replayed)
{
    /// <summary>
    /// The acceptance answer: always "pending", since that is what acceptance says and a replay repeats the original
    /// answer word for word; the record's current status is one GET away (links.verify).
    /// </summary>
    public RecordAccepted Accepted() => new(Record.Id, Record.RecordHash, Salt, RecordStatus.Pending,
        DateTimeOffset.FromUnixTimeMilliseconds(Record.ReceivedAtMs), RecordsApi.LinksFor(Record));
}

/// <summary>
/// Accepts a submission: answers a known Idempotency-Key from what it produced, otherwise prepares the record once
/// (checked, salted, sealed and signed) and hands it to the <see cref="RecordPipeline"/>. Returns only once the record
/// is committed, so "accepted" means durable; a record its type's stateful rules refuse is a 409 or 422.
/// </summary>
internal sealed class RecordIngest(
    EnvelopeBuilder envelopes, CorrectionTargets corrections, IChainLinker chains, RecordPipeline pipeline, EnvelopeVault vault,
    IdempotencyLookup idempotency, TimeProvider time)
{
    /// <summary>Stores the record (or finds the one this key already stored) and returns it.</summary>
    /// <param name="request">The submission.</param>
    /// <param name="caller">Who submits it.</param>
    /// <param name="idempotent">Its Idempotency-Key, if any.</param>
    /// <param name="http">The HTTP request, for the policy's look-up of a corrected record.</param>
    /// <param name="ct">Cancels the work before the record is queued.</param>
    public async Task<IngestReceipt> SubmitAsync(
        SubmitRecordRequest request, Caller caller, IdempotentRequest? idempotent, HttpRequest http, CancellationToken ct)
    {
        // Before anything else, so that repeating a correction that was stored answers as it did, not "already corrected".
        if (idempotent is { KnownUnused: false } && await idempotency.FindAsync(caller.KeyId, idempotent.Key, ct) is { } earlier)
        {
            return await ReplayAsync(earlier.AnswerFor(idempotent.RequestHash), ct);
        }

        var corrects = await corrections.ResolveAsync(request, caller, http, ct);
        var prepared = envelopes.Prepare(request, caller, corrects);
        if (prepared.Draft is not null)
        {
            // Its chain link first, then anything else it does (a correction's checks), in the one commit.
            prepared = prepared with { Effects = CommitEffects.Both(await chains.LinkAsync(prepared, caller, ct), prepared.Effects) };
        }
        // Known since the envelope was built: one parse per request, not a second one of the envelope for its salt.
        var salt = prepared.Salt ?? prepared.Draft?.Salt ?? JsonNode.Parse(prepared.Sealed!.EnvelopeJson)!["salt"]!.GetValue<string>();
        var entry = idempotent is null ? null : new IdempotentSubmission
        {
            ApiKeyId = caller.KeyId,
            Key = idempotent.Key,
            RequestHash = idempotent.RequestHash,
            RecordId = prepared.Id!,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var result = await pipeline.WriteSubmittedAsync(prepared with { Idempotency = entry }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.Committed:
                return new IngestReceipt(result.Record!, salt, Replayed: false);
            case WriteOutcome.Refused:
                throw LedgerProblem.Refused(result.Refusal!);
            case WriteOutcome.ShuttingDown:
                throw RecordPipeline.Stopping("the record");
        }
        var outcome = result.Outcome;
        // A concurrent request with the same key won the race (or our write failed and one exists): answer as it did.
        if (entry is not null && await idempotency.FindAsync(entry.ApiKeyId, entry.Key, ct) is { } winner)
        {
            return await ReplayAsync(winner.AnswerFor(entry.RequestHash), ct);
        }
        throw outcome == WriteOutcome.StorageFull
            ? StorageFull.Problem("the record")
            : new LedgerProblem(StatusCodes.Status500InternalServerError, "Record not stored",
                "The record could not be stored and nothing was saved; it is safe to retry.");
    }

    // The original answer includes the salt, which for L2+ is only in the sealed envelope.
    private async Task<IngestReceipt> ReplayAsync(StoredRecord record, CancellationToken ct)
    {
        var envelope = await vault.OpenAsync(record, ct) ?? throw RecordGone.Problem(record);
        return new IngestReceipt(record, JsonNode.Parse(envelope)!["salt"]!.GetValue<string>(), Replayed: true);
    }
}
