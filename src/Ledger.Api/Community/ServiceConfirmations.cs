using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Canonical;
using Ledger.Core.Records.Types.SharedCommunity.ServiceConfirmation;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;
using Ledger.Data;
using Ledger.Data.Records;

namespace Ledger.Api.Community;

/// <summary>
/// Confirming a volunteer-service record: a second person — never the credential or staff member who recorded it —
/// vouches for the hours, and only then do they join the volunteer's balance. The confirmation is a record of its own
/// (shared-community/service-confirmation), issued by the service record's community, signed and anchored.
/// </summary>
internal sealed class ServiceConfirmations(RecordPipeline pipeline, EnvelopeVault vault, LedgerDbContext db)
{
    /// <summary>The rule's name when the recorder tries to confirm their own record.</summary>
    public const string SecondPersonRule = "second-person";

    /// <summary>Confirms <paramref name="service"/>, a volunteer-service record the caller may confirm.</summary>
    /// <exception cref="LedgerProblem">403 for the recorder, 409 when revoked or already confirmed, 410 when erased.</exception>
    public async Task<ServiceConfirmationResult> ConfirmAsync(StoredRecord service, Caller caller, string? note, CancellationToken ct)
    {
        if (await CommunityAccess.IsSameStaffAsync(caller, service.SubmittedBy, db, ct))
        {
            throw new LedgerProblem(StatusCodes.Status403Forbidden, "Self-confirmation",
                "Hours are confirmed by a second person: the activity's organiser or another community worker, never the one who recorded them.")
            { Rule = SecondPersonRule };
        }
        var envelope = await vault.OpenAsync(service, ct) ?? throw RecordGone.Problem(service);
        var recorded = JsonNode.Parse(envelope)!["payload"]!.AsObject();
        var payload = new JsonObject
        {
            ["serviceRecord"] = service.RecordHash,
            ["volunteerRef"] = recorded["volunteerRef"]!.GetValue<string>(),
            ["hours"] = ExactDecimals.Format(TimebankBalance.HoursOf(recorded)),
            ["confirmedBy"] = caller.KeyId,
        };
        if (note is not null)
        {
            payload["note"] = note;
        }
        // Issued by the service record's community: its subject digest, and so its balance row, is the volunteer's there.
        var confirmation = await pipeline.WriteInternalAsync(
            SharedCommunityServiceConfirmation.Definition, service.Issuer, payload, caller.KeyId,
            new NotRevokedEffects(service.Id, "This volunteer-service record was revoked; its hours cannot be confirmed."), "the confirmation", ct);
        return new ServiceConfirmationResult(confirmation.Id, confirmation.RecordHash, service.RecordHash,
            payload["hours"]!.GetValue<string>(), RecordsApi.LinksFor(confirmation));
    }
}
