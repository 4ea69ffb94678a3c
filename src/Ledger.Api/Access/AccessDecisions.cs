using Ledger.Api.Problems;

namespace Ledger.Api.Access;

/// <summary>Turns an <see cref="AccessDecision"/> into the HTTP answer, the same way for every endpoint.</summary>
public static class AccessDecisions
{
    /// <summary>What a 404 says when the caller passes none: as vague as a real miss must be.</summary>
    public const string DefaultNotFoundDetail = "No such record is known here.";

    /// <summary>
    /// Returns when allowed; otherwise throws the <see cref="LedgerProblem"/> for 401, 403 or 404.
    /// <see cref="AccessOutcome.PurposeRequired"/> is a 403 (titled "Access purpose required"): the caller is known
    /// and entitled in principle, but the request as sent is not allowed — a 400 would suggest a malformed request.
    /// </summary>
    /// <param name="decision">The policy's decision.</param>
    /// <param name="notFoundDetail">
    /// The detail the endpoint uses for a genuine miss, so a refused L3/L4 record reads exactly like an unknown one.
    /// </param>
    public static void EnsureAllowed(this AccessDecision decision, string notFoundDetail = DefaultNotFoundDetail)
    {
        switch (decision.Outcome)
        {
            case AccessOutcome.Allowed:
                return;
            case AccessOutcome.Unauthenticated:
                throw new LedgerProblem(StatusCodes.Status401Unauthorized, "Authentication required",
                    "Send a valid API key in the X-Api-Key header, or a bearer token.");
            case AccessOutcome.NotFound:
                // Never the reason: it would confirm that the record exists.
                throw LedgerProblem.NotFound(notFoundDetail);
            case AccessOutcome.PurposeRequired:
                throw new LedgerProblem(StatusCodes.Status403Forbidden, "Access purpose required",
                    $"{decision.Reason} State it in the {AccessPurpose.HeaderName} header ({AccessPurpose.MaxLength} characters at most).");
            default:
                throw LedgerProblem.Forbidden(decision.Reason);
        }
    }
}
