using System.Globalization;
using Ledger.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Ledger.Api.Problems;

/// <summary>
/// The one place where errors become ProblemDetails responses: every <see cref="LedgerProblem"/>, and the failures
/// that are nobody's bug but reach here from code that knows nothing of HTTP (a full disk). Anything else is left to
/// the framework: a 500 with no detail, logged with its stack trace, because that one is ours to fix.
/// </summary>
internal sealed class LedgerProblemHandler(IProblemDetailsService problems, StorageHealth storage, ILogger<LedgerProblemHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if ((exception as LedgerProblem ?? Translate(exception)) is not { } problem)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var details = problem.Errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(problem.Errors);
        details.Status = problem.Status;
        details.Title = problem.Title;
        details.Detail = problem.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    // Logged here in one line without a stack trace: a handled exception is not logged by the framework.
    private LedgerProblem? Translate(Exception exception)
    {
        if (StorageFull.IsCause(exception))
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            storage.ReportFull(reason);
            log.LogError("The disk is full: a request was refused with 507 ({Reason}).", reason);
            return StorageFull.Problem("the change");
        }
        return null;
    }
}
