using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Epcis;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.FoodSafety.EpcisEvent;
using Ledger.Data;

namespace Ledger.Api.Epcis;

/// <summary>One problem with a captured document, as a capture job reports it: the event index (null for the document) and field.</summary>
public sealed record CaptureError(int? EventIndex, string? Field, string Path, string Message);

/// <summary>
/// Runs one capture job: validates the document against GS1's EPCIS JSON Schema, turns every event into a
/// food-safety/epcis-event record (the event as captured, its context and its CBV 2.0 hash ID) and commits them all
/// or none. The job ends <c>success</c> with every event stored, or <c>failed</c> with nothing stored and the errors.
/// </summary>
internal sealed class EpcisCapture(EnvelopeBuilder envelopes, RecordPipeline pipeline, LedgerDbContext db, TimeProvider time, ILogger<EpcisCapture> log)
{
    /// <summary>Captures <paramref name="document"/> for <paramref name="caller"/> under job <paramref name="jobId"/>, then records the job's end.</summary>
    public async Task RunAsync(string jobId, ReadOnlyMemory<byte> document, Caller caller, CancellationToken ct)
    {
        var (count, errors) = await CaptureAsync(jobId, document, caller, ct);
        var job = await db.EpcisCaptureJobs.FindAsync([jobId], ct) ?? throw new InvalidOperationException($"Capture job {jobId} vanished.");
        job.Status = errors.Count == 0 ? CaptureStatus.Success : CaptureStatus.Failed;
        job.EventCount = count;
        job.FinishedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        job.ErrorsJson = errors.Count == 0 ? null : JsonSerializer.Serialize(errors, EpcisJson.Options);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Capture job {JobId} ended {Status}: {Count} events, {Errors} errors.", jobId, job.Status, count, errors.Count);
    }

    private async Task<(int Count, IReadOnlyList<CaptureError> Errors)> CaptureAsync(string jobId, ReadOnlyMemory<byte> utf8, Caller caller, CancellationToken ct)
    {
        var parsed = EpcisDocument.Parse(utf8);
        if (!parsed.IsValid)
        {
            return (0, [.. parsed.Errors.Select(e => new CaptureError(e.EventIndex, e.Field, e.Path, e.Message))]);
        }
        using var document = parsed.Document!;
        var context = Context(document.Json);
        var capturedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var prepared = new List<PreparedRecord>(document.Events.Count);
        var errors = new List<CaptureError>();
        foreach (var e in document.Events)
        {
            var payload = new JsonObject
            {
                ["eventHashId"] = e.HashId,
                ["eventType"] = e.Type,
                ["event"] = JsonNode.Parse(e.Json.GetRawText()),
            };
            if (context is not null)
            {
                payload["context"] = context.DeepClone();
            }
            var problems = FoodSafetyEpcisEvent.Definition.Validate(payload);
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => new CaptureError(e.Index, Field(p.Field), $"$.epcisBody.eventList[{e.Index}]", p.Message)));
                continue;
            }
            var effects = new EpcisEventEffects(e, jobId, caller.Organisation, caller.KeyId, capturedAt);
            prepared.Add(envelopes.PrepareCaptured(FoodSafetyEpcisEvent.Definition, caller, Timestamps.Format(EpcisEventIndex.EventTime(e)), payload, effects));
        }
        if (errors.Count > 0)
        {
            return (document.Events.Count, errors);
        }
        if (prepared.Count == 0)
        {
            return (0, []);
        }
        var result = await pipeline.WriteSubmittedTogetherAsync(prepared, ct);
        return result.Outcome switch
        {
            WriteOutcome.Committed => (prepared.Count, []),
            WriteOutcome.Refused => (prepared.Count, [new CaptureError(null, null, "$.epcisBody.eventList", result.Refusal!.Detail)]),
            WriteOutcome.StorageFull => (prepared.Count, [new CaptureError(null, null, "$", "The disk is full; nothing was stored. Send the document again once space is freed.")]),
            _ => (prepared.Count, [new CaptureError(null, null, "$", "The events could not be stored and nothing was saved; it is safe to send the document again.")]),
        };
    }

    // The payload path "event.foo" is the event's own field "foo".
    private static string? Field(string payloadField) =>
        payloadField.StartsWith("event.", StringComparison.Ordinal) ? payloadField[6..] : payloadField.Length == 0 ? null : payloadField;

    private static JsonArray? Context(JsonElement root) =>
        !root.TryGetProperty("@context", out var context) ? null
        : context.ValueKind == JsonValueKind.Array ? (JsonArray)JsonNode.Parse(context.GetRawText())!
        : new JsonArray(JsonNode.Parse(context.GetRawText()));
}

/// <summary>The states of a capture job.</summary>
public static class CaptureStatus
{
    public const string Running = "running";
    public const string Success = "success";
    public const string Failed = "failed";
}

/// <summary>How capture jobs and query documents are written.</summary>
internal static class EpcisJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
