using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Core.Canonical;
using Ledger.Core.Encoding;
using Ledger.Core.Records;
using Ledger.Data.Records;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records;

/// <summary>
/// Checks a submission against its record type and the caller's role, then builds its salted envelope and the row to
/// store. Pure work on the request thread, so the single writer only ever does I/O.
/// </summary>
public sealed class EnvelopeBuilder(ISaltSource salts, TimeProvider time, IOptions<IngestOptions> options)
{
    /// <summary>Returns the row to store, or throws a 4xx <see cref="LedgerProblem"/> naming what is wrong.</summary>
    public StoredRecord Build(SubmitRecordRequest request, Caller caller)
    {
        if (!RecordTypes.TryGet(request.Domain, request.Type, out var definition))
        {
            var known = string.Join(", ", RecordTypes.All.Select(t => $"{t.Domain}/{t.Type}"));
            throw LedgerProblem.Invalid("type", $"Unknown record type '{Clip(request.Domain)}/{Clip(request.Type)}'. Known types: {known}.");
        }
        if (Roles.SubmitsTo(caller.Role) != definition.Domain)
        {
            throw LedgerProblem.Forbidden($"The role '{caller.Role}' may not submit {definition.Domain} records.");
        }
        var occurredAt = NormalizeOccurredAt(request.OccurredAt);
        var payloadErrors = definition.Validate(request.Payload);
        if (payloadErrors.Count > 0)
        {
            throw LedgerProblem.Invalid(payloadErrors
                .GroupBy(e => $"payload.{e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var now = time.GetUtcNow();
        var envelope = new RecordEnvelope
        {
            Version = RecordEnvelope.CurrentVersion,
            Domain = definition.Domain,
            Type = definition.Type,
            Id = Guid.CreateVersion7(now).ToString(),
            Issuer = caller.Organisation,
            OccurredAt = occurredAt,
            Payload = request.Payload.DeepClone().AsObject(),
            Salt = Hex.Encode(salts.NewSalt()),
        };
        return new StoredRecord
        {
            Id = envelope.Id,
            Domain = envelope.Domain,
            Type = envelope.Type,
            Level = (int)definition.Level,
            Issuer = envelope.Issuer,
            OccurredAt = envelope.OccurredAt,
            ReceivedAtMs = now.ToUnixTimeMilliseconds(),
            EnvelopeJson = JsonCanonicalizer.CanonicalizeToString(envelope.ToJson()),
            RecordHash = RecordCommitment.ComputeHash(envelope),
            SubmittedBy = caller.KeyId,
            Status = Core.Proofs.RecordStatus.Pending,
        };
    }

    private string NormalizeOccurredAt(string text)
    {
        if (!Timestamps.TryNormalize(text, out var normalized, out var error))
        {
            throw LedgerProblem.Invalid("occurredAt", error ?? "Not an RFC 3339 timestamp.");
        }
        var latest = time.GetUtcNow() + options.Value.MaxClockSkew;
        if (DateTimeOffset.Parse(normalized, System.Globalization.CultureInfo.InvariantCulture) > latest)
        {
            throw LedgerProblem.Invalid("occurredAt", "Lies in the future; records describe events that already happened.");
        }
        return normalized;
    }

    // Echo only a bounded prefix of caller text in errors.
    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];
}
