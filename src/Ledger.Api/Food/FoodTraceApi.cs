using System.Security.Claims;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Core.Records;
using Ledger.Core.Records.Types.FoodSafety.EpcisEvent;
using Ledger.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.Api.Food;

/// <summary>The answer of a trace.</summary>
/// <param name="Root">The traced identifier, canonical (a GS1 Digital Link URI).</param>
/// <param name="Direction"><c>backward</c> (every upstream source) or <c>forward</c> (every downstream place).</param>
/// <param name="Lots">Every identifier reached: lots, classes and instances, canonical.</param>
/// <param name="Locations">Business locations of the events shown.</param>
/// <param name="Events">The events the caller may read, in event-time order.</param>
/// <param name="WithheldEvents">Events of the trace from organisations whose records the caller may not read.</param>
/// <param name="DepthLimited">True when the depth limit stopped the walk before its end.</param>
/// <param name="FailedTests">Failed rapid tests of lots in the trace.</param>
public sealed record TraceView(string Root, string Direction, IReadOnlyList<string> Lots, IReadOnlyList<string> Locations,
    IReadOnlyList<TracedEvent> Events, int WithheldEvents, bool DepthLimited, IReadOnlyList<FailedTest> FailedTests);

/// <summary>Trace and recall over captured EPCIS events (staff who read food-safety events: inspectors, enterprises, auditors).</summary>
internal static class FoodTraceApi
{
    /// <summary>How many links a trace follows when the caller names no depth, and at most.</summary>
    public const int DefaultDepth = 32;
    public const int MaxDepth = 256;

    public static RouteGroupBuilder MapFoodTraceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/food").WithTags("Food safety").RequireAuthorization();
        group.MapGet("/trace", TraceAsync)
            .WithName("TraceFood")
            .WithSummary("Trace a product instance or lot (EPC URN or GS1 Digital Link) backward to its sources or forward to every place it went")
            .WithDescription("Follows object, aggregation (parent/child), transformation (inputs ↔ outputs) and transaction events; each identifier once, " +
                "so cycles end; depth bounds the links followed (default 32, at most 256). Lists failed rapid tests on lots in the trace. Unknown id: 404.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/recall.csv", FoodRecallCsv.WriteAsync)
            .WithName("RecallCsv")
            .WithSummary("Every event of a lot's backward and forward trace as an FSMA 204-style sortable spreadsheet (UTF-8 CSV with BOM)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<TraceView>> TraceAsync(string? epc, string? direction, string? depth, ClaimsPrincipal user,
        LedgerDbContext db, IAccessPolicy policy, IRecordFactsReader facts, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var way = direction switch
        {
            "backward" => TraceDirection.Backward,
            "forward" => TraceDirection.Forward,
            _ => throw LedgerProblem.InvalidQuery("direction", "must be backward or forward."),
        };
        var graph = await WalkAsync(epc, way, ParseDepth(depth), caller, db, policy, ct);
        var (shown, withheld) = await ReadableAsync(graph.Events, caller, policy, facts, ct);
        var locations = shown.Select(e => e.BizLocation).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new TraceView(graph.Root, direction!, graph.Identifiers, locations, shown, withheld, graph.DepthLimited,
            await FoodFlags.FailedTestsAsync(db, graph.Identifiers, ct)));
    }

    /// <summary>The trace from <paramref name="epc"/>, after checking the caller reads food-safety events at all.</summary>
    internal static async Task<TraceGraph> WalkAsync(string? epc, TraceDirection direction, int depth, Caller caller,
        LedgerDbContext db, IAccessPolicy policy, CancellationToken ct)
    {
        if (!policy.Decide(caller, LedgerAction.ReadRecord, IRecordFactsReader.ForSubmission(FoodSafetyEpcisEvent.Definition, caller), null).IsAllowed)
        {
            throw LedgerProblem.Forbidden($"The role '{caller.Role}' does not read food-safety events.");
        }
        if (string.IsNullOrWhiteSpace(epc) || epc.Length > 512)
        {
            throw LedgerProblem.InvalidQuery("epc", "must be an EPC URN or a GS1 Digital Link URI of at most 512 characters.");
        }
        var trace = new FoodTrace(db);
        var root = await trace.FindAsync(epc, ct) ?? throw LedgerProblem.NotFound("No captured event names that identifier.");
        return await trace.WalkAsync(root, direction, depth, ct);
    }

    /// <summary>The events the caller may read (decided once per capturing organisation), and how many it may not.</summary>
    internal static async Task<(List<TracedEvent> Shown, int Withheld)> ReadableAsync(
        IReadOnlyList<TracedEvent> events, Caller caller, IAccessPolicy policy, IRecordFactsReader facts, CancellationToken ct)
    {
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var issuer in events.Select(e => e.Issuer).Distinct(StringComparer.Ordinal))
        {
            var record = new Data.Records.StoredRecord
            {
                Id = "", Domain = FoodSafetyEpcisEvent.Definition.Domain, Type = FoodSafetyEpcisEvent.Definition.Type,
                Level = (int)DataLevel.Internal, Issuer = issuer, OccurredAt = "", ReceivedAtMs = 0, EnvelopeJson = "", RecordHash = "",
                SubmittedBy = "",
            };
            allowed[issuer] = policy.Decide(caller, LedgerAction.ReadRecord, await facts.ForAsync(record, ct), null).IsAllowed;
        }
        var shown = events.Where(e => allowed[e.Issuer]).ToList();
        return (shown, events.Count - shown.Count);
    }

    private static int ParseDepth(string? depth) =>
        depth is null ? DefaultDepth
        : int.TryParse(depth, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxDepth ? n
        : throw LedgerProblem.InvalidQuery("depth", $"must be a whole number from 1 to {MaxDepth}.");
}
