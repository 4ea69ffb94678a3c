using Microsoft.AspNetCore.Diagnostics;

namespace Ledger.Api.Problems;

/// <summary>The one place where <see cref="LedgerProblem"/> becomes a ProblemDetails response.</summary>
internal sealed class LedgerProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not LedgerProblem problem)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status;
        if (problem.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
}
