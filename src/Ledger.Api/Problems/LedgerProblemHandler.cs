using System.Globalization;
using Ledger.Api.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Ledger.Api.Problems;

/// <summary>
/// The one place where errors become ProblemDetails responses: every <see cref="LedgerProblem"/>, and the failures
/// that are nobody's bug but reach here from code that knows nothing of them (a full disk, a client that went away
/// mid-body). Anything else is left to the framework: a 500 with no detail, logged with its stack trace, because
/// that one is ours to fix.
/// </summary>
internal sealed class LedgerProblemHandler(IProblemDetailsService problems, StorageHealth storage, ILogger<LedgerProblemHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if ((exception as LedgerProblem ?? Translate(httpContext, exception)) is not { } problem)
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
        if (problem.Rule is not null)
        {
            details.Extensions["rule"] = problem.Rule;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    // Logged here in one line without a stack trace: a handled exception is not logged by the framework.
    private LedgerProblem? Translate(HttpContext context, Exception exception)
    {
        if (StorageFull.IsCause(exception))
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            storage.ReportFull(reason);
            log.LogError("The disk is full: a request was refused with 507 ({Reason}).", reason);
            return StorageFull.Problem("the change");
        }
        if (exception is BadHttpRequestException bad)
        {
            // The server's own refusals of what the client sent: a body that ends before its Content-Length (the client
            // went away mid-body), one over the server's size cap, a malformed chunk. The client's doing, not a failure
            // of ours; Kestrel's message names what was wrong and never quotes the body.
            log.LogInformation("{Method} {Path} was refused with {StatusCode} while its request was read: {Reason} " +
                "A client that went away mid-body ends this way; it is not a server failure.",
                context.Request.Method, context.Request.Path, bad.StatusCode, bad.Message);
            return new LedgerProblem(bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode), bad.Message);
        }
        if (exception is ConnectionResetException)
        {
            log.LogInformation("{Method} {Path}: the client reset the connection before the request was read; nothing was done.",
                context.Request.Method, context.Request.Path);
            return new LedgerProblem(StatusCodes.Status400BadRequest, "Request incomplete", "The connection was reset before the request was read.");
        }
        return null;
    }
}
