using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Corrections;
using Ledger.Api.Problems;
using Ledger.Api.Records.Writing;
using Ledger.Core.Canonical;
using Ledger.Core.Encoding;
using Ledger.Core.Records;
using Ledger.Data.Records;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Records;

/// <summary>
/// Checks a submission against its record type and the access policy, then builds its salted envelope and the row to
/// store. Pure work on the request thread, so the single writer only ever does I/O. The row still holds the envelope
/// in plain text: <see cref="RecordProtector"/> seals and signs it before it is written.
/// </summary>
public sealed class EnvelopeBuilder(ISaltSource salts, TimeProvider time, IOptions<IngestOptions> options, IAccessPolicy policy)
{
    /// <summary>Returns the row to store, or throws a 4xx <see cref="LedgerProblem"/> naming what is wrong.</summary>
    public StoredRecord Build(SubmitRecordRequest request, Caller caller) => Prepare(request, caller).Sealed!;

    /// <summary>
    /// Parses and checks a submission once into the prepared record the writer takes; its row is still in plain text
    /// and unsigned (<see cref="RecordProtector"/> does that). Throws a 4xx <see cref="LedgerProblem"/> naming what is wrong.
    /// </summary>
    /// <param name="request">The submission.</param>
    /// <param name="caller">Who submits it.</param>
    /// <param name="corrects">
    /// The record it corrects, already found and allowed by <see cref="Corrections.CorrectionTargets"/>; its hash goes into
    /// the envelope's <c>supersedes</c> and the commit checks again that it still stands.
    /// </param>
    internal PreparedRecord Prepare(SubmitRecordRequest request, Caller caller, StoredRecord? corrects = null)
    {
        if (!RecordTypeCatalog.Default.TryGetSubmittable(request.Domain, request.Type, out var definition))
        {
            var known = string.Join(", ", RecordTypeCatalog.Default.Submittable.Select(t => t.Name));
            throw LedgerProblem.Invalid("type", $"Unknown record type '{Clip(request.Domain)}/{Clip(request.Type)}'. Known types: {known}.");
        }
        policy.Decide(caller, LedgerAction.SubmitRecord, IRecordFactsReader.ForSubmission(definition, caller), null).EnsureAllowed();
        var occurredAt = NormalizeOccurredAt(request.OccurredAt);
        var payloadErrors = definition.Validate(request.Payload);
        if (payloadErrors.Count > 0)
        {
            throw LedgerProblem.Invalid(payloadErrors
                .GroupBy(e => e.Field.Length == 0 ? "payload" : $"payload.{e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var payload = request.Payload.DeepClone().AsObject();
        return new PreparedRecord
        {
            Definition = definition,
            Payload = payload,
            Issuer = caller.Organisation,
            SubmittedBy = caller.KeyId,
            // Its own copy: the row's envelope is canonical text, and the rules must not see a later change to it.
            Sealed = Create(definition, caller.Organisation, occurredAt, payload.DeepClone().AsObject(), caller.KeyId, corrects?.RecordHash),
            Effects = corrects is null ? null : new SupersessionEffects(corrects.Id, time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
    }

    /// <summary>
    /// A record the service writes about itself (an erasure, an access-trail entry), issued by <paramref name="issuer"/>
    /// at the current time. No policy: the caller already decided; the payload must fit its internal type.
    /// </summary>
    /// <exception cref="InvalidOperationException">The payload does not fit the type: a bug, not bad input.</exception>
    public StoredRecord BuildInternal(RecordTypeDefinition definition, string issuer, JsonObject payload, string submittedBy)
    {
        var errors = definition.Validate(payload);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"An internal {definition.Domain}/{definition.Type} record is invalid: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"))}");
        }
        return Create(definition, issuer, Timestamps.Format(time.GetUtcNow()), payload, submittedBy, supersedes: null);
    }

    /// <summary>
    /// A record built from a captured document (an EPCIS event) on behalf of <paramref name="caller"/>, whose right to
    /// capture was already decided and whose payload was already checked against its type; <paramref name="occurredAt"/>
    /// is already normalized. Its row is in plain text and unsigned, as <see cref="Prepare"/>'s.
    /// </summary>
    internal PreparedRecord PrepareCaptured(RecordTypeDefinition definition, Caller caller, string occurredAt, JsonObject payload, CommitEffects effects) => new()
    {
        Definition = definition,
        Payload = payload,
        Issuer = caller.Organisation,
        SubmittedBy = caller.KeyId,
        Sealed = Create(definition, caller.Organisation, occurredAt, payload.DeepClone().AsObject(), caller.KeyId, supersedes: null),
        Effects = effects,
    };

    private StoredRecord Create(RecordTypeDefinition definition, string issuer, string occurredAt, JsonObject payload, string submittedBy, string? supersedes)
    {
        var now = time.GetUtcNow();
        var envelope = new RecordEnvelope
        {
            Version = RecordEnvelope.CurrentVersion,
            Domain = definition.Domain,
            Type = definition.Type,
            TypeVersion = definition.Current.Number,
            Id = Guid.CreateVersion7(now).ToString(),
            Issuer = issuer,
            OccurredAt = occurredAt,
            Payload = payload,
            Salt = Hex.Encode(salts.NewSalt()),
            Supersedes = supersedes,
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
            SubmittedBy = submittedBy,
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
