using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Api.Hosting;
using Ledger.Api.Problems;
using Ledger.Api.Access;
using Ledger.Api.Paging;
using Ledger.Core.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.RecordTypes;

/// <summary>
/// The published record types and their JSON Schemas, for anyone, rate-limited like verification: a client builds and
/// checks a submission from them, and an auditor reads an old record under the schema it was written with.
/// </summary>
internal static class RecordTypesApi
{
    /// <summary>The media type of a JSON Schema document.</summary>
    public const string SchemaMediaType = "application/schema+json";

    public static RouteGroupBuilder MapRecordTypesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/record-types")
            .WithTags("Record types")
            .AllowAnonymous()
            .RequirePublicRateLimit()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("", List)
            .WithName("ListRecordTypes")
            .WithSummary("List the record types staff submit: domain, type, versions, data level, summary, who submits them and where their JSON Schemas are")
            .WithDescription(PageRequest.Description)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithETag();

        group.MapGet("/{domain}/{type}/schema", Schema)
            .WithName("GetRecordTypeSchema")
            .WithSummary("The JSON Schema (2020-12) of a record type's payload: the current version, or ?version=N")
            .WithDescription("Query: version = a version of the type (a whole number from 1); without it, the version new records are written under.")
            .Produces<JsonObject>(StatusCodes.Status200OK, SchemaMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    // The catalog is in memory; "domain/type" orders it and is the cursor's key.
    private static Ok<RecordTypeCatalogView> List(string? cursor, string? limit)
    {
        var (types, page) = Pages.Cut(RecordTypeCatalog.Default.Submittable, t => t.Name, PageRequest.Parse(cursor, limit));
        return TypedResults.Ok(new RecordTypeCatalogView(
            [.. types.Select(t => new RecordTypeView(
                t.Domain, t.Type, t.Current.Number, (int)t.Level, t.Summary, PermissionTable.Default.SubmittersOf(t), SchemaPath(t, null),
                [.. t.Versions.Select(v => new RecordTypeVersionView(v.Number, SchemaPath(t, v.Number)))]))],
            page));
    }

    private static ContentHttpResult Schema(string domain, string type, string? version)
    {
        if (!RecordTypeCatalog.Default.TryGetSubmittable(domain, type, out var definition))
        {
            throw LedgerProblem.NotFound("No record type of that domain and type is published here; GET /api/v1/record-types lists them.");
        }
        var found = definition.Current;
        if (version is not null)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw LedgerProblem.InvalidQuery("version", "must be a whole number from 1.");
            }
            if (!definition.TryGetVersion(number, out found))
            {
                throw LedgerProblem.NotFound($"{definition.Name} has no version {number}; it has versions 1 to {definition.Versions.Count}.");
            }
        }
        // The file as shipped, byte for byte: what a client validates against is what the service validates against.
        return TypedResults.Text(found.Schema.Text, SchemaMediaType, System.Text.Encoding.UTF8);
    }

    internal static string SchemaPath(RecordTypeDefinition type, int? version) =>
        $"/api/v1/record-types/{type.Domain}/{type.Type}/schema" + (version is { } v ? $"?version={v}" : "");
}
