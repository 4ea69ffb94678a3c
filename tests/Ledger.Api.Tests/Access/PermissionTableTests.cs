using Ledger.Api.Access;
using Ledger.Core.Access;
using Ledger.Core.Records;
using Ledger.Data.Access;
using static Ledger.Api.Tests.Access.TableOracle;

namespace Ledger.Api.Tests.Access;

/// <summary>
/// The permissions table and the policy that reads it: hand-written outcomes for the new roles and for organisations
/// above others, and the policy's revoke and correct decisions generated from the table for every role, type and
/// relation between caller and issuer.
/// </summary>
public sealed class PermissionTableTests
{
    private const string Xihu = "330106";
    private const string Binjiang = "330108";
    private const string Bureau = "demo-judicial-bureau";
    private const string Office = "demo-lingyin-judicial-office";

    private static readonly AccessPolicy Policy = new();

    private static readonly RecordFacts OfficeCheckIn = new("community-correction", DataLevel.HighlySensitive, Office, Xihu)
    {
        Type = "check-in",
        IssuerAncestors = [Bureau],
    };

    private static Caller As(string role, string organisation, string jurisdiction, string kind) =>
        new($"ldg_{role}", role, organisation) { Jurisdiction = jurisdiction, OrganisationKind = kind };

    [Theory]
    [InlineData(LedgerAction.RevokeRecord)]
    [InlineData(LedgerAction.SupersedeRecord)]
    public void TheBureauAboveAnOfficeRevokesAndCorrectsTheOfficesRecords(LedgerAction action)
    {
        Assert.Equal(AccessOutcome.Allowed, Policy.Decide(As(Roles.CorrectionOfficer, Bureau, Xihu, "judicial"), action, OfficeCheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.Allowed, Policy.Decide(As(Roles.CorrectionOfficer, Office, Xihu, "judicial"), action, OfficeCheckIn, null).Outcome);
    }

    [Theory]
    [InlineData(LedgerAction.RevokeRecord)]
    [InlineData(LedgerAction.SupersedeRecord)]
    public void AnOfficeDoesNotRevokeOrCorrectTheBureauAboveItNorDoesAnotherDistrict(LedgerAction action)
    {
        var bureauCheckIn = OfficeCheckIn with { IssuerOrganisation = Bureau, IssuerAncestors = [] };

        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(As(Roles.CorrectionOfficer, Office, Xihu, "judicial"), action, bureauCheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(As(Roles.CorrectionOfficer, "demo-binjiang-judicial-bureau", Binjiang, "judicial"), action, OfficeCheckIn, null).Outcome);
    }

    [Fact]
    public void TheBureauAboveDoesNotEraseTheOfficesSubjects() =>
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(As(Roles.CorrectionOfficer, Bureau, Xihu, "judicial"), LedgerAction.EraseSubject, OfficeCheckIn, "court order").Outcome);

