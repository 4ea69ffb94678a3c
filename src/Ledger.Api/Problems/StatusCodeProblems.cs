namespace Ledger.Api.Problems;

/// <summary>
/// Details for the problems the framework writes itself, before any endpoint code runs (routing refusing a media
/// type, say), so that they explain themselves like the ones the service throws.
/// </summary>
internal static class StatusCodeProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }
        problem.Detail = problem.Status switch
        {
            // Routing refuses a body whose Content-Type the endpoint does not accept, so no endpoint can say it.
            StatusCodes.Status415UnsupportedMediaType =>
                "The body must be application/json (UTF-8 JSON text); send it with Content-Type: application/json.",
            _ => null,
        };
    }
}
