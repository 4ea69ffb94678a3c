namespace Ledger.Api.Access;

/// <summary>The 401 and 403 answers of the authentication handlers, as ProblemDetails like every other error.</summary>
internal static class AuthenticationProblems
{
    public static async Task WriteAsync(IProblemDetailsService problems, HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
