using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Audit;
using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Api.Records;
using Ledger.Core.Records.Schemas.Formats;
using Ledger.Core.Records.Types.CommunityCorrection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Correction;

/// <summary>A case's evidence package for a court: a ZIP anyone can check against the chain with <c>ledger verify-package</c>.</summary>
internal static class EvidenceApi
{
    private static readonly JsonBodyLimits BodyLimits = new("evidence request", MaxBytes: 4 * 1024, MaxDepth: 4);

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder group)
    {
        group.MapPost("/cases/{caseRef}/evidence", EvidenceAsync)
            .WithName("MakeCorrectionEvidencePackage")
            .WithSummary("Make a case's evidence package for a date range: a ZIP with every record, proof, anchoring transaction, the chain check, the alerts and a guide for the court")
            .WithDescription("Body: { from, to } (yyyy-MM-dd, China Standard Time, to no later than today). The package holds the case's records from its opening to the last one dated " +
                "within the range (and on to the last revocation or correction of any of them), so its completeness chain is checked from the start. Needs X-Access-Purpose; " +
                "making it is an anchored access-trail event that commits to the manifest's SHA-256. Answers 202 with Location: fetch the package there once that event " +
                "is confirmed on chain — it then carries the event's proof, and `ledger verify-package <zip> --rpc <url>` checks it with nothing else.")
            .Accepts<EvidenceRequest>("application/json")
            .WithRequestHeader(AccessPurpose.HeaderName, AccessPurpose.Description)
            .Produces<EvidencePackageAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/cases/{caseRef}/evidence/{packageId}", FetchAsync)
            .WithName("GetCorrectionEvidencePackage")
            .WithSummary("Fetch an evidence package made earlier: the ZIP, with the proof of its anchored access-trail event inside")
            .WithDescription("Only for the credential that made it, with X-Access-Purpose; the read goes to the access trail. While the package's event is not yet " +
                "confirmed on chain the answer is a 202 problem (rule package-pending) with Retry-After; once the case's payloads were erased, 410.")
            .WithRequestHeader(AccessPurpose.HeaderName, AccessPurpose.Description)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        return group;
    }

    private static async Task<Accepted<EvidencePackageAccepted>> EvidenceAsync(
        string caseRef, HttpRequest request, ClaimsPrincipal user, CaseDirectory directory, EvidencePackage package, EvidencePackages packages,
        TimeProvider time, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadObjectAsync(request, BodyLimits, ct);
        var (from, to) = Range(body.Object, CorrectionCalendar.DayOf(time.GetUtcNow()));
        // The package event, written with the package, is this read's entry in the access trail.
        var access = await directory.ReadAsync(caseRef, user, request, ct, trailed: false);
        var made = await package.BuildAsync(access, from, to, ct);
        var id = await packages.KeepAsync(access, made, ct);
        var location = $"{CorrectionApi.LinksFor(caseRef).Evidence}/{id}";
        request.HttpContext.Response.Headers.RetryAfter = ((int)EvidencePackages.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Accepted(location, new EvidencePackageAccepted(id, made.Event.RecordHash, made.ManifestSha256, location));
    }

    private static async Task<FileContentHttpResult> FetchAsync(
        string caseRef, string packageId, HttpRequest request, ClaimsPrincipal user, CaseDirectory directory, EvidencePackages packages, AccessTrail trail,
        CancellationToken ct)
    {
        var access = await directory.ReadAsync(caseRef, user, request, ct, trailed: false);
        var zip = await packages.CompleteAsync(access, packageId, ct);
        // Handing the package out is a read of the case: in the trail, with its purpose, before the bytes leave.
        await trail.AppendBeforeAnsweringAsync(access.Caller, access.Opened, access.Purpose, ct);
        return TypedResults.File(zip, "application/zip", $"evidence-{access.Case.Id}-{packageId}.zip");
    }

    private static (DateOnly From, DateOnly To) Range(System.Text.Json.Nodes.JsonObject body, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, _) in body.Where(p => p.Key is not ("from" or "to")))
        {
            errors[name] = ["Unknown field; the body has from and to."];
        }
        var from = Day(body, "from", errors);
        var to = Day(body, "to", errors);
        if (from > to)
        {
            errors["to"] = ["Must not be before from."];
        }
        else if (to > today)
        {
            errors["to"] = [$"Must not be after today ({CorrectionCalendar.Format(today)}, China Standard Time): evidence is of what has happened."];
        }
        return errors.Count > 0 ? throw LedgerProblem.Invalid("The evidence request is invalid", errors) : (from!.Value, to!.Value);
    }

    private static DateOnly? Day(System.Text.Json.Nodes.JsonObject body, string name, Dictionary<string, string[]> errors)
    {
        var text = RequestFields.Text(body, name, 10, required: true, errors);
        if (text is not null && CalendarDate.Problem(text) is { } problem)
        {
            errors[name] = [$"{char.ToUpperInvariant(problem[0])}{problem[1..]}."];
            return null;
        }
        return text is null ? null : CorrectionCalendar.Parse(text);
    }
}
