namespace Ledger.Api.Access;

/// <summary>Puts an endpoint (or group) behind the <see cref="IAccessPolicy"/> for an action on no particular record.</summary>
public static class LedgerActionEndpoints
{
    /// <summary>
    /// Requires a caller (401 with a challenge otherwise) and asks the policy about <paramref name="action"/> before the
    /// handler runs. Record-level decisions stay in the handler, once the record and its facts are known.
    /// </summary>
    public static TBuilder RequireLedgerAction<TBuilder>(this TBuilder builder, LedgerAction action)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<IAccessPolicy>()
                .Decide(Caller.FromOrNull(http.User), action, null, AccessPurpose.Read(http.Request))
                .EnsureAllowed();
            return await next(context);
        });
        return builder;
    }
}
