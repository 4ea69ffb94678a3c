using System.Security.Claims;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Hosting;
using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Api.Records.Idempotency;
using Ledger.Api.Verification;
using Ledger.Core.Records;
using Ledger.Data;
using Ledger.Data.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records;

/// <summary>Submitting records and reading them back (API key required).</summary>
internal static class RecordsApi
{
    private const string NotFoundDetail = "No record has that id.";

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
            .WithRequestHeader(IdempotencyKeyHeader.Name, IdempotencyKeyHeader.Description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);

        group.MapGet("/{id}", GetAsync)
            .WithName("GetRecord")
            .WithSummary("Read a stored record and the exact envelope that was hashed")
            .WithDescription("Asks the access policy (role, domain, level, jurisdiction). L4 records need a stated purpose in X-Access-Purpose. " +
                "Every read of an L2+ payload is written to the access trail before the answer is sent. An erased record is a 410.")
            .WithRequestHeader(AccessPurpose.HeaderName, AccessPurpose.Description)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        return group;
    }

    private static async Task<Accepted<RecordAccepted>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, RecordIngest ingest, IOptions<IngestOptions> options, CancellationToken ct)
    {
        // Read raw rather than bound, so an empty or repeated header is refused instead of passing as "no key".
        var key = IdempotencyKeyHeader.Validate(request.Headers[IdempotencyKeyHeader.Name]);
        var limits = options.Value;
        var body = await JsonBodyReader.ReadObjectAsync(request, new JsonBodyLimits("record", limits.MaxBodyBytes, limits.MaxJsonDepth,
            $"{IngestOptions.Section}:{nameof(IngestOptions.MaxBodyBytes)}", $"{IngestOptions.Section}:{nameof(IngestOptions.MaxJsonDepth)}"), ct);
        var submission = RecordRequestParser.Parse(body.Object);
        var receipt = await ingest.SubmitAsync(submission, Caller.From(user), IdempotentRequest.For(key, body.Canonical), request, ct);
        if (receipt.Replayed)
        {
            request.HttpContext.Response.Headers[IdempotencyKeyHeader.ReplayedName] = "true";
        }
        var accepted = receipt.Accepted();
        return TypedResults.Accepted(accepted.Links.Self, accepted);
    }

    private static async Task<Ok<RecordView>> GetAsync(
        string id, HttpRequest request, ClaimsPrincipal user, LedgerDbContext db, IAccessPolicy policy, IRecordFactsReader facts,
        EnvelopeVault vault, AccessTrail trail, CancellationToken ct)
    {
        var caller = Caller.FromOrNull(user);
        var (record, purpose) = await RecordLookup.LoadAllowedAsync(id, LedgerAction.ReadRecord, caller, request, db, facts, policy, NotFoundDetail, ct);
        var envelope = await vault.OpenAsync(record, ct) ?? throw RecordGone.Problem(record);
        if (record.Level > 1)
        {
            await trail.AppendBeforeAnsweringAsync(caller!, record, purpose, ct);
        }
        var json = JsonNode.Parse(envelope)!.AsObject();
        var standing = await RecordStanding.OfAsync(record, db, ct);
        return TypedResults.Ok(new RecordView(
            record.Id, record.Domain, record.Type, RecordEnvelope.TypeVersionOf(json), record.Level, record.Issuer, record.OccurredAt,
            DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs), record.RecordHash, standing.Status,
            json, IssuerSections.Of(record), LinksFor(record), standing.Revocation, standing.Supersession));
    }

    internal static RecordLinks LinksFor(StoredRecord record) => new(
        $"/api/v1/records/{record.Id}",
        $"/api/v1/verify/{record.RecordHash}",
        $"/api/v1/proofs/{record.RecordHash}");
}
