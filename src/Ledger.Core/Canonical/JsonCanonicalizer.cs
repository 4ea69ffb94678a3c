using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ledger.Core.Canonical;

/// <summary>RFC 8785 JSON Canonicalization Scheme (JCS) under I-JSON rules: one exact byte string per JSON value.</summary>
/// <remarks>
/// Beyond RFC 8785 this rejects duplicate names, invalid Unicode, and (by default) numbers that a double cannot hold
/// exactly, because a commitment must cover precisely what the issuer wrote. See <see cref="NumberPolicy"/>.
/// </remarks>
public static class JsonCanonicalizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="json"/> strictly and returns its canonical UTF-8 bytes.</summary>
    public static byte[] Canonicalize(string json) => Canonicalize(json, NumberPolicy.ExactOnly);

    /// <summary>Parses <paramref name="json"/> strictly and returns its canonical UTF-8 bytes, under a number policy.</summary>
    public static byte[] Canonicalize(string json, NumberPolicy numbers) => StrictUtf8.GetBytes(CanonicalizeToString(json, numbers));

    /// <summary>Canonicalizes a JSON tree to UTF-8 bytes; null is the JSON literal null.</summary>
    public static byte[] Canonicalize(JsonNode? node) => Canonicalize(node, NumberPolicy.ExactOnly);

    /// <summary>Canonicalizes a JSON tree to UTF-8 bytes under a number policy.</summary>
    public static byte[] Canonicalize(JsonNode? node, NumberPolicy numbers) => StrictUtf8.GetBytes(CanonicalizeToString(node, numbers));

    /// <summary>The UTF-8 bytes of canonical text from <see cref="CanonicalizeToString(JsonNode?)"/>, encoded as <see cref="Canonicalize(JsonNode?)"/> encodes them.</summary>
    public static byte[] Utf8Of(string canonicalJson) => StrictUtf8.GetBytes(canonicalJson);

    /// <summary>Canonicalizes JSON received as UTF-8 bytes, rejecting invalid UTF-8 and a byte order mark.</summary>
    public static byte[] CanonicalizeUtf8(ReadOnlySpan<byte> utf8Json, NumberPolicy numbers = NumberPolicy.ExactOnly) =>
        Canonicalize(DecodeUtf8(utf8Json), numbers);

    /// <summary>Parses <paramref name="json"/> strictly and returns its canonical text.</summary>
    public static string CanonicalizeToString(string json) => CanonicalizeToString(json, NumberPolicy.ExactOnly);

    /// <summary>Parses <paramref name="json"/> strictly and returns its canonical text, under a number policy.</summary>
    public static string CanonicalizeToString(string json, NumberPolicy numbers) => CanonicalizeToString(Parse(json, numbers), numbers);

    /// <summary>Canonicalizes a JSON tree to text.</summary>
    public static string CanonicalizeToString(JsonNode? node) => CanonicalizeToString(node, NumberPolicy.ExactOnly);

    /// <summary>Canonicalizes a JSON tree to text under a number policy.</summary>
    public static string CanonicalizeToString(JsonNode? node, NumberPolicy numbers) => CanonicalWriter.Write(node, numbers);

    /// <summary>
    /// Parses JSON text under the same rules canonicalization applies (unique names, valid Unicode, exact numbers,
    /// at most 64 levels), so untrusted input is refused at the edge rather than when it is hashed.
    /// </summary>
    public static JsonNode? Parse(string json, NumberPolicy numbers = NumberPolicy.ExactOnly)
    {
        ArgumentNullException.ThrowIfNull(json);
        return StrictJsonParser.Parse(json, numbers);
    }

    /// <summary>Like <see cref="Parse(string, NumberPolicy)"/> for UTF-8 bytes, rejecting invalid UTF-8 and a byte order mark.</summary>
    public static JsonNode? ParseUtf8(ReadOnlySpan<byte> utf8Json, NumberPolicy numbers = NumberPolicy.ExactOnly) =>
        StrictJsonParser.Parse(DecodeUtf8(utf8Json), numbers);

    private static string DecodeUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            throw new CanonicalJsonException("$", "a byte order mark is not allowed before JSON text (RFC 8259 §8.1) [byte 0]");
        }
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new CanonicalJsonException("$", $"the input is not valid UTF-8 [byte {FirstInvalidUtf8(utf8)}]");
        }
        return StrictUtf8.GetString(utf8);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        // Surrogate code points, overlong forms and truncated sequences all come back as InvalidData.
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return offset;
    }
}
