using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.SharedCommunity.FundExpense;
using Ledger.Core.Records.Types.SharedCommunity.FundIncome;

namespace Ledger.Core.Tests.Records;

/// <summary>The fund types' payloads: exact yuan, categories instead of names.</summary>
public sealed class FundTypesTests
{
    [Fact]
    public void TheExampleIncomeIsValid() => Assert.Empty(SharedCommunityFundIncome.Definition.Validate(Income("1250.00")));

    [Theory]
    [InlineData("0", "greater than 0")]
    [InlineData("12.345", "at most two decimal places")]
    [InlineData("-5", "at most two decimal places")]
    public void AnAmountThatIsNotPositiveYuanInFenIsRefused(string amount, string message)
    {
        var error = Assert.Single(SharedCommunityFundIncome.Definition.Validate(Income(amount)));

        Assert.Equal("amount", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpenseNamesAPayeeCategoryNeverAPerson()
    {
        var payload = new JsonObject
        {
            ["amount"] = "80.00", ["purpose"] = "Tea for volunteers", ["payeeCategory"] = "Li Wei",
            ["receiptHash"] = "0x" + new string('a', 64), ["paidOn"] = "2026-11-02", ["approvalsRequired"] = 0,
        };

        Assert.Equal("payeeCategory", Assert.Single(SharedCommunityFundExpense.Definition.Validate(payload)).Field);
    }

    private static JsonObject Income(string amount) => new()
    {
        ["amount"] = amount,
        ["source"] = "donation",
        ["purpose"] = "Stairwell lights",
        ["receiptHash"] = "0x" + new string('b', 64),
        ["receivedOn"] = "2026-11-01",
    };
}
