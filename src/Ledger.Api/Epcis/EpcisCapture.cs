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
/// Runs one capture job: validates the document against GS1's EPCIS JSON Schema and checks its GS1 keys, turns every event into a
/// food-safety/epcis-event record (the event as captured, its context and its CBV 2.0 hash ID) and commits them all
/// or none. The job ends <c>success</c> with every event stored, or <c>failed</c> with nothing stored and the errors.
/// </summary>
internal sealed class EpcisCapture(EnvelopeBuilder envelopes, CapturedEventSealing sealing, RecordWriter writer, LedgerDbContext db, TimeProvider time, ILogger<EpcisCapture> log)
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
        // Each event's payload is built, checked and drafted (canonical envelope, record hash) on its own, so on every core.
        var events = document.Events;
        var prepared = new PreparedRecord[events.Count];
        var problems = new IReadOnlyList<PayloadError>?[events.Count];
        Parallel.For(0, events.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var e = events[i];
            var payload = Payload(e, context);
            var errors = FoodSafetyEpcisEvent.Definition.Validate(payload);
            if (errors.Count > 0)
            {
                problems[i] = errors;
                return;
            }
            var effects = new EpcisEventEffects(e, jobId, caller.Organisation, caller.KeyId, capturedAt);
            prepared[i] = envelopes.PrepareCaptured(FoodSafetyEpcisEvent.Definition, caller, Timestamps.Format(EpcisEventIndex.EventTime(e)), payload, effects);
        });
        var refused = events.Where(e => problems[e.Index] is not null)
            .SelectMany(e => problems[e.Index]!.Select(p => Error(e.Index, p)))
            .Distinct()
            .ToList();
        if (refused.Count > 0)
        {
            return (events.Count, refused);
        }
        if (prepared.Length == 0)
        {
            return (0, []);
        }
        // The document's location names go in with its first event, so they are stored all or nothing with the events.
        if (EpcisLocationNames.Store(EpcisMasterData.LocationNames(document.Json), caller.Organisation, jobId, capturedAt) is { } naming)
        {
            prepared[0] = prepared[0] with { Effects = CommitEffects.Both(prepared[0].Effects, naming) };
        }
        var result = await writer.WriteTogetherAsync(await sealing.SealAsync(prepared, ct), ct);
        return result.Outcome switch
        {
            WriteOutcome.Committed => (prepared.Length, []),
            WriteOutcome.Refused => (prepared.Length, [new CaptureError(null, null, "$.epcisBody.eventList", result.Refusal!.Detail)]),
            WriteOutcome.StorageFull => (prepared.Length, [new CaptureError(null, null, "$", "The disk is full; nothing was stored. Send the document again once space is freed.")]),
            _ => (prepared.Length, [new CaptureError(null, null, "$", "The events could not be stored and nothing was saved; it is safe to send the document again.")]),
        };
    }

    /// <summary>
    /// The food-safety/epcis-event payload of <paramref name="e"/>: its hash ID, type and JSON as sent, with the document's
    /// <paramref name="context"/> (<see cref="Context"/>) when it has one. Also used by the trace tests at 100,000 events.
    /// </summary>
    internal static JsonObject Payload(EpcisEvent e, string? context)
    {
        var payload = new JsonObject
        {
            ["eventHashId"] = e.HashId,
            ["eventType"] = e.Type,
            ["event"] = JsonNode.Parse(e.Json.GetRawText()),
        };
        if (context is not null)
        {
            payload["context"] = JsonNode.Parse(context);
        }
        return payload;
    }

    // A fault in the event is the event's; one in the document's @context, which every event's payload carries, is the
    // document's, and is reported once (Distinct), not once per event.
    private static CaptureError Error(int index, PayloadError problem) => problem.Field == "context" || problem.Field.StartsWith("context[", StringComparison.Ordinal)
        ? new CaptureError(null, "@context", "$['@context']", problem.Message)
        : new CaptureError(index, Field(problem.Field), $"$.epcisBody.eventList[{index}]", problem.Message);

    // The payload path "event.foo" is the event's own field "foo".
    private static string? Field(string payloadField) =>
        payloadField.StartsWith("event.", StringComparison.Ordinal) ? payloadField[6..] : payloadField.Length == 0 ? null : payloadField;

    /// <summary>The document's @context as an array's JSON text, parsed again for each event's payload.</summary>
    internal static string? Context(JsonElement root) =>
        !root.TryGetProperty("@context", out var context) ? null
        : context.ValueKind == JsonValueKind.Array ? context.GetRawText()
        : $"[{context.GetRawText()}]";
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
