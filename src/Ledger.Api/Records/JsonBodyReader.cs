using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Canonical;

namespace Ledger.Api.Records;

/// <summary>A request body as a JSON object, and its RFC 8785 canonical UTF-8 bytes.</summary>
public sealed record JsonBody(JsonObject Object, byte[] Canonical);

/// <summary>
/// Reads a JSON request body strictly: size-capped, valid UTF-8 only, bounded depth, no duplicate names and no
/// numbers that would change when canonicalized. Anything else is a 4xx <see cref="LedgerProblem"/>, so nothing
/// ambiguous ever reaches a commitment.
/// </summary>
public static class JsonBodyReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and parses the body as a JSON object, with its RFC 8785 canonical bytes.</summary>
    public static async Task<JsonBody> ReadObjectAsync(HttpRequest request, long maxBytes, int maxDepth, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
        {
            throw new LedgerProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the record as application/json.");
        }
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        var bytes = await ReadCappedAsync(request.Body, maxBytes, ct);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw LedgerProblem.MalformedBody("The body is not valid UTF-8.");
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException e)
        {
            throw LedgerProblem.MalformedBody($"The body is not valid JSON: {Describe(e)}");
        }
        if (node is not JsonObject obj)
        {
            throw LedgerProblem.MalformedBody("The body must be a JSON object.");
        }
        try
        {
            // Canonicalizing up front rejects duplicate names and inexact numbers before anything is stored; the
            // canonical bytes also fingerprint the request, so a retry that differs only in layout is the same request.
            return new JsonBody(obj, JsonCanonicalizer.Canonicalize(text));
        }
        catch (CanonicalJsonException e)
        {
            throw LedgerProblem.MalformedBody(e.Message);
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
         contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]> ReadCappedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static LedgerProblem TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"A record may be at most {maxBytes} bytes.");

    // JsonException messages quote positions, not content, so they are safe to return.
    private static string Describe(JsonException e) =>
        e.LineNumber is { } line ? $"error at line {line + 1}, byte {e.BytePositionInLine + 1}." : "unreadable JSON.";
}
