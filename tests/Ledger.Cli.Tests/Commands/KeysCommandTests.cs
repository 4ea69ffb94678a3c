using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Cli.Commands;
using Ledger.Data.Access;

namespace Ledger.Cli.Tests.Commands;

public sealed partial class KeysCommandTests : IDisposable
{
    private const string Organisation = "cn-330106-market-supervision";

    private readonly OperatorDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ANewKeyIsPrintedOnceWithAWarningAndListedOnlyByItsPrefix()
    {
        await _data.RegisterAsync(Organisation);

        var created = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector", "--label", "badge 17");
        var list = await _data.RunAsync("keys", "list");

        Assert.Equal(0, created.Code);
        var key = KeyText().Match(created.Output).Value;
        Assert.Contains("shown once", created.Output);
        var prefix = key[..12];
        Assert.Contains(prefix, list.Output);
        Assert.DoesNotContain(key[13..], list.Output);
        Assert.Matches($@"{prefix}\s+inspector\s+{Organisation}\s+stf_[0-9a-f]{{8}}\s+badge 17\s+.*\s+active", list.Output);
    }

    [Fact]
    public async Task AKeyExpiresAfterNinetyDaysUnlessToldOtherwise()
    {
        await _data.RegisterAsync(Organisation);

        var standard = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector");
        var shortLived = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector", "--expires-in", "12h");

        Assert.Equal(DateTime.UtcNow.AddDays(90), ExpiryOf(standard.Output), TimeSpan.FromMinutes(2));
        Assert.Equal(DateTime.UtcNow.AddHours(12), ExpiryOf(shortLived.Output), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ARevokedKeyIsListedAsRevokedAndRevokingAgainChangesNothing()
    {
        await _data.RegisterAsync(Organisation);
        var created = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector");
        var id = KeyText().Match(created.Output).Value[..12];

        var first = await _data.RunAsync("keys", "revoke", id);
        var second = await _data.RunAsync("keys", "revoke", id);
        var list = await _data.RunAsync("keys", "list");

        Assert.Equal(0, first.Code);
        Assert.Contains("Revoked", first.Output);
        Assert.Contains("already revoked", second.Output);
        Assert.Matches($@"{id}.*revoked \d{{4}}-", list.Output);
    }

    [Fact]
    public async Task AKeyForAnUnregisteredOrganisationIsRefused()
    {
        var run = await _data.RunAsync("keys", "create", "--org", "no-such-bureau", "--role", "inspector");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("Unknown organisation 'no-such-bureau'", run.Error);
        Assert.DoesNotMatch(KeyText(), run.Output);
    }

    [Fact]
    public async Task AnUnknownRoleIsRefusedNamingTheRoles()
    {
        await _data.RegisterAsync(Organisation);

        var run = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "superuser");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("inspector, correction-officer, community-worker, auditor, admin", run.Error);
    }

    [Fact]
    public async Task ACorrectionOfficerKeyForAMarketSupervisionBureauIsRefusedNamingItsKindAndTheRoleThatFits()
    {
        await _data.RegisterAsync(Organisation);

        var run = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "correction-officer");
        var list = await _data.RunAsync("keys", "list");

        Assert.Equal(1, run.Code);
        Assert.Contains($"The role 'correction-officer' does not fit the organisation '{Organisation}': it is of kind 'market-supervision', whose staff hold only the role inspector.", run.Error);
        Assert.DoesNotMatch(KeyText(), run.Output);
        Assert.DoesNotContain("ldg_", list.Output);
    }

    [Theory]
    [InlineData("inspector", "market-supervision")]
    [InlineData("correction-officer", "judicial")]
    [InlineData("community-worker", "community")]
    [InlineData("auditor", "audit")]
    [InlineData("admin", "operator")]
    public async Task EachRoleIsIssuedOnlyForItsOwnKindOfOrganisation(string role, string fittingKind)
    {
        string[] kinds = ["market-supervision", "judicial", "community", "audit", "operator"];
        foreach (var kind in kinds)
        {
            await _data.RegisterAsync($"org-{kind}", kind);
        }

        var runs = new Dictionary<string, CliRun>();
        foreach (var kind in kinds)
        {
            runs[kind] = await _data.RunAsync("keys", "create", "--org", $"org-{kind}", "--role", role);
        }

        Assert.All(runs, run => Assert.True(run.Value.Code == (run.Key == fittingKind ? 0 : CliApp.Invalid), $"{role} in {run.Key}: {run.Value.Error}"));
        Assert.Single(runs, run => KeyText().IsMatch(run.Value.Output));
    }

    [Fact]
    public async Task AnotherKeyForAStaffMemberWhoseRoleNoLongerFitsIsRefused()
    {
        await _data.RegisterAsync(Organisation);
        var staff = "stf_0badf17e";
        // An account the CLI issued before roles had to fit kinds.
        await using (var store = await OperatorStore.OpenAsync(_data.Path, TextWriter.Null))
        {
            store.Db.StaffAccounts.Add(new StaffAccount
            {
                Id = staff, OrganisationId = Organisation, Label = "before the rule", Role = "auditor", CreatedAtMs = 0,
            });
            await store.Db.SaveChangesAsync();
        }

        var run = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "auditor", "--staff", staff);

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("kind 'market-supervision'", run.Error);
        Assert.DoesNotMatch(KeyText(), run.Output);
    }

    [Theory]
    [InlineData("5y", CliApp.Usage)]
    [InlineData("0d", CliApp.Usage)]
    [InlineData("ninety", CliApp.Usage)]
    [InlineData("1000d", CliApp.Invalid)]
    public async Task AnExpiryThatIsUnreadableOrTooLongIsRefused(string expiresIn, int code)
    {
        await _data.RegisterAsync(Organisation);

        var run = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector", "--expires-in", expiresIn);

        Assert.Equal(code, run.Code);
    }

    [Fact]
    public async Task RevokingAnUnknownKeyIsRefused()
    {
        var run = await _data.RunAsync("keys", "revoke", "ldg_00000000");

        Assert.Equal(CliApp.Invalid, run.Code);
        Assert.Contains("Unknown key", run.Error);
    }

    [Fact]
    public async Task AnotherKeyForTheSameStaffMemberKeepsTheirAccount()
    {
        await _data.RegisterAsync(Organisation);
        var first = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector");
        var staff = StaffId().Match(first.Output).Value;

        var rotated = await _data.RunAsync("keys", "create", "--org", Organisation, "--role", "inspector", "--staff", staff);
        await _data.RegisterAsync("cn-330108-market-supervision", areaCode: "330108");
        var otherOrganisation = await _data.RunAsync("keys", "create", "--org", "cn-330108-market-supervision", "--role", "inspector", "--staff", staff);

        Assert.Equal(0, rotated.Code);
        Assert.Contains($"for staff {staff}", rotated.Output);
        Assert.Equal(CliApp.Invalid, otherOrganisation.Code);
        Assert.Contains($"The staff account '{staff}' is a inspector of {Organisation}", otherOrganisation.Error);
    }

    private static DateTime ExpiryOf(string output) => DateTime.ParseExact(
        Regex.Match(output, @"expires (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC").Groups[1].Value, "yyyy-MM-dd HH:mm",
        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex("ldg_[0-9a-f]{8}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyText();

    [GeneratedRegex("stf_[0-9a-f]{8}")]
    private static partial Regex StaffId();
}
