using System.Text.Json.Nodes;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.FundStatement;

/// <summary>
/// shared-community/fund-statement: a closed month of a community's fund — opening balance, totals, closing balance
/// and a Merkle root over the month's entries' record hashes — so anyone can check that the statement equals the
/// entries. A month is closed once; what comes later lands in a later month.
/// </summary>
public static class SharedCommunityFundStatement
{
    /// <summary>The projection of closed months, keyed by community and month.</summary>
    public const string ClosedName = "fund-closed-months";

    /// <summary>The rule refusing a second statement of one month.</summary>
    public const string ClosedOnceRule = "month-closed";

    /// <summary>The record type; L1 like the fund. The service writes it when a month is closed.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "fund-statement",
        DataLevel.Public,
        "A closed month of the community fund: balances, totals and a Merkle root over the month's entries.")
    {
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityFundStatement), "fund-statement.v1.schema.json"))],
        StatefulRules = [new(ClosedOnceRule, RefuseSecondAsync)],
        Projections = [new(ClosedName, RememberAsync)],
    };

    /// <summary>The row key of a community's month.</summary>
    public static string KeyOf(string community, string month) => $"{community}|{month}";

    /// <summary>Whether the month is closed.</summary>
    public static async Task<bool> IsClosedAsync(IProjectionState state, string community, string month, CancellationToken ct) =>
        await state.GetAsync(ClosedName, KeyOf(community, month), ct) is not null;

    private static async Task<RuleRefusal?> RefuseSecondAsync(CommittingRecord record, IProjectionState state, CancellationToken ct) =>
        await IsClosedAsync(state, record.Issuer, MonthOf(record), ct)
            ? new RuleRefusal(ClosedOnceRule, RefusalKind.Conflict, "Month already closed",
                $"The fund statement of {MonthOf(record)} is already stored; a closed month does not change.")
            : null;

    private static Task RememberAsync(CommittingRecord record, IProjectionState state, CancellationToken ct) =>
        state.PutAsync(ClosedName, KeyOf(record.Issuer, MonthOf(record)), new JsonObject { ["closed"] = true }, subjectDigest: null, ct);

    private static string MonthOf(CommittingRecord record) => record.Payload["month"]!.GetValue<string>();
}
