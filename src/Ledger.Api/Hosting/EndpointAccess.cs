using Microsoft.AspNetCore.Authorization;

namespace Ledger.Api.Hosting;

/// <summary>Whether an endpoint needs a caller, read from its metadata the way the authorization middleware reads it.</summary>
internal static class EndpointAccess
{
    /// <summary>
    /// True when the endpoint needs a credential: it carries authorization metadata (<c>RequireAuthorization</c>,
    /// <c>[Authorize]</c>, a policy or requirements) or the service sets a fallback policy, and no
    /// <c>AllowAnonymous</c>, which wins wherever it sits.
    /// </summary>
    public static bool RequiresCaller(IEnumerable<object> metadata, AuthorizationOptions options)
    {
        var items = metadata.ToList();
        if (items.OfType<IAllowAnonymous>().Any())
        {
            return false;
        }
        return items.OfType<IAuthorizeData>().Any()
            || items.OfType<AuthorizationPolicy>().Any()
            || items.OfType<IAuthorizationRequirementData>().Any()
            || options.FallbackPolicy is not null;
    }
}
