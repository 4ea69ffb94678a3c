using System.Globalization;
using System.Text;
using Ledger.Api.Problems;

namespace Ledger.Api.Access;

/// <summary>
/// The <c>X-Access-Purpose</c> header: why the caller needs an L4 record or an erasure (PIPL Art. 28's "specific
/// purpose"). Non-ASCII text (e.g. Chinese) is sent percent-encoded as UTF-8, since HTTP header values are ASCII.
/// </summary>
public static class AccessPurpose
{
    public const string HeaderName = "X-Access-Purpose";
    public const int MaxLength = 200;

    /// <summary>What the header is for, as the OpenAPI document shows it.</summary>
    public const string Description =
        "Why you need this record (PIPL Art. 28: a specific purpose). Required to read an L4 (highly sensitive) record, " +
        "and written with who and when to the access trail. 1 to 200 characters of plain text; percent-encode non-ASCII " +
        "text as UTF-8.";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The stated purpose, or null when none was sent; throws a 400 problem for a malformed one.</summary>
    public static string? Read(HttpRequest request)
    {
        var values = request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            throw Malformed("Send the header once.");
        }
        var raw = values[0] ?? "";
        if (raw.Length > MaxLength * 12)
        {
            throw Malformed($"A purpose is at most {MaxLength} characters.");
        }
        var text = PercentDecode(raw) ?? throw Malformed("Percent-encode non-ASCII text as UTF-8 (%XX for each byte).");
        // Checked before trimming: an encoded line break is an attempt to forge lines wherever the purpose is written.
        if (text.Any(char.IsControl) || text.Contains('\uFFFD'))
        {
            throw Malformed("A purpose is plain text: no control characters and valid UTF-8.");
        }
        text = text.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            throw Malformed($"A purpose is 1 to {MaxLength} characters.");
        }
        return text;
    }

    // Strict, unlike Uri.UnescapeDataString, which passes bad escapes and invalid UTF-8 through unchanged.
    private static string? PercentDecode(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(raw[i].ToString()));
            }
            else if (i + 2 < raw.Length && byte.TryParse(raw.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                return null;
            }
        }
        try
        {
            return StrictUtf8.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static LedgerProblem Malformed(string detail) =>
        new(StatusCodes.Status400BadRequest, "Malformed access purpose", $"{HeaderName}: {detail}");
}
