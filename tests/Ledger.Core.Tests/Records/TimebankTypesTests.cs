using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.HoursReceived;
using Ledger.Core.Records.Types.SharedCommunity.HoursRedemption;
using Ledger.Core.Records.Types.SharedCommunity.HoursTransfer;
using Ledger.Core.Records.Types.SharedCommunity.Revocations;
using Ledger.Core.Records.Types.SharedCommunity.ServiceConfirmation;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;
using Ledger.Core.Records.Types.SharedCommunity.VolunteerService;

namespace Ledger.Core.Tests.Records;

/// <summary>The time-bank types and the timebank-balance projection, replayed over rows held in memory.</summary>
public sealed class TimebankTypesTests
{
    private const string Volunteer = "subject-digest-of-the-volunteer";

    [Fact]
    public void ATransferOfZeroHoursIsRefusedAtTheHoursField()
    {
        var payload = Transfer("0.00");

        Assert.Equal("hours", Assert.Single(SharedCommunityHoursTransfer.Definition.Validate(payload)).Field);
    }

    [Fact]
    public void TheExampleTransferIsValidAndSpendsUnderTheBalanceRule()
    {
        Assert.Empty(SharedCommunityHoursTransfer.Definition.Validate(Transfer("1.50")));
        Assert.Equal(["balance-not-negative"], SharedCommunityHoursTransfer.Definition.StatefulRules.Select(r => r.Name));
    }

    [Fact]
    public async Task ServiceHoursArePendingUntilConfirmedAndOnlyConfirmedHoursCanBeSpent()
    {
        var state = new MemoryState();
        await ApplyAsync(state, SharedCommunityVolunteerService.Definition, new JsonObject { ["volunteerRef"] = "V-ab", ["hours"] = JsonNode.Parse("2.5") });

        Assert.Equal(new TimebankAccount(0m, 2.5m), await TimebankBalance.AccountAsync(state, Volunteer, default));
        Assert.NotNull(await TimebankBalance.NotNegative.Check(Committing(SharedCommunityHoursRedemption.Definition, Transfer("1")), state, default));

        await ApplyAsync(state, SharedCommunityServiceConfirmation.Definition, Confirmation("2.5"));

        Assert.Equal(new TimebankAccount(2.5m, 0m), await TimebankBalance.AccountAsync(state, Volunteer, default));
        Assert.Null(await TimebankBalance.NotNegative.Check(Committing(SharedCommunityHoursTransfer.Definition, Transfer("2.50")), state, default));
    }

    [Fact]
    public async Task ASecondConfirmationOfOneServiceRecordIsAConflict()
    {
        var state = new MemoryState();
        await ApplyAsync(state, SharedCommunityServiceConfirmation.Definition, Confirmation("1"));

        var refusal = await SharedCommunityServiceConfirmation.Definition.StatefulRules[0].Check(
            Committing(SharedCommunityServiceConfirmation.Definition, Confirmation("1")), state, default);

        Assert.Equal(("confirmed-once", RefusalKind.Conflict), (refusal?.Rule, refusal?.Kind));
    }

    [Fact]
    public async Task ATransferAndItsReceivedHalfAddUpToZero()
    {
        var state = new MemoryState();
        await ApplyAsync(state, SharedCommunityServiceConfirmation.Definition, Confirmation("4"));
        await ApplyAsync(state, SharedCommunityHoursTransfer.Definition, Transfer("1.25"));
        await SharedCommunityHoursReceived.Definition.Projections[0].Apply(
            new CommittingRecord(SharedCommunityHoursReceived.Definition, 1, "other", Received("1.25"), "receiver"), state, default);

        Assert.Equal(2.75m, await TimebankBalance.BalanceAsync(state, Volunteer, default));
        Assert.Equal(1.25m, await TimebankBalance.BalanceAsync(state, "receiver", default));
    }

