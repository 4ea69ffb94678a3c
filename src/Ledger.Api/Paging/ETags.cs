using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Api.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Paging;

/// <summary>
/// Strong ETags on a GET endpoint's JSON answer: the tag is a hash of the body as served, so it changes exactly when the
/// body does, and a client that sends it back in <c>If-None-Match</c> gets 304 Not Modified with no body. The handler
/// still runs (the list is read and authorised as always); what is saved is the transfer and the client's parsing.
/// </summary>
public static class ETags
{
    /// <summary>Adds the ETag filter, and documents the <c>If-None-Match</c> header and the 304 answer.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(FilterAsync)
            .WithRequestHeader("If-None-Match", "The ETag of a copy you hold: if the answer is still the same, the service answers 304 Not Modified without a body.")
            .Produces(StatusCodes.Status304NotModified);

    /// <summary>The strong ETag of a body: 128 bits of its SHA-256, base64url, quoted.</summary>
    public static string Of(ReadOnlySpan<byte> body) => $"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(body)[..16])}\"";

    /// <summary>Whether an If-None-Match header value names this tag (or is <c>*</c>); weak tags compare by their opaque part.</summary>
    public static bool Matches(string? ifNoneMatch, string tag) =>
        !string.IsNullOrEmpty(ifNoneMatch) && ifNoneMatch.Split(',').Select(t => t.Trim())
            .Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == tag);

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || result is not IValueHttpResult { Value: { } value })
        {
            return result;
        }
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var tag = Of(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options));
        http.Response.Headers.ETag = tag;
        return Matches(http.Request.Headers.IfNoneMatch, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : result;
    }
}
