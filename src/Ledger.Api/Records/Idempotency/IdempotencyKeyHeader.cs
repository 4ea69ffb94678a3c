using Ledger.Api.Problems;
using Ledger.Data.Records;
using Microsoft.Extensions.Primitives;

namespace Ledger.Api.Records.Idempotency;

/// <summary>
/// The optional <c>Idempotency-Key</c> request header: an opaque client-chosen key, 1–128 printable ASCII characters,
/// that makes a retried submission return its original answer instead of creating a second record.
/// </summary>
/// <remarks>
/// The value is compared byte for byte: a client that sends the IETF draft's quoted form (<c>"abc"</c>) keeps its
/// quotes as part of the key, which is consistent as long as it always sends the key the same way.
/// </remarks>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>Response header set to <c>true</c> when the answer repeats an earlier request's.</summary>
    public const string ReplayedName = "Idempotent-Replayed";

    /// <summary>What the header is for, as the OpenAPI document shows it.</summary>
    public const string Description =
        "Optional key you choose (1 to 128 printable ASCII characters) to retry a submission safely: a retry with the " +
        "same key and body gets the original answer, with Idempotent-Replayed: true, and never a second record; the " +
        "same key with another body is a 409.";

    /// <summary>The key, or null when none was sent; a 400 problem when the header is not one valid key.</summary>
    public static string? Validate(StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1)
        {
            throw Invalid("Send it once.");
        }
        var value = values[0] ?? "";
        if (value.Length is 0 or > IdempotentSubmission.MaxKeyLength)
        {
            throw Invalid($"Must be 1 to {IdempotentSubmission.MaxKeyLength} characters long.");
        }
        // Printable ASCII only: with control or look-alike characters, two keys that read the same could differ.
        if (value.Any(c => c is < ' ' or > '~'))
        {
            throw Invalid("Must contain only printable ASCII characters.");
        }
        // HTTP strips surrounding whitespace from header values, so a key that has some could never be sent again.
        if (value[0] == ' ' || value[^1] == ' ')
        {
            throw Invalid("Must not start or end with a space.");
        }
        return value;
    }

    private static LedgerProblem Invalid(string message) => new(
        StatusCodes.Status400BadRequest,
        "Invalid Idempotency-Key header",
        $"The {Name} header is invalid: {message}",
        new Dictionary<string, string[]> { [Name] = [message] });
}
