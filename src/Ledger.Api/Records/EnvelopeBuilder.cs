using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Corrections;
using Ledger.Api.Problems;
using Ledger.Api.Records.Writing;
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
    /// <summary>
    /// Parses and checks a submission once into the prepared record the writer takes; its row is still in plain text
    /// and unsigned (<see cref="RecordProtector"/> does that). A record of a chained version is not built yet: its
    /// <see cref="PreparedRecord.Draft"/> is completed in the commit, once its chain link is known. Throws a 4xx
    /// <see cref="LedgerProblem"/> naming what is wrong: 400 for the payload, 403 for a role that may not submit what it
    /// says, 422 for a limit it breaks.
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
        var version = definition.Current;
        var payloadErrors = version.ValidateSubmission(request.Payload);
        if (payloadErrors.Count > 0)
        {
            throw LedgerProblem.Invalid(payloadErrors
                .GroupBy(e => e.Field.Length == 0 ? "payload" : $"payload.{e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        if (version.RoleProblem(request.Payload, caller.Role) is { } notYours)
        {
            throw LedgerProblem.Forbidden(notYours);
        }
        if (version.BrokenLimit(request.Payload) is { } limit)
        {
            throw LedgerProblem.Refused(limit);
        }

        var payload = request.Payload.DeepClone().AsObject();
        // A chained version's draft waits for the commit, so it gets its own copy: the commit completes the payload,
        // and the draft must not see that change before it is checked again (Complete). Any other draft becomes its
        // canonical row at once, below.
        var draft = Draft(definition, caller.Organisation, occurredAt, version.Chained ? payload.DeepClone().AsObject() : payload, corrects?.RecordHash);
        return new PreparedRecord
        {
            Definition = definition,
            Payload = payload,
            Issuer = caller.Organisation,
            SubmittedBy = caller.KeyId,
            Sealed = version.Chained ? null : Row(definition, draft, caller.KeyId),
            Draft = version.Chained ? draft : null,
            Salt = draft.Salt,
            Effects = corrects is null ? null : new SupersessionEffects(corrects.Id, time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
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
        Sealed = Row(definition, Draft(definition, caller.Organisation, occurredAt, payload.DeepClone().AsObject(), supersedes: null), caller.KeyId),
        Effects = effects,
    };

    /// <summary>
    /// The row of a record whose envelope was drafted before the commit and completed in it: the draft with the
    /// payload as the commit's effects left it (its chain link written), checked again in full.
    /// </summary>
    /// <exception cref="InvalidOperationException">The completed payload does not fit the type: a bug, not bad input.</exception>
    internal StoredRecord Complete(RecordTypeDefinition definition, RecordEnvelope draft, JsonObject payload, string submittedBy) =>
        Row(definition, Checked(definition, draft with { Payload = payload.DeepClone().AsObject() }), submittedBy);

    /// <summary>
    /// A record the service writes about itself (an erasure, an access-trail entry), issued by <paramref name="issuer"/>
    /// at the current time. No policy: the caller already decided; the payload must fit its internal type.
    /// </summary>
    /// <exception cref="InvalidOperationException">The payload does not fit the type: a bug, not bad input.</exception>
    public StoredRecord BuildInternal(RecordTypeDefinition definition, string issuer, JsonObject payload, string submittedBy) =>
        Row(definition, Checked(definition, Draft(definition, issuer, Timestamps.Format(time.GetUtcNow()), payload, supersedes: null)), submittedBy);

    private static RecordEnvelope Checked(RecordTypeDefinition definition, RecordEnvelope envelope)
    {
        var errors = definition.Validate(envelope.Payload);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"A {definition.Domain}/{definition.Type} record completed by the service is invalid: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"))}");
        }
        return envelope;
    }

    // Id and salt are fixed here, before the commit, so a record completed in the commit is answered with them.
    private RecordEnvelope Draft(RecordTypeDefinition definition, string issuer, string occurredAt, JsonObject payload, string? supersedes) =>
        new()
        {
            Version = RecordEnvelope.CurrentVersion,
            Domain = definition.Domain,
            Type = definition.Type,
            TypeVersion = definition.Current.Number,
            Id = Guid.CreateVersion7(time.GetUtcNow()).ToString(),
            Issuer = issuer,
            OccurredAt = occurredAt,
            Payload = payload,
            Salt = Hex.Encode(salts.NewSalt()),
            Supersedes = supersedes,
        };

    private StoredRecord Row(RecordTypeDefinition definition, RecordEnvelope envelope, string submittedBy)
    {
        var now = time.GetUtcNow();
        // One canonicalisation for the stored text and the hash (it was two, a few per cent of ingest).
        var (canonical, recordHash) = RecordCommitment.Commit(envelope);
        return new StoredRecord
        {
            Id = envelope.Id,
            Domain = envelope.Domain,
            Type = envelope.Type,
            Level = (int)definition.Level,
            Issuer = envelope.Issuer,
            OccurredAt = envelope.OccurredAt,
            ReceivedAtMs = now.ToUnixTimeMilliseconds(),
            EnvelopeJson = canonical,
            RecordHash = recordHash,
            SubmittedBy = submittedBy,
        };
    }

    private string NormalizeOccurredAt(string text)
    {
        if (!Timestamps.TryNormalize(text, out var normalized, out var instant, out var error))
        {
            throw LedgerProblem.Invalid("occurredAt", error ?? "Not an RFC 3339 timestamp.");
        }
        var latest = time.GetUtcNow() + options.Value.MaxClockSkew;
        if (instant > latest)
        {
            throw LedgerProblem.Invalid("occurredAt", "Lies in the future; records describe events that already happened.");
        }
        return normalized;
    }

    // Echo only a bounded prefix of caller text in errors.
    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];
}
