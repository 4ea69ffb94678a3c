using System.Security.Claims;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Types.FoodSafety.EpcisEvent;
using Ledger.Data;
using Ledger.Data.Epcis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Epcis;

/// <summary>A capture job as <c>GET /epcis/capture/{id}</c> reports it.</summary>
/// <param name="CaptureId">The job's id.</param>
/// <param name="Running">True while the document is being validated and stored.</param>
/// <param name="Success">True once every event is stored; false while running or when the document was refused.</param>
/// <param name="Status"><c>running</c>, <c>success</c> or <c>failed</c>.</param>
/// <param name="CaptureErrorBehaviour">Always <c>rollback</c>: a document is stored all or nothing.</param>
/// <param name="CreatedAt">When the document was posted.</param>
/// <param name="FinishedAt">When the job ended; null while running.</param>
/// <param name="EventCount">How many events the document holds (stored, on success).</param>
/// <param name="Errors">Why the document was refused (nothing of it is stored), each naming the event index and field.</param>
/// <param name="Events">The stored events in document order: hash ID, record hash and where to verify it.</param>
public sealed record CaptureJobView(string CaptureId, bool Running, bool Success, string Status, string CaptureErrorBehaviour,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, int EventCount, JsonElement? Errors, IReadOnlyList<CapturedEvent>? Events);

/// <summary>One stored event of a capture job.</summary>
public sealed record CapturedEvent(string EventHashId, string? EventId, string RecordHash, string Verify);

/// <summary>EPCIS 2.0 capture (the GS1 REST binding): post a document, then follow its capture job.</summary>
internal static class EpcisCaptureApi
{
    private const string JobNotFound = "No capture job of your organisation has that id.";

    public static RouteGroupBuilder MapEpcisCaptureApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/epcis/capture").WithTags("EPCIS").RequireAuthorization();

        group.MapPost("/", CaptureAsync)
            .WithName("CaptureEpcisDocument")
            .WithSummary("Capture an EPCIS 2.0 document (JSON or JSON-LD, up to 10,000 events) as anchored records")
            .WithDescription("For food-enterprise and inspector keys. Answers 202 with the Location of a capture job at once; the job validates " +
                "the document against GS1's EPCIS JSON Schema, refuses identifiers that claim to be GS1 keys and are malformed (a digit count, a " +
                "check digit, an unknown scheme), and stores every event as a food-safety/epcis-event record with its CBV 2.0 " +
                "event hash ID, all or nothing. Error declarations revoke the events they correct.")
            .Accepts<JsonElement>("application/json", "application/ld+json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/{captureId}", GetJobAsync)
            .WithName("GetEpcisCaptureJob")
            .WithSummary("Follow a capture job: running, success (with every event's record hash) or failed (with per-event errors)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Accepted<CaptureJobView>> CaptureAsync(
        HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, EpcisCaptureQueue queue, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(user);
        if (!FoodSafetyEpcisEvent.CapturedBy.Contains(caller.Role))
        {
            throw LedgerProblem.Forbidden($"Only {string.Join(" and ", FoodSafetyEpcisEvent.CapturedBy)} keys capture EPCIS documents.");
        }
        if (request.ContentType is not { } type || !(type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase)))
        {
            throw new LedgerProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the EPCIS document as application/json or application/ld+json.");
        }
        var document = await ReadBodyAsync(request, EpcisLimits.Default.MaxBytes, ct);
        var job = new EpcisCaptureJob
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()).ToString(),
            Status = CaptureStatus.Running,
            Organisation = caller.Organisation,
            SubmittedBy = caller.KeyId,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.EpcisCaptureJobs.Add(job);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(new CaptureWork(job.Id, document, caller), ct);
        return TypedResults.Accepted($"/epcis/capture/{job.Id}", View(job, null));
    }

    private static async Task<Ok<CaptureJobView>> GetJobAsync(string captureId, ClaimsPrincipal user, LedgerDbContext db, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var job = await db.EpcisCaptureJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == captureId, ct);
        if (job is null || job.Organisation != caller.Organisation)
        {
            throw LedgerProblem.NotFound(JobNotFound);
        }
        var events = job.Status != CaptureStatus.Success ? null : await db.EpcisEvents.AsNoTracking()
            .Where(e => e.CaptureId == job.Id)
            .OrderBy(e => e.RecordId)
            .Join(db.Records, e => e.RecordId, r => r.Id, (e, r) => new { e.EventHashId, e.EventId, r.RecordHash })
            .ToListAsync(ct);
        return TypedResults.Ok(View(job, events?.Select(e => new CapturedEvent(e.EventHashId, e.EventId, e.RecordHash, $"/api/v1/verify/{e.RecordHash}")).ToList()));
    }

    private static CaptureJobView View(EpcisCaptureJob job, IReadOnlyList<CapturedEvent>? events) => new(
        job.Id, job.Status == CaptureStatus.Running, job.Status == CaptureStatus.Success, job.Status, "rollback",
        DateTimeOffset.FromUnixTimeMilliseconds(job.CreatedAtMs),
        job.FinishedAtMs is { } finished ? DateTimeOffset.FromUnixTimeMilliseconds(finished) : null,
        job.EventCount, job.ErrorsJson is { } errors ? JsonDocument.Parse(errors).RootElement.Clone() : null, events);

    // The service's body limit is for records; a capture document may be up to 32 MiB, read with a bound of its own.
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + 1L;
        }
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static LedgerProblem TooLarge(int maxBytes) => new(StatusCodes.Status413PayloadTooLarge, "Document too large",
        $"An EPCIS capture document may be at most {maxBytes / (1024 * 1024)} MiB; split it into several documents.");
}
