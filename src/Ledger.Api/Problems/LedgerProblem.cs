using Ledger.Core.Records.Projections;

namespace Ledger.Api.Problems;

/// <summary>
/// A request the service refuses for a reason the caller can fix or should know. Thrown by domain code and turned
/// into an RFC 9457 response in one place (<see cref="LedgerProblemHandler"/>).
/// </summary>
public sealed class LedgerProblem(int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    /// <summary>The title of a record that fails validation.</summary>
    public const string InvalidRecordTitle = "The record is invalid";

    public int Status { get; } = status;
    public string Title { get; } = title;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>The stateful rule that refused the request, sent as the problem's <c>rule</c>; null for other problems.</summary>
    public string? Rule { get; init; }

    /// <summary>When the caller may try again; sent as <c>Retry-After</c> (whole seconds). Null sends no header.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>400 with a field → messages map (a validation problem of a record).</summary>
    public static LedgerProblem Invalid(IDictionary<string, string[]> errors) => Invalid(InvalidRecordTitle, errors);

    /// <summary>400 for a single field of a record.</summary>
    public static LedgerProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 with a field → messages map, titled for what was invalid (a record, an erasure request…).</summary>
    public static LedgerProblem Invalid(string title, IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, title, "One or more fields are invalid; see errors.", errors);

    /// <summary>400 for a query-string parameter, naming it and the form it must take.</summary>
    public static LedgerProblem InvalidQuery(string parameter, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid query parameter", $"Query parameter '{parameter}': {message}",
            new Dictionary<string, string[]> { [parameter] = [message] });

    /// <summary>400 for a body that is not the JSON we accept.</summary>
    public static LedgerProblem MalformedBody(string detail) =>
        new(StatusCodes.Status400BadRequest, "Malformed request body", detail);

    /// <summary>409 or 422 for a record a stateful rule refused, naming the rule and why.</summary>
    public static LedgerProblem Refused(RuleRefusal refusal) => new(
        refusal.Kind == RefusalKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
        refusal.Title, refusal.Detail)
    {
        Rule = refusal.Rule,
    };

    public static LedgerProblem NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", detail);

    public static LedgerProblem Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Forbidden", detail);
}
