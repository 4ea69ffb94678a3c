using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Canonical;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.HoursReceived;
using Ledger.Core.Records.Types.SharedCommunity.HoursTransfer;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;
using Ledger.Data;
using Ledger.Data.Organisations;
using Ledger.Data.Projections;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Community;

/// <summary>
/// Transferring time-bank hours: the giving community's hours-transfer record and the receiving community's
/// hours-received record, stored in one transaction through the commit pipeline. The balance rule runs inside that
/// transaction, so no number of concurrent transfers and redemptions — from any number of service instances on the
/// database — takes a balance below zero.
/// </summary>
internal sealed class HoursTransfers(
    RecordPipeline pipeline, RecordProtector protector, EnvelopeBuilder envelopes, ProtectionKeys keys, LedgerDbContext db)
{
    /// <summary>Transfers hours of <paramref name="volunteerRef"/> at the caller's community.</summary>
    /// <exception cref="LedgerProblem">400 for a bad request, 422 when the balance is too low or the receiver unknown.</exception>
    public async Task<HoursTransferResult> TransferAsync(string volunteerRef, HoursTransferRequest request, Caller caller, CancellationToken ct)
    {
        var giving = new JsonObject
        {
            ["volunteerRef"] = volunteerRef,
            ["hours"] = request.Hours,
            ["toCommunity"] = request.ToCommunity,
            ["toVolunteerRef"] = request.ToVolunteerRef,
            ["transferredOn"] = request.TransferredOn,
        };
        if (request.Note is not null)
        {
            giving["note"] = request.Note;
        }
        Validate(SharedCommunityHoursTransfer.Definition, giving);
        if (request.ToCommunity == caller.Organisation && request.ToVolunteerRef == volunteerRef)
        {
            throw LedgerProblem.Invalid("toVolunteerRef", "Must be another volunteer: a transfer to oneself changes nothing.");
        }
        await EnsureCommunityAsync(request.ToCommunity, ct);

        var received = new JsonObject
        {
            ["volunteerRef"] = request.ToVolunteerRef,
            ["hours"] = ExactDecimals.Format(ExactDecimals.Parse(request.Hours)),
            ["fromCommunity"] = caller.Organisation,
        };
        var receivedDefinition = SharedCommunityHoursReceived.Definition;
        using var seal = await protector.OpenSealAsync(receivedDefinition, request.ToCommunity, received, ct);
        var receiverDigest = RecordSubjects.SubjectOf(keys, request.ToCommunity, receivedDefinition, received)!;
        var effects = new TransferEffects(envelopes, request.ToCommunity, receiverDigest, seal, received, caller.KeyId);
        var transfer = await pipeline.WriteInternalAsync(
            SharedCommunityHoursTransfer.Definition, caller.Organisation, giving, caller.KeyId, effects, "the transfer", ct);

        var giverDigest = RecordSubjects.SubjectOf(keys, caller.Organisation, SharedCommunityHoursTransfer.Definition, giving)!;
        var balance = await TimebankBalance.BalanceAsync(new ProjectionStore(db), giverDigest, ct);
        return new HoursTransferResult(transfer.RecordHash, effects.ReceivedRecord!.RecordHash, received["hours"]!.GetValue<string>(),
            ExactDecimals.Format(balance));
    }

    private static void Validate(RecordTypeDefinition definition, JsonObject payload)
    {
        var errors = definition.Validate(payload);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid("The transfer is invalid",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
    }

    private async Task EnsureCommunityAsync(string organisation, CancellationToken ct)
    {
        if (!await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == organisation && o.Kind == OrganisationKinds.Community, ct))
        {
            throw LedgerProblem.Refused(new RuleRefusal("known-community", RefusalKind.Unprocessable, "Unknown community",
                $"No community organisation '{organisation}' is registered here, so it cannot receive hours."));
        }
    }
}
