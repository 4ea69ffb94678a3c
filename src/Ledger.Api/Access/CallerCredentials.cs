namespace Ledger.Api.Access;

/// <summary>Whether a request carries a credential at all: an API key or an Authorization header (a bearer token).</summary>
internal static class CallerCredentials
{
    public static bool Present(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || request.Headers.ContainsKey("Authorization");
}
