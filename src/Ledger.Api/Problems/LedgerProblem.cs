namespace Ledger.Api.Problems;

/// <summary>
/// A request the service refuses for a reason the caller can fix or should know. Thrown by domain code and turned
/// into an RFC 9457 response in one place (<see cref="LedgerProblemHandler"/>).
/// </summary>
public sealed class LedgerProblem(int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>400 with a field → messages map (a validation problem).</summary>
    public static LedgerProblem Invalid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The record is invalid", "One or more fields are invalid; see errors.", errors);

    /// <summary>400 for a single field.</summary>
    public static LedgerProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 for a body that is not the JSON we accept.</summary>
    public static LedgerProblem MalformedBody(string detail) =>
        new(StatusCodes.Status400BadRequest, "Malformed request body", detail);

    public static LedgerProblem NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", detail);

    public static LedgerProblem Forbidden(string detail) =>
        new(StatusCodes.Status403Forbidden, "Forbidden", detail);
}
