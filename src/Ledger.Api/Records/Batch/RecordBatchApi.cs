using System.Security.Claims;
using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records.Batch;

/// <summary>Submitting many records in one request (bulk import; API key required).</summary>
internal static class RecordBatchApi
{
    public static RouteGroupBuilder MapRecordBatchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/records")
            .WithTags("Records")
            .RequireAuthorization();

        group.MapPost("/batch", SubmitAsync)
            .WithName("SubmitRecordBatch")
            .WithSummary("Submit up to 1,000 records in one request")
            .WithDescription("Each record is checked, committed and answered exactly as POST /api/v1/records would (access policy, signature, " +
                "encryption for L2+, idempotency), on its own: one refused record never stops the others. The answer is 200 with one result per " +
                "record, in order: status 202 with what a single submission returns (keep the salt), or the status and RFC 9457 problem a single " +
                "submission would get. Give each record an idempotencyKey to send a batch again safely after a failure: stored records are " +
                "answered from the first time (replayed: true) and never stored twice. `ledger import` sends JSON-lines files this way.")
            .Accepts<SubmitBatchRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return group;
    }

    private static async Task<Ok<BatchAccepted>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, RecordBatchIngest batch, IOptions<IngestOptions> options, CancellationToken ct)
    {
        // The server's own cap is sized for one record; a batch may be larger, and the reader applies the exact limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = RecordBatchLimits.MaxBodyBytes;
        }
        var body = await JsonBodyReader.ReadObjectAsync(request, new JsonBodyLimits(
            "batch", RecordBatchLimits.MaxBodyBytes, options.Value.MaxJsonDepth + RecordBatchLimits.EnvelopeDepth), ct);
        return TypedResults.Ok(await batch.SubmitAsync(RecordsOf(body.Object), user, request, ct));
    }

    private static JsonArray RecordsOf(JsonObject body)
    {
        var unknown = body.Select(p => p.Key).Where(name => name != "records").ToList();
        if (unknown.Count > 0)
        {
            throw LedgerProblem.Invalid("The batch is invalid", unknown.ToDictionary(name => name, _ => new[] { "Unknown field; a batch has only records." }));
        }
        if (body["records"] is not JsonArray records || records.Count == 0)
        {
            throw LedgerProblem.Invalid("The batch is invalid", new Dictionary<string, string[]>
            {
                ["records"] = ["Required: an array of 1 to 1000 items, each { \"idempotencyKey\": \"…\", \"record\": { … } }."],
            });
        }
        return records.Count <= RecordBatchLimits.MaxRecords ? records : throw LedgerProblem.Invalid("The batch is invalid",
            new Dictionary<string, string[]> { ["records"] = [$"At most {RecordBatchLimits.MaxRecords} records per batch; this one has {records.Count}."] });
    }
}
