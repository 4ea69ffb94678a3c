namespace Ledger.Api.Hosting;

/// <summary>
/// Logs for machines: with <c>Logging:Format=json</c> every line is one JSON object (ASP.NET Core's JSON console
/// formatter, UTC timestamps, scopes included), and every line written while a request is handled carries its
/// <c>RequestId</c>, which the response returns in <c>X-Request-Id</c> so a user's report can be found in the logs.
/// Request paths stay out either way (HostingExtensions turns the hosting diagnostics off).
/// </summary>
internal static class RequestLogging
{
    public const string RequestIdHeader = "X-Request-Id";

    public static WebApplicationBuilder AddLedgerLogFormat(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Logging:Format"];
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return builder;
    }

    /// <summary>Opens a RequestId scope around the rest of the pipeline and returns the id to the client.</summary>
    public static IApplicationBuilder UseRequestIdScope(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Ledger.Api.Requests");
        return app.Use(async (context, next) =>
        {
            // Added as the answer starts: an error answer is written after its headers were cleared. A static callback
            // with the context as its state allocates no closure per request.
            context.Response.OnStarting(SetRequestIdHeader, context);
            using (log.BeginScope(new RequestIdScope(context.TraceIdentifier)))
            {
                await next(context);
            }
        });
    }

    private static Task SetRequestIdHeader(object state)
    {
        var context = (HttpContext)state;
        context.Response.Headers[RequestIdHeader] = context.TraceIdentifier;
        return Task.CompletedTask;
    }
}

/// <summary>The scope every request's log lines carry: one property, <c>RequestId</c> ("RequestId:…" as text).</summary>
internal sealed class RequestIdScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("RequestId", requestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => 1;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"RequestId:{requestId}";
}