    [Fact]
    public void ABureauApproverReadsItsDistrictsCasesSubmitsApprovalsOnlyAndRevokesNoCheckIn()
    {
        var approver = As(Roles.BureauApprover, Bureau, Xihu, "judicial");
        var positioning = OfficeCheckIn with { Type = "positioning-approval", IssuerOrganisation = Bureau, IssuerAncestors = [] };

        Assert.Equal(AccessOutcome.Allowed, Policy.Decide(approver, LedgerAction.ReadRecord, OfficeCheckIn, "leave request 17").Outcome);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(As(Roles.BureauApprover, "demo-binjiang-judicial-bureau", Binjiang, "judicial"), LedgerAction.ReadRecord, OfficeCheckIn, "leave request 17").Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(approver, LedgerAction.RevokeRecord, OfficeCheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(approver, LedgerAction.SubmitRecord, OfficeCheckIn with { IssuerOrganisation = Bureau }, null).Outcome);
        Assert.Equal(AccessOutcome.Allowed, Policy.Decide(approver, LedgerAction.SubmitRecord, positioning, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(As(Roles.CorrectionOfficer, Bureau, Xihu, "judicial"), LedgerAction.SubmitRecord, positioning, null).Outcome);
    }

    [Fact]
    public void AFoodEnterpriseReadsOnlyItsOwnOrganisationsRecordsAndSubmitsNoTypeYet()
    {
        var company = As(Roles.FoodEnterprise, "demo-food-enterprise", Xihu, "enterprise");
        var own = new RecordFacts("food-safety", DataLevel.Internal, "demo-food-enterprise", Xihu) { Type = "inspection" };

        Assert.Equal(AccessOutcome.Allowed, Policy.Decide(company, LedgerAction.ReadRecord, own, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(company, LedgerAction.ReadRecord, own with { IssuerOrganisation = "demo-market-supervision-bureau" }, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(company, LedgerAction.SubmitRecord, own, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(company, LedgerAction.RevokeRecord, own with { IssuerOrganisation = "demo-market-supervision-bureau" }, null).Outcome);
    }

    [Fact]
    public void AResidentOfTheCommunityHoldsNoRowsYet()
    {
        var resident = As(Roles.Resident, "demo-community-committee", Xihu, "community");
        var hours = new RecordFacts("shared-community", DataLevel.Internal, "demo-community-committee", Xihu) { Type = "volunteer-service" };

        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(resident, LedgerAction.ReadRecord, hours, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(resident, LedgerAction.SubmitRecord, hours, null).Outcome);
    }

    [Theory]
    [InlineData("food-enterprise", "enterprise")]
    [InlineData("bureau-approver", "judicial")]
    [InlineData("resident", "community")]
    public void EachNewRoleFitsItsKindAndNoOther(string role, string kind)
    {
        Assert.Equal([kind], RoleTable.Find(role)!.Kinds);
        Assert.Null(RoleAssignments.Mismatch("org", kind, role));
        Assert.NotNull(RoleAssignments.Mismatch("org", "operator", role));
    }

    [Fact]
    public void TheRecordTypesListNamesTheSameSubmittersAsTheTypesDeclare() =>
        Assert.All(RecordTypeCatalog.Default.Submittable, t => Assert.Equal(t.SubmittedBy, PermissionTable.Default.SubmittersOf(t)));

    [Fact]
    public void ATableWithARowThatSharesSensitiveRecordsAcrossJurisdictionsIsRefused()
    {
        RoleDefinition[] leaky = [.. RoleTable.All, new("leaky", ["audit"], ServiceRights.None, [new("leaky", RecordAction.Read, AccessScope.Anywhere, DataLevel.Internal)])];

        var refused = Assert.Throws<InvalidOperationException>(() => new PermissionTable(RecordTypeCatalog.Default, leaky));
        Assert.Contains("Anywhere reaches L1 only", refused.Message);
    }

    [Fact]
    public void ATableWhereARoleSubmitsEveryTypeIsRefused()
    {
        RoleDefinition[] everywhere = [.. RoleTable.All, new("writer", ["audit"], ServiceRights.None, [new("writer", RecordAction.Submit, AccessScope.IssuingOrganisation)])];

        Assert.Throws<InvalidOperationException>(() => new PermissionTable(RecordTypeCatalog.Default, everywhere));
    }

    /// <summary>Every role × revoke/correct × submitted type × the caller's place relative to the issuing office.</summary>
    public static TheoryData<string, LedgerAction, string, string, string> RevokeAndCorrectCases()
    {
        var cases = new TheoryData<string, LedgerAction, string, string, string>();
        foreach (var role in StaffRoles.All)
        {
            foreach (var action in new[] { LedgerAction.RevokeRecord, LedgerAction.SupersedeRecord })
            {
                foreach (var type in RecordTypeCatalog.Default.Submittable)
                {
                    foreach (var place in new[] { "issuer", "above", "sibling", "other-area" })
                    {
                        cases.Add(role, action, type.Domain, type.Type, place);
                    }
                }
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(RevokeAndCorrectCases))]
    public void ThePolicyRevokesAndCorrectsExactlyAsTheTableSays(string role, LedgerAction action, string domain, string type, string place)
    {
        Assert.True(RecordTypeCatalog.Default.TryGet(domain, type, out var definition));
        var (organisation, area) = place switch
        {
            "issuer" => ("office", Xihu),
            "above" => ("bureau", Xihu),
            "sibling" => ("other-office", Xihu),
            _ => ("binjiang-bureau", Binjiang),
        };
        var kind = RoleTable.Find(role)!.Kinds[0];
        var facts = new RecordFacts(domain, definition.Level, "office", Xihu) { Type = type, IssuerAncestors = ["bureau"] };
        var expected = Allows(new Who(role, organisation, area), action == LedgerAction.RevokeRecord ? RecordAction.Revoke : RecordAction.Supersede,
            new What(domain, type, definition.Level, "office", Xihu, ["bureau"]));

        var decision = Policy.Decide(As(role, organisation, area, kind), action, facts, null);

        Assert.Equal(expected, decision.IsAllowed);
        Assert.Equal(place is "issuer" or "above" && definition.SubmittedBy.Contains(role), decision.IsAllowed);
    }
}
