using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.ServiceConfirmation;

/// <summary>
/// shared-community/service-confirmation: a second person — the activity's organiser or another community worker,
/// never the one who recorded it — confirms a volunteer-service record. Only then do its hours join the balance.
/// </summary>
/// <remarks>
/// The service writes it (<c>POST /api/v1/community/service/{recordHash}/confirmation</c>), copying the volunteer
/// and hours from the confirmed record, so the projection replays from this record alone. A record is confirmed once:
/// the <c>timebank-confirmations</c> rows, keyed by the confirmed record's hash, are read inside the commit.
/// </remarks>
public static class SharedCommunityServiceConfirmation
{
    /// <summary>The projection of confirmed service records: one row per confirmed record hash.</summary>
    public const string ConfirmationsName = "timebank-confirmations";

    /// <summary>The rule's name: a service record is confirmed once.</summary>
    public const string ConfirmedOnceRule = "confirmed-once";

    /// <summary>The record type; L2 like the volunteer-service record it confirms, and about the same volunteer.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "service-confirmation",
        DataLevel.Internal,
        "A second person confirms a volunteer-service record, so its hours count in the time bank.")
    {
        SubjectField = "volunteerRef",
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityServiceConfirmation), "service-confirmation.v1.schema.json"))],
        StatefulRules = [new(ConfirmedOnceRule, RefuseSecondAsync)],
        Projections = [TimebankBalance.Projection, new(ConfirmationsName, RememberAsync)],
    };

    /// <summary>Whether the service record <paramref name="serviceRecordHash"/> is confirmed.</summary>
    public static async Task<bool> IsConfirmedAsync(IProjectionState state, string serviceRecordHash, CancellationToken ct) =>
        await state.GetAsync(ConfirmationsName, serviceRecordHash, ct) is not null;

    private static async Task<RuleRefusal?> RefuseSecondAsync(CommittingRecord record, IProjectionState state, CancellationToken ct) =>
        await IsConfirmedAsync(state, ServiceRecordOf(record), ct)
            ? new RuleRefusal(ConfirmedOnceRule, RefusalKind.Conflict, "Already confirmed",
                "This volunteer-service record is already confirmed; its hours count once.")
            : null;

    private static Task RememberAsync(CommittingRecord record, IProjectionState state, CancellationToken ct) =>
        state.PutAsync(ConfirmationsName, ServiceRecordOf(record), new JsonObject { ["confirmed"] = true }, record.SubjectDigest, ct);

    private static string ServiceRecordOf(CommittingRecord record) => record.Payload["serviceRecord"]!.GetValue<string>();
}
