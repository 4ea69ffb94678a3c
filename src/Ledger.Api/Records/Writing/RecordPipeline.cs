using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Core.Records;
using Ledger.Data.Records;

namespace Ledger.Api.Records.Writing;

/// <summary>
/// The way into the group commit for every record: prepare (parsed once, sealed or with its keys opened) → validate
/// (schema and cross-field rules on the request thread; stateful rules in the commit) → commit. Submissions arrive
/// prepared by <see cref="EnvelopeBuilder"/>; the service's own records (access trail, erasure, revocation) come
/// through <see cref="WriteInternalAsync"/>.
/// </summary>
internal sealed class RecordPipeline(RecordProtector protector, RecordWriter writer, ProtectionKeys keys)
{
    /// <summary>
    /// Seals and signs a prepared submission (or, for one drafted to be completed in the commit, opens the keys to
    /// seal it there), then waits for its commit; the caller reads the outcome.
    /// </summary>
    public async Task<WriteResult> WriteSubmittedAsync(PreparedRecord prepared, CancellationToken ct)
    {
        var subject = RecordSubjects.SubjectOf(keys, prepared.Issuer, prepared.Definition, prepared.Payload);
        if (prepared.Sealed is { } plain)
        {
            return await writer.WriteAsync(prepared with { Sealed = await protector.ProtectAsync(plain, ct), SubjectDigest = subject }, ct);
        }
        using var seal = await protector.OpenSealAsync(prepared.Definition, prepared.Issuer, prepared.Payload, ct);
        return await writer.WriteAsync(prepared with { SealInCommit = seal, SubjectDigest = subject }, ct);
    }

    /// <summary>
    /// Seals and signs prepared records, then commits them all or none in one transaction (an EPCIS capture document's
    /// events); the caller reads the outcome, whose <see cref="WriteResult.Together"/> lists the committed rows.
    /// </summary>
    public async Task<WriteResult> WriteSubmittedTogetherAsync(IReadOnlyList<PreparedRecord> prepared, CancellationToken ct)
    {
        var ready = new List<PreparedRecord>(prepared.Count);
        foreach (var record in prepared)
        {
            ready.Add(record with
            {
                Sealed = await protector.ProtectAsync(record.Sealed!, ct),
                SubjectDigest = RecordSubjects.SubjectOf(keys, record.Issuer, record.Definition, record.Payload),
            });
        }
        return await writer.WriteTogetherAsync(ready, ct);
    }

    /// <summary>
    /// Writes a record of the service's own: its envelope is built and sealed inside the commit, after
    /// <paramref name="effects"/> assigned the fields that depend on stored state, and its rows are written in the same
    /// transaction. Returns the committed row.
    /// </summary>
    /// <param name="definition">One of the service's own types.</param>
    /// <param name="issuer">The organisation on whose behalf it is written (and whose key signs it).</param>
    /// <param name="payload">The payload, without the fields <paramref name="effects"/> assign.</param>
    /// <param name="submittedBy">The API key that caused it.</param>
    /// <param name="effects">Its checks and rows in the commit.</param>
    /// <param name="what">Names the record in errors (<c>"the erasure"</c>).</param>
    /// <param name="ct">Cancels only the wait for room in the queue.</param>
    /// <exception cref="LedgerProblem">Refused by a rule (409/422), the disk is full (507), the service is stopping (503) or the write failed (500).</exception>
    public async Task<StoredRecord> WriteInternalAsync(
        RecordTypeDefinition definition, string issuer, JsonObject payload, string submittedBy, CommitEffects? effects, string what, CancellationToken ct)
    {
        using var seal = await protector.OpenSealAsync(definition, issuer, payload, ct);
        var result = await writer.WriteAsync(new PreparedRecord
        {
            Definition = definition,
            Payload = payload,
            Issuer = issuer,
            SubmittedBy = submittedBy,
            SubjectDigest = RecordSubjects.SubjectOf(keys, issuer, definition, payload),
            SealInCommit = seal,
            Effects = effects,
        }, ct);
        return result.Outcome switch
        {
            WriteOutcome.Committed => result.Record!,
            WriteOutcome.Refused => throw LedgerProblem.Refused(result.Refusal!),
            WriteOutcome.StorageFull => throw StorageFull.Problem(what),
            WriteOutcome.ShuttingDown => throw Stopping(what),
            _ => throw new LedgerProblem(StatusCodes.Status500InternalServerError, "Not stored",
                $"{Capitalised(what)} could not be stored and nothing was saved; it is safe to retry."),
        };
    }

    /// <summary>503 for a record the writer no longer takes because the service is stopping.</summary>
    public static LedgerProblem Stopping(string what) => new(StatusCodes.Status503ServiceUnavailable, "Service stopping",
        $"The service is shutting down and did not store {what}; retry shortly.");

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
