using System.Security.Claims;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records.Idempotency;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records;

/// <summary>Submitting records and reading them back (API key required).</summary>
internal static class RecordsApi
{
    public static RouteGroupBuilder MapRecordsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/records")
            .WithTags("Records")
            .RequireAuthorization();

        group.MapPost("/", SubmitAsync)
            .WithName("SubmitRecord")
            .WithSummary("Submit a record for anchoring")
            .WithDescription("Validates the record, commits to it with a salted hash, stores it durably and queues it for the next anchor batch. Keep the returned salt and hash. " +
                "Send an Idempotency-Key header to retry safely: a retry with the same key and body gets the original answer (with Idempotent-Replayed: true) and never a second record; the same key with another body is a 409.")
            .Accepts<SubmitRecordRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetRecord")
            .WithSummary("Read a stored record and the exact envelope that was hashed")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Accepted<RecordAccepted>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, RecordIngest ingest, IOptions<IngestOptions> options, CancellationToken ct)
    {
        // Read raw rather than bound, so an empty or repeated header is refused instead of passing as "no key".
        var key = IdempotencyKeyHeader.Validate(request.Headers[IdempotencyKeyHeader.Name]);
        var limits = options.Value;
        var body = await JsonBodyReader.ReadObjectAsync(request, limits.MaxBodyBytes, limits.MaxJsonDepth, ct);
        var submission = RecordRequestParser.Parse(body.Object);
        var receipt = await ingest.SubmitAsync(submission, Caller.From(user), IdempotentRequest.For(key, body.Canonical), ct);
        if (receipt.Replayed)
        {
            request.HttpContext.Response.Headers[IdempotencyKeyHeader.ReplayedName] = "true";
        }
        var record = receipt.Record;
        var links = LinksFor(record);
        var salt = JsonNode.Parse(record.EnvelopeJson)!["salt"]!.GetValue<string>();
        // Always "pending": that is what acceptance says, and a replay repeats the original answer word for word.
        // The record's current status is one GET away (links.verify).
        return TypedResults.Accepted(links.Self, new RecordAccepted(
            record.Id, record.RecordHash, salt, RecordStatus.Pending,
            DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs), links));
    }

    private static async Task<Ok<RecordView>> GetAsync(string id, ClaimsPrincipal user, LedgerDbContext db, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw LedgerProblem.NotFound("No record has that id.");
        var caller = Caller.From(user);
        if (!RecordAccessPolicy.CanRead(caller, record))
        {
            throw LedgerProblem.Forbidden("Your role may not read records of this domain.");
        }
        return TypedResults.Ok(new RecordView(
            record.Id, record.Domain, record.Type, record.Level, record.Issuer, record.OccurredAt,
            DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs), record.RecordHash, record.Status,
            JsonNode.Parse(record.EnvelopeJson)!.AsObject(), LinksFor(record)));
    }

    internal static RecordLinks LinksFor(StoredRecord record) => new(
        $"/api/v1/records/{record.Id}",
        $"/api/v1/verify/{record.RecordHash}",
        $"/api/v1/proofs/{record.RecordHash}");
}
