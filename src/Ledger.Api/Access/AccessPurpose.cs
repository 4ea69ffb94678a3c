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
        string text;
        try
        {
            text = Uri.UnescapeDataString(raw).Trim();
        }
        catch (UriFormatException)
        {
            throw Malformed("The percent-encoding is invalid.");
        }
        if (text.Length is 0 or > MaxLength)
        {
            throw Malformed($"A purpose is 1 to {MaxLength} characters.");
        }
        if (text.Any(char.IsControl) || text.Contains('\uFFFD'))
        {
            throw Malformed("A purpose is plain text: no control characters and valid UTF-8.");
        }
        return text;
    }

    private static LedgerProblem Malformed(string detail) =>
        new(StatusCodes.Status400BadRequest, "Malformed access purpose", $"{HeaderName}: {detail}");
}
