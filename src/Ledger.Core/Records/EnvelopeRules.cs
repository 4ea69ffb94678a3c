using System.Text.RegularExpressions;
using Ledger.Core.Encoding;

namespace Ledger.Core.Records;

/// <summary>
/// The one valid form of each envelope field. The hash covers the exact text, so two spellings of one value (upper-
/// case hex, a non-UTC time) would give two hashes for one record; such spellings are refused rather than fixed.
/// </summary>
public static partial class EnvelopeRules
{
    /// <summary>Salt length in bytes: 256 bits, well above the 128 bits that keeps a low-entropy record unguessable.</summary>
    public const int SaltBytes = 32;

    /// <summary>Longest issuer identifier, in characters.</summary>
    public const int MaxIssuerLength = 128;

    /// <summary>Throws <see cref="RecordFormatException"/> for the first field that is not in its valid form.</summary>
    public static void Check(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Version is not (RecordEnvelope.Version1 or RecordEnvelope.Version2))
        {
            throw new RecordFormatException(EnvelopeFields.Version, $"unsupported version; this service reads {RecordEnvelope.Version1} and {RecordEnvelope.Version2}");
        }
        CheckName(EnvelopeFields.Domain, envelope.Domain);
        CheckName(EnvelopeFields.Type, envelope.Type);
        if (envelope.Version == RecordEnvelope.Version1 && envelope.TypeVersion != 1)
        {
            // A v1 envelope has no typeVersion member: it was written before type versions, so its type version is 1.
            throw new RecordFormatException(EnvelopeFields.TypeVersion, $"must be 1 in a {RecordEnvelope.Version1} envelope, which does not carry it; write {RecordEnvelope.Version2}");
        }
        if (envelope.TypeVersion < 1)
        {
            throw new RecordFormatException(EnvelopeFields.TypeVersion, "must be a whole number from 1");
        }
        if (envelope.Id is null || !Guid.TryParseExact(envelope.Id, "D", out var id) || id.ToString("D") != envelope.Id)
        {
            throw new RecordFormatException(EnvelopeFields.Id, "must be a UUID in lower-case 8-4-4-4-12 form");
        }
        if (string.IsNullOrEmpty(envelope.Issuer) || envelope.Issuer.Length > MaxIssuerLength
            || envelope.Issuer.Trim() != envelope.Issuer || envelope.Issuer.Any(char.IsControl))
        {
            throw new RecordFormatException(EnvelopeFields.Issuer, $"must be 1 to {MaxIssuerLength} characters, without control characters or surrounding spaces");
        }
        if (!Timestamps.TryNormalize(envelope.OccurredAt, out var normalized, out var error))
        {
            throw new RecordFormatException(EnvelopeFields.OccurredAt, error!);
        }
        if (normalized != envelope.OccurredAt)
        {
            throw new RecordFormatException(EnvelopeFields.OccurredAt, $"must be normalized to UTC with milliseconds ({normalized})");
        }
        if (envelope.Payload is null)
        {
            throw new RecordFormatException(EnvelopeFields.Payload, "is required");
        }
        if (!IsSalt(envelope.Salt))
        {
            throw new RecordFormatException(EnvelopeFields.Salt, $"must be 0x followed by {2 * SaltBytes} lower-case hex digits ({SaltBytes} random bytes)");
        }
        if (envelope.Supersedes is not null && (envelope.Version == RecordEnvelope.Version1 || !IsRecordHash(envelope.Supersedes)))
        {
            throw new RecordFormatException(EnvelopeFields.Supersedes, envelope.Version == RecordEnvelope.Version1
                ? $"is not a member of {RecordEnvelope.Version1} envelopes; write {RecordEnvelope.Version2}"
                : "must be the corrected record's hash: 0x followed by 64 lower-case hex digits");
        }
    }

    /// <summary>True for a record hash in its one stored form: "0x" + 64 lower-case hex digits.</summary>
    public static bool IsRecordHash(string? hash) =>
        Hex.IsFixed(hash, 32) && hash!.StartsWith("0x", StringComparison.Ordinal) && !hash.Any(char.IsAsciiLetterUpper);

    /// <summary>True for "0x" + 64 lower-case hex digits.</summary>
    public static bool IsSalt(string? salt) =>
        Hex.IsFixed(salt, SaltBytes) && salt!.StartsWith("0x", StringComparison.Ordinal) && !salt.Any(char.IsAsciiLetterUpper);

    /// <summary>True for a domain or type name: 1 to 64 lower-case letters, digits or hyphens, starting with a letter.</summary>
    public static bool IsName(string? value) => value is not null && NamePattern().IsMatch(value);

    private static void CheckName(string field, string? value)
    {
        if (!IsName(value))
        {
            throw new RecordFormatException(field, "must be 1 to 64 lower-case letters, digits or hyphens, starting with a letter");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
