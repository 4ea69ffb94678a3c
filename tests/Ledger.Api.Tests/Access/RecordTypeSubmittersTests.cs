using Ledger.Api.Access;
using Ledger.Core.Records;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// Each record type names the roles that submit it, and the access policy decides submissions by role and domain;
/// until permissions become one table the two must say the same, so the list the public reads is the rule applied.
/// </summary>
public sealed class RecordTypeSubmittersTests
{
    private static readonly AccessPolicy Policy = new();

    public static TheoryData<string, string, string> EveryTypeAndRole()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var type in RecordTypeCatalog.Default.All)
        {
            foreach (var role in Roles.All)
            {
                cases.Add(type.Domain, type.Type, role);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndRole))]
    public void ARoleMaySubmitATypeExactlyWhenTheTypeNamesIt(string domain, string type, string role)
    {
        Assert.True(RecordTypeCatalog.Default.TryGet(domain, type, out var definition));
        var caller = new Caller($"ldg_{role}", role, "demo-organisation") { Jurisdiction = "330106" };

        var decision = Policy.Decide(caller, LedgerAction.SubmitRecord, IRecordFactsReader.ForSubmission(definition, caller), null);

        Assert.Equal(definition.SubmittedBy.Contains(role), decision.Outcome == AccessOutcome.Allowed);
    }

    [Fact]
    public void EveryRoleATypeNamesIsALedgerRole() =>
        Assert.All(RecordTypeCatalog.Default.All.SelectMany(t => t.SubmittedBy), role => Assert.True(Roles.IsKnown(role), role));
}
