using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Api.Records.Idempotency;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.CommunityCorrection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Correction;

/// <summary>
/// Community-correction cases for the staff of their jurisdiction: open one, read it, its compliance alerts and the
/// alerts of the whole jurisdiction, and its evidence package for a court. Every case is L4: reading needs a stated
/// purpose, every read is in the access trail, and another jurisdiction's case is a 404 like one that does not exist.
/// The case's other records (check-ins, approvals, …) are submitted with <c>POST /api/v1/records</c>, which links each
/// into its case's completeness chain.
/// </summary>
internal static class CorrectionApi
{
    public static RouteGroupBuilder MapCorrectionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/correction")
            .WithTags("Community correction")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/cases", OpenAsync)
            .WithName("OpenCorrectionCase")
            .WithSummary("Open a community-correction case in your jurisdiction: an anchored case-opened record, the first of the case's chain")
            .WithDescription("The body is { occurredAt?, payload: the community-correction/case-opened payload, identity? }. The case reference (payload.subjectRef) " +
                "names one case in the jurisdiction, open or closed (409 otherwise). Identity fields, if sent, are sealed beside the case, never put in a record, " +
                "and shown only to the jurisdiction's correction officers and bureau approvers. Send an Idempotency-Key header to retry safely.")
            .Accepts<OpenCaseRequest>("application/json")
            .WithRequestHeader(IdempotencyKeyHeader.Name, IdempotencyKeyHeader.Description)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);

        group.MapGet("/cases/{caseRef}", ReadAsync)
            .WithName("GetCorrectionCase")
            .WithSummary("Read a case: its status, its records in chain order with their payloads, and the check of its completeness chain")
            .WithDescription("For the case's jurisdiction: correction officers, bureau approvers and auditors, with a purpose in X-Access-Purpose; the read goes to the access trail first.")
            .WithRequestHeader(AccessPurpose.HeaderName, AccessPurpose.Description)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/cases/{caseRef}/alerts", CaseAlertsAsync)
            .WithName("GetCorrectionCaseAlerts")
            .WithSummary("A case's compliance alerts as of a day or instant, each with its kind, day or slot, and the records that prove it")
            .WithDescription(AsOfDescription)
            .WithRequestHeader(AccessPurpose.HeaderName, AccessPurpose.Description)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        group.MapGet("/alerts", JurisdictionAlertsAsync)
            .WithName("ListCorrectionAlerts")
            .WithSummary("The compliance alerts of every open case of your jurisdiction (areaCode, default your own), optionally of one officer (officerRef)")
            .WithDescription(AsOfDescription + " Another jurisdiction's area code is a 404.")
            .WithRequestHeader(AccessPurpose.HeaderName, AccessPurpose.Description)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapEvidenceApi();
        return group;
    }

    private const string AsOfDescription =
        "Query: asOf = a day (yyyy-MM-dd: its start, China Standard Time) or an RFC 3339 instant; now when left out. Duties of days over by then, and records made before it, are judged.";

    private static async Task<Created<CaseOpenedResult>> OpenAsync(
        HttpRequest request, ClaimsPrincipal user, RecordIngest ingest, CaseIdentities identities, IOptions<IngestOptions> options, TimeProvider time, CancellationToken ct)
    {
        var key = IdempotencyKeyHeader.Validate(request.Headers[IdempotencyKeyHeader.Name]);
        var limits = options.Value;
        var body = await JsonBodyReader.ReadObjectAsync(request, new JsonBodyLimits("case", limits.MaxBodyBytes, limits.MaxJsonDepth), ct);
        var ask = OpenCaseRequestParser.Parse(body.Object);
        var submission = new SubmitRecordRequest(RecordDomains.CommunityCorrection, CaseTypes.Opened,
            ask.OccurredAt ?? Timestamps.Format(time.GetUtcNow()), ask.Payload);
        var receipt = await ingest.SubmitAsync(submission, Caller.From(user), IdempotentRequest.For(key, body.Canonical), request, ct);
        if (receipt.Replayed)
        {
            request.HttpContext.Response.Headers[IdempotencyKeyHeader.ReplayedName] = "true";
        }
        else if (ask.Identity is { } identity)
        {
            await identities.KeepAsync(receipt.Record, identity, ct);
        }
        var record = receipt.Record;
        var links = LinksFor(CorrectionPayloads.CaseRefOf(ask.Payload));
        return TypedResults.Created(links.Self, new CaseOpenedResult(record.Id, receipt.Accepted(), links));
    }

    private static async Task<Ok<CaseView>> ReadAsync(
        string caseRef, HttpRequest request, ClaimsPrincipal user, CaseDirectory directory, CaseFileReader reader, CaseIdentities identities, CancellationToken ct)
    {
        var access = await directory.ReadAsync(caseRef, user, request, ct);
        var records = await reader.ReadAsync(access.Case.Id, ct);
        return TypedResults.Ok(CaseViews.Of(access, records, await identities.OpenAsync(access.Case, access.Caller, ct)));
    }

    private static async Task<Ok<CaseAlerts>> CaseAlertsAsync(
        string caseRef, string? asOf, HttpRequest request, ClaimsPrincipal user, CaseDirectory directory, CaseFileReader reader, TimeProvider time, CancellationToken ct)
    {
        var instant = AsOf.Parse(asOf, time);
        var access = await directory.ReadAsync(caseRef, user, request, ct);
        if (access.Case.ErasedAtMs is not null)
        {
            throw new LedgerProblem(StatusCodes.Status410Gone, "Case erased",
                "This case was closed and its payloads erased when its retention ran out; its hashes and chain remain, but its alerts can no longer be computed.");
        }
        var file = CaseFileReader.ToCaseFile(caseRef, await reader.ReadAsync(access.Case.Id, ct));
        return TypedResults.Ok(new CaseAlerts(caseRef, instant, CaseViews.Alerts(file, instant, withCaseRef: false)));
    }

    private static async Task<Ok<JurisdictionAlerts>> JurisdictionAlertsAsync(
        string? areaCode, string? officerRef, string? asOf, HttpRequest request, ClaimsPrincipal user, CaseDirectory directory, CaseFileReader reader,
        TimeProvider time, CancellationToken ct)
    {
        var instant = AsOf.Parse(asOf, time);
        var caller = Caller.From(user);
        var area = areaCode ?? caller.Jurisdiction ?? throw LedgerProblem.NotFound(CaseDirectory.NotFoundDetail);
        var alerts = new List<AlertView>();
        var judged = 0;
        // Cases closed by then are history, and not read at all.
        var judgedAt = instant.ToUnixTimeMilliseconds();
        var open = await directory.ReadJurisdictionAsync(area, caller, AccessPurpose.Read(request), c => c.ClosedAtMs is not { } closed || closed > judgedAt, ct);
        foreach (var (correctionCase, _) in open)
        {
            var records = await reader.ReadAsync(correctionCase.Id, ct);
            var opened = records[0].Envelope?[EnvelopeFields.Payload]?.AsObject();
            if (opened is null || (officerRef is not null && !CaseViews.IsSupervisedBy(records, officerRef)))
            {
                continue;
            }
            judged++;
            alerts.AddRange(CaseViews.Alerts(CaseFileReader.ToCaseFile(CorrectionPayloads.CaseRefOf(opened), records), instant, withCaseRef: true));
        }
        return TypedResults.Ok(new JurisdictionAlerts(area, instant, judged, alerts));
    }

    internal static CaseLinks LinksFor(string caseRef)
    {
        var self = $"/api/v1/correction/cases/{Uri.EscapeDataString(caseRef)}";
        return new CaseLinks(self, $"{self}/alerts", $"{self}/evidence");
    }
}
