using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Ledger.Api.PublicPages;

/// <summary>
/// The pages' script, style and the vendored keccak-256 (@noble/hashes, with its licence), embedded in the assembly so
/// the service serves them itself from any content root: nothing comes from a CDN, and an isolated network needs
/// nothing but this service.
/// </summary>
internal static class PageAssets
{
    private const string Prefix = "PublicPages/Assets/";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The asset names, for tests (e.g. <c>verify.js</c>, <c>vendor/noble-hashes/sha3.js</c>).</summary>
    public static IEnumerable<string> Names => Assets.Keys;

    public static IResult Serve(string path, HttpContext context)
    {
        if (!Assets.TryGetValue(path, out var asset))
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = asset.ETag;
        // Short: a new release reaches visitors within minutes; revalidation by ETag is cheap.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(10) };
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(asset.ETag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(n => n[Prefix.Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var content = copy.ToArray();
                return new Asset(content, ContentTypeOf(n), new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\""));
            });
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    private sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
}