    [Fact]
    public async Task RevokingATransferGivesTheHoursBackAndTakesThemFromTheReceiverItsReceiptNames()
    {
        var state = new MemoryState();
        await ApplyAsync(state, SharedCommunityServiceConfirmation.Definition, Confirmation("4"));
        var transfer = Committing(SharedCommunityHoursTransfer.Definition, Transfer("1.25"));
        await ApplyAsync(state, SharedCommunityHoursTransfer.Definition, Transfer("1.25"));
        await SharedCommunityHoursReceived.Definition.Projections[0].Apply(
            new CommittingRecord(SharedCommunityHoursReceived.Definition, 1, "other", Received("1.25"), "receiver"), state, default);

        Assert.Null(await RevokedEntries.CheckAsync(transfer, TransferHash, state, default));
        await RevokedEntries.ApplyAsync(transfer, TransferHash, state, default);

        Assert.Equal(4m, await TimebankBalance.BalanceAsync(state, Volunteer, default));
        Assert.Equal(0m, await TimebankBalance.BalanceAsync(state, "receiver", default));
    }

    [Fact]
    public async Task RevokingHoursTheVolunteerAlreadySpentIsRefusedNamingTheBalance()
    {
        var state = new MemoryState();
        var service = new JsonObject { ["volunteerRef"] = "V-ab", ["activity"] = "Meal delivery", ["hours"] = "2", ["serviceDate"] = "2026-11-21" };
        await ApplyAsync(state, SharedCommunityVolunteerService.Definition, service);
        var confirmation = Confirmation("2");
        confirmation["serviceRecord"] = TransferHash;
        await ApplyAsync(state, SharedCommunityServiceConfirmation.Definition, confirmation);
        await ApplyAsync(state, SharedCommunityHoursRedemption.Definition,
            new JsonObject { ["volunteerRef"] = "V-ab", ["hours"] = "1.5", ["service"] = "Home repair", ["redeemedOn"] = "2026-11-22" });

        var refusal = await RevokedEntries.CheckAsync(Committing(SharedCommunityVolunteerService.Definition, service), TransferHash, state, default);

        Assert.Equal(("balance-not-negative", RefusalKind.Unprocessable), (refusal?.Rule, refusal?.Kind));
        Assert.Contains("the balance is 0.5 hours", refusal!.Detail, StringComparison.Ordinal);
    }

    private const string TransferHash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    private static JsonObject Received(string hours) => new() { ["hours"] = hours, ["transferRecord"] = TransferHash };

    private static async Task ApplyAsync(MemoryState state, RecordTypeDefinition definition, JsonObject payload)
    {
        foreach (var projection in definition.Projections)
        {
            await projection.Apply(Committing(definition, payload), state, default);
        }
    }

    private static CommittingRecord Committing(RecordTypeDefinition definition, JsonObject payload) =>
        new(definition, 1, "demo-community-committee", payload, Volunteer);

    private static JsonObject Confirmation(string hours) => new()
    {
        ["serviceRecord"] = "0x" + new string('a', 64),
        ["volunteerRef"] = "V-ab",
        ["hours"] = hours,
        ["confirmedBy"] = "ldg_second",
    };

    private static JsonObject Transfer(string hours) => new()
    {
        ["volunteerRef"] = "TB-XH-00421",
        ["hours"] = hours,
        ["toCommunity"] = "demo-binjiang-community-committee",
        ["toVolunteerRef"] = "TB-CH-00007",
        ["transferredOn"] = "2026-11-23",
    };

    private sealed class MemoryState : IProjectionState
    {
        private readonly Dictionary<(string, string), JsonNode> _rows = [];

        public Task<JsonNode?> GetAsync(string projection, string key, CancellationToken ct) =>
            Task.FromResult(_rows.TryGetValue((projection, key), out var row) ? row.DeepClone() : null);

        public Task PutAsync(string projection, string key, JsonNode value, string? subjectDigest, CancellationToken ct)
        {
            _rows[(projection, key)] = value.DeepClone();
            return Task.CompletedTask;
        }
    }
}
