using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Canonical;

namespace Ledger.Api.Records;

/// <summary>A request body as a JSON object, and its RFC 8785 canonical UTF-8 bytes.</summary>
public sealed record JsonBody(JsonObject Object, byte[] Canonical);

/// <summary>What a body is and how large and deep it may be, for the reader's checks and its messages.</summary>
/// <param name="Noun">What the body is, as its messages name it: "record", "erasure request".</param>
/// <param name="MaxBytes">The largest accepted body.</param>
/// <param name="MaxDepth">The deepest accepted nesting; the body itself is level 1.</param>
/// <param name="MaxBytesSetting">The setting behind <paramref name="MaxBytes"/>, if one can change it.</param>
/// <param name="MaxDepthSetting">The setting behind <paramref name="MaxDepth"/>, if one can change it.</param>
public sealed record JsonBodyLimits(string Noun, long MaxBytes, int MaxDepth, string? MaxBytesSetting = null, string? MaxDepthSetting = null);

/// <summary>
/// Reads a JSON request body strictly: size-capped, valid UTF-8 only, bounded depth, no duplicate names and no
/// numbers that would change when canonicalized. Anything else is a 4xx <see cref="LedgerProblem"/>, so nothing
/// ambiguous ever reaches a commitment.
/// </summary>
public static class JsonBodyReader
{
    /// <summary>Reads and parses the body as a JSON object, with its RFC 8785 canonical bytes.</summary>
    public static async Task<JsonBody> ReadObjectAsync(HttpRequest request, JsonBodyLimits limits, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
        {
            throw new LedgerProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the {limits.Noun} as application/json.");
        }
        if (request.ContentLength > limits.MaxBytes)
        {
            throw TooLarge(limits);
        }
        var bytes = await ReadCappedAsync(request, limits, ct);
        RefuseByteOrderMark(bytes, limits.Noun);
        // Checked on the bytes, without decoding them into a string the parser would only encode back.
        if (!Utf8.IsValid(bytes))
        {
            throw LedgerProblem.MalformedBody("The body is not valid UTF-8.");
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = limits.MaxDepth });
        }
        catch (JsonException e)
        {
            // The parser reports a body nested too deep as a syntax error at a byte offset; say which it was.
            RefuseTooDeep(bytes, limits);
            throw LedgerProblem.MalformedBody($"The body is not valid JSON: {Describe(e)}");
        }
        if (node is not JsonObject obj)
        {
            throw LedgerProblem.MalformedBody("The body must be a JSON object.");
        }
        try
        {
            // Canonicalizing up front rejects duplicate names, lone surrogates and inexact numbers before anything is
            // stored; the canonical bytes also fingerprint the request, so a retry that differs only in layout is the
            // same request. From the parsed tree, not the text: one parse per request (docs/benchmarks.md).
            return new JsonBody(obj, JsonCanonicalizer.Canonicalize(obj));
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

    private static async Task<byte[]> ReadCappedAsync(HttpRequest request, JsonBodyLimits limits, CancellationToken ct)
    {
        // A declared length (already within the limit) is read into an array of that size: no growing copies.
        if (request.ContentLength is { } declared and <= int.MaxValue)
        {
            var exact = new byte[declared];
            try
            {
                await request.Body.ReadExactlyAsync(exact, ct);
            }
            catch (EndOfStreamException)
            {
                throw LedgerProblem.MalformedBody($"The body ended before the {declared} bytes its Content-Length declared.");
            }
            // A body longer than it said is Kestrel's to refuse; nothing of it is read here.
            return exact;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                throw TooLarge(limits);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // RFC 8259 lets a parser ignore a byte-order mark, but then two byte strings would be "the same" body and the
    // request fingerprint would depend on which one came. Refusing it keeps one body, one meaning.
    private static void RefuseByteOrderMark(ReadOnlySpan<byte> body, string noun)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            throw LedgerProblem.MalformedBody(
                $"The body starts with a UTF-8 byte-order mark (EF BB BF), which is not allowed: send the {noun} as JSON text without it.");
        }
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            throw LedgerProblem.MalformedBody(
                $"The body starts with a UTF-16 or UTF-32 byte-order mark: send the {noun} as UTF-8 JSON text, without a byte-order mark.");
        }
    }

    // The parser reports a too-deep body as a syntax error at a byte offset, which reads like broken JSON. After the
    // parser failed, this pass looks for a depth problem and names the limit; any other error is the parser's to report.
    private static void RefuseTooDeep(byte[] body, JsonBodyLimits limits)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                // CurrentDepth counts the containers around this token; the body itself is level 1.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= limits.MaxDepth)
                {
                    var setting = limits.MaxDepthSetting is null ? "" : $" (the limit set by {limits.MaxDepthSetting})";
                    throw LedgerProblem.MalformedBody($"The {limits.Noun} is nested deeper than {limits.MaxDepth} levels{setting}.");
                }
            }
        }
        catch (JsonException)
        {
            // Not a depth problem: the parser below reports it with its position.
        }
    }

    private static LedgerProblem TooLarge(JsonBodyLimits limits)
    {
        var setting = limits.MaxBytesSetting is null ? "" : $" ({limits.MaxBytesSetting})";
        return new(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"{Capitalised(Article(limits.Noun))} {limits.Noun} may be at most {limits.MaxBytes} bytes{setting}.");
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    // JsonException messages quote positions, not content, so they are safe to return.
    private static string Describe(JsonException e) =>
        e.LineNumber is { } line ? $"error at line {line + 1}, byte {e.BytePositionInLine + 1}." : "unreadable JSON.";
}
