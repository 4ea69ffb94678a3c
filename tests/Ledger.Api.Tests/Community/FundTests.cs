using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ledger.Api.Tests.Community;

/// <summary>The community fund through the real API: the balance rule, dual approval, and their concurrency.</summary>
public sealed class FundTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task IncomeAndSmallExpensesMoveTheBalanceAndAnExpenseBeyondItIsRefusedWithTheBalance()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("800.50", DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Created, (await community.ExpenseAsync("300.25")).StatusCode);

        var refused = await community.ExpenseAsync("500.26");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fund-not-negative", problem.GetProperty("rule").GetString());
        Assert.Equal("Paying 500.26 yuan would take the community fund below zero: the balance is 500.25 yuan.", problem.GetProperty("detail").GetString());
        Assert.Equal(500.25m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task ALargeExpenseCountsOnlyOnceTwoStaffOtherThanTheRecorderApproveIt()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("5000.00", DateTimeOffset.UtcNow));
        var recorded = await (await community.ExpenseAsync("1000.01")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, recorded.GetProperty("approvalsRequired").GetInt32());
        var hash = recorded.GetProperty("recordHash").GetString()!;
        Assert.Equal(5000m, await community.BalanceAsync(_factory));

        var byRecorder = await TestCommunity.ApproveAsync(community.Recorder, hash);
        Assert.Equal(HttpStatusCode.Forbidden, byRecorder.StatusCode);
        Assert.Equal("approver-not-recorder", (await byRecorder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        Assert.Equal(HttpStatusCode.Created, (await TestCommunity.ApproveAsync(community.FirstApprover, hash)).StatusCode);
        Assert.Equal(5000m, await community.BalanceAsync(_factory));
        var twice = await TestCommunity.ApproveAsync(community.FirstApprover, hash);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("distinct-approvers", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        var second = await TestCommunity.ApproveAsync(community.SecondApprover, hash);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("counted").GetBoolean());
        Assert.Equal(3999.99m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task AnExpenseAtTheThresholdNeedsNoApprovals()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("1000.00", DateTimeOffset.UtcNow));

        var recorded = await (await community.ExpenseAsync("1000.00")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(0, recorded.GetProperty("approvalsRequired").GetInt32());
        Assert.Equal(0m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task OfFiftyConcurrentApprovalsByOnePersonExactlyOneIsStored()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("3000.00", DateTimeOffset.UtcNow));
        var hash = (await (await community.ExpenseAsync("2000.00")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => TestCommunity.ApproveAsync(community.FirstApprover, hash)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(3000m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task OfFiftyConcurrentExpensesOfOneHundredAgainstSevenHundredExactlySevenCommitAndTheFundEndsAtZero()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        await Samples.SubmitAsync(community.Recorder, TestCommunity.Income("700.00", DateTimeOffset.UtcNow));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => community.ExpenseAsync("100.00")));

        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.UnprocessableEntity, a.StatusCode));
        Assert.Equal(0m, await community.BalanceAsync(_factory));
    }

    [Fact]
    public async Task APayeeThatIsNotACategoryIsRefusedAndNothingIsStored()
    {
        var community = await TestCommunity.CreateAsync(_factory);
        var answer = await community.Recorder.PostAsJsonAsync("/api/v1/community/fund/expenses", new
        {
            amount = "10.00", purpose = "Tea", payeeCategory = "Wang Fang", receiptHash = "0x" + new string('3', 64), paidOn = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("payeeCategory", out _));
    }
}
