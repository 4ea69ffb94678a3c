using System.Security.Claims;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records.Idempotency;
using Ledger.Core.Canonical;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ledger.Api.Records.Batch;

/// <summary>
/// Submits a batch's records one by one through <see cref="RecordIngest"/> — the same checks, access policy, signature,
/// sealing, idempotency and group commit as a single submission — many at a time, so that they share commits. Each
/// record gets its own answer; one record's refusal never stops the others.
/// </summary>
internal sealed class RecordBatchIngest(IServiceScopeFactory scopes, IOptions<IngestOptions> options, ILogger<RecordBatchIngest> log)
{
    /// <summary>Stores what it can of the batch and says, per record, what became of it.</summary>
    public async Task<BatchAccepted> SubmitAsync(JsonArray records, ClaimsPrincipal user, HttpRequest http, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var used = await UsedKeysAsync(records, caller, ct);
        var results = new BatchResult[records.Count];
        // As many in flight as one group commit takes, so a batch alone can fill a commit.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxRecordsPerCommit, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Count), parallel, async (index, token) =>
            results[index] = await SubmitOneAsync(index, records[index], caller, used, http, token));
        var accepted = results.Count(r => r.Accepted is not null);
        return new BatchAccepted(results, new BatchSummary(accepted, results.Length - accepted));
    }

    // The batch's keys this caller has used before, in one query rather than one per record (a resumed import sends
    // 500 keys a request, nearly all new). Malformed keys are left to each item's own check.
    private async Task<HashSet<string>> UsedKeysAsync(JsonArray records, Caller caller, CancellationToken ct)
    {
        var keys = records.OfType<JsonObject>()
            .Select(item => item["idempotencyKey"] is JsonValue value && value.TryGetValue<string>(out var key) ? key : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdempotencyLookup>().UsedAsync(caller.KeyId, keys, ct);
    }

    private async Task<BatchResult> SubmitOneAsync(int index, JsonNode? item, Caller caller, HashSet<string> used, HttpRequest http, CancellationToken ct)
    {
        try
        {
            var (key, record) = Unwrap(item);
            var canonical = Canonical(record);
            var submission = RecordRequestParser.Parse(record);
            await using var scope = scopes.CreateAsyncScope();
            var ingest = scope.ServiceProvider.GetRequiredService<RecordIngest>();
            var idempotent = IdempotentRequest.For(key, canonical) is { } request
                ? request with { KnownUnused = !used.Contains(request.Key) }
                : null;
            var receipt = await ingest.SubmitAsync(submission, caller, idempotent, http, ct);
            return new BatchResult(index, StatusCodes.Status202Accepted, receipt.Replayed, receipt.Accepted(), null);
        }
        catch (LedgerProblem problem)
        {
            return Refused(index, problem);
        }
        catch (Exception e) when (StorageFull.IsCause(e))
        {
            return Refused(index, StorageFull.Problem("the record"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Ours to fix, so logged with its trace; the caller learns only that this record is not stored.
            log.LogError(e, "A record of a batch could not be stored.");
            return Refused(index, new LedgerProblem(StatusCodes.Status500InternalServerError, "Record not stored",
                "The record could not be stored and nothing was saved for it; it is safe to retry with its idempotency key."));
        }
    }

    private static (string? Key, JsonObject Record) Unwrap(JsonNode? item)
    {
        if (item is not JsonObject obj)
        {
            throw LedgerProblem.Invalid("record", "Each item must be an object: { \"idempotencyKey\": \"…\", \"record\": { … } }.");
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in obj)
        {
            if (name is not ("idempotencyKey" or "record"))
            {
                errors[name] = ["Unknown field; an item has idempotencyKey and record."];
            }
        }
        string? key = null;
        if (obj["idempotencyKey"] is { } keyNode)
        {
            if (keyNode.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                try
                {
                    key = IdempotencyKeyHeader.Validate(new StringValues(keyNode.GetValue<string>()));
                }
                catch (LedgerProblem bad)
                {
                    errors["idempotencyKey"] = bad.Errors!.Values.Single();
                }
            }
            else
            {
                errors["idempotencyKey"] = ["Must be a string."];
            }
        }
        if (obj["record"] is not JsonObject record)
        {
            errors["record"] = [obj.ContainsKey("record") ? "Must be a JSON object." : "Required."];
            throw LedgerProblem.Invalid(errors);
        }
        return errors.Count > 0 ? throw LedgerProblem.Invalid(errors) : (key, record);
    }

    // The request fingerprint of a single submission of the same record, so a key means the same either way.
    private byte[] Canonical(JsonObject record)
    {
        var canonical = JsonCanonicalizer.Canonicalize(record);
        var max = options.Value.MaxBodyBytes;
        return canonical.Length <= max ? canonical : throw new LedgerProblem(StatusCodes.Status413PayloadTooLarge, "Record too large",
            $"A record may be at most {max} bytes ({IngestOptions.Section}:{nameof(IngestOptions.MaxBodyBytes)}), in its canonical form.");
    }

    // Always the validation form, so that a field's errors survive serialisation (they would not through the base
    // type); "errors" is empty unless a field is wrong.
    private static BatchResult Refused(int index, LedgerProblem problem)
    {
        var details = new HttpValidationProblemDetails(problem.Errors ?? new Dictionary<string, string[]>())
        {
            Status = problem.Status,
            Title = problem.Title,
            Detail = problem.Message,
        };
        if (problem.Rule is not null)
        {
            details.Extensions["rule"] = problem.Rule;
        }
        return new(index, problem.Status, false, null, details);
    }
}
