using System.Globalization;

namespace Ledger.Api.Hosting;

/// <summary>Writes a ProblemDetails answer that tells the client when to try again (429 over a limit, 503 while stopping).</summary>
internal static class RetryAfterProblem
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, int retryAfterSeconds)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
