using Ledger.Api.Access;
using Ledger.Core.Records;

namespace Ledger.Api.Tests.Access;

/// <summary>Decisions of the policy that no endpoint exercises yet (erasure, access trail) and its edge cases.</summary>
public sealed class AccessPolicyTests
{
    private const string Xihu = "330106";
    private const string Binjiang = "330108";

    private static readonly AccessPolicy Policy = new();

    private static readonly RecordFacts CheckIn = new("community-correction", DataLevel.HighlySensitive, "demo-judicial-bureau", Xihu);
    private static readonly RecordFacts Inspection = new("food-safety", DataLevel.Public, "demo-market-supervision-bureau", Xihu) { Type = "inspection" };

    private static Caller As(string role, string organisation, string? jurisdiction, string? kind = null) =>
        new($"ldg_{role}", role, organisation) { Jurisdiction = jurisdiction, OrganisationKind = kind };

    [Fact]
    public void TheIssuingBureauErasesOnlyForAStatedReason()
    {
        var officer = As(Roles.CorrectionOfficer, "demo-judicial-bureau", Xihu);

        Assert.Equal(AccessOutcome.PurposeRequired, Policy.Decide(officer, LedgerAction.EraseSubject, CheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.Allowed, Policy.Decide(officer, LedgerAction.EraseSubject, CheckIn, "court order 2026-17").Outcome);
    }

    [Fact]
    public void AnotherBureauOfTheSameKindCannotEraseAndDoesNotLearnThatTheRecordExists()
    {
        var neighbour = As(Roles.CorrectionOfficer, "demo-binjiang-judicial-bureau", Binjiang);

        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(neighbour, LedgerAction.EraseSubject, CheckIn, "court order").Outcome);
    }

    [Fact]
    public void AnAuditorWhoMayReadARecordIsForbiddenNotMisledWhenErasingIt()
    {
        var auditor = As(Roles.Auditor, "demo-audit-office", Xihu);

        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(auditor, LedgerAction.EraseSubject, CheckIn, "cleanup").Outcome);
    }

    [Fact]
    public void AuditorsOfTheJurisdictionAndTheIssuingBureauReadTheAccessTrail()
    {
        Assert.True(Policy.Decide(As(Roles.Auditor, "demo-audit-office", Xihu), LedgerAction.ReadAccessTrail, CheckIn, null).IsAllowed);
        Assert.True(Policy.Decide(As(Roles.CorrectionOfficer, "demo-judicial-bureau", Xihu), LedgerAction.ReadAccessTrail, CheckIn, null).IsAllowed);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(As(Roles.Auditor, "demo-binjiang-audit-office", Binjiang), LedgerAction.ReadAccessTrail, CheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(As(Roles.Admin, "demo-ledger-operator", Xihu), LedgerAction.ReadAccessTrail, Inspection, null).Outcome);
    }

    [Fact]
    public void ARecordOfAnUnregisteredIssuerIsInNobodysJurisdiction()
    {
        var unregistered = CheckIn with { IssuerOrganisation = "legacy-bureau", Jurisdiction = "" };
        var officerWithoutJurisdiction = As(Roles.CorrectionOfficer, "legacy-bureau", null);

        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(officerWithoutJurisdiction, LedgerAction.ReadRecord, unregistered, "review").Outcome);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(As(Roles.Auditor, "demo-audit-office", Xihu), LedgerAction.ReadRecord, unregistered, "review").Outcome);
    }

    [Fact]
    public void StaffSubmitOnlyInTheNameOfTheirOwnOrganisation()
    {
        var inspector = As(Roles.Inspector, "demo-market-supervision-bureau", Xihu);

        Assert.True(Policy.Decide(inspector, LedgerAction.SubmitRecord, Inspection, null).IsAllowed);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(inspector, LedgerAction.SubmitRecord, Inspection with { IssuerOrganisation = "demo-binjiang-market-supervision-bureau" }, null).Outcome);
    }

    [Fact]
    public void OnlyAdminsManageKeysAndTheAnonymousPublicIsUnauthenticatedForEveryAction()
    {
        Assert.True(Policy.Decide(As(Roles.Admin, "demo-ledger-operator", Xihu), LedgerAction.ManageKeys, null, null).IsAllowed);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(As(Roles.Auditor, "demo-audit-office", Xihu), LedgerAction.ManageKeys, null, null).Outcome);
        Assert.All(Enum.GetValues<LedgerAction>(), action =>
            Assert.Equal(AccessOutcome.Unauthenticated, Policy.Decide(null, action, Inspection, "any").Outcome));
    }

    [Fact]
    public void AnUnknownRoleMayDoNothing()
    {
        var stranger = As("superuser", "demo-ledger-operator", Xihu);

        Assert.All(Enum.GetValues<LedgerAction>(), action =>
            Assert.False(Policy.Decide(stranger, action, Inspection with { Level = DataLevel.Internal }, "any").IsAllowed));
    }

    [Fact]
    public void ACorrectionOfficerOfAMarketSupervisionBureauMayDoNothingAndLearnsNoL4RecordExists()
    {
        var misfit = As(Roles.CorrectionOfficer, "demo-market-supervision-bureau", Xihu, "market-supervision");
        var ownCheckIn = CheckIn with { IssuerOrganisation = "demo-market-supervision-bureau" };

        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(misfit, LedgerAction.SubmitRecord, ownCheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(misfit, LedgerAction.SubmitRecord, null, null).Outcome);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(misfit, LedgerAction.ReadRecord, CheckIn, "annual case review").Outcome);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(misfit, LedgerAction.EraseSubject, ownCheckIn, "court order").Outcome);
        Assert.Equal(AccessOutcome.NotFound, Policy.Decide(misfit, LedgerAction.ReadAccessTrail, ownCheckIn, null).Outcome);
        Assert.Equal(AccessOutcome.Forbidden, Policy.Decide(misfit, LedgerAction.ReadRecord, Inspection, null).Outcome);
    }

    [Fact]
    public void ARefusedMisfitIsToldItsOrganisationsKindAndTheRoleThatFits()
    {
        var misfit = As(Roles.Inspector, "demo-judicial-bureau", Xihu, "judicial");

        var decision = Policy.Decide(misfit, LedgerAction.SubmitRecord, Inspection with { IssuerOrganisation = "demo-judicial-bureau" }, null);

        Assert.Equal(AccessOutcome.Forbidden, decision.Outcome);
        Assert.Contains("'inspector'", decision.Reason);
        Assert.Contains("kind 'judicial'", decision.Reason);
        Assert.Contains("correction-officer", decision.Reason);
    }

    [Theory]
    [InlineData("auditor", "operator")]
    [InlineData("admin", "audit")]
    [InlineData("admin", "market-supervision")]
    [InlineData("community-worker", "judicial")]
    public void ARoleOutsideItsKindOfOrganisationMayDoNoAction(string role, string kind)
    {
        var misfit = As(role, $"demo-{kind}", Xihu, kind);

        Assert.All(Enum.GetValues<LedgerAction>(), action =>
        {
            Assert.False(Policy.Decide(misfit, action, null, "any").IsAllowed, $"{action} without a record");
            Assert.All(new[] { Inspection, CheckIn, Inspection with { Level = DataLevel.Internal, Domain = "shared-community" } }, record =>
                Assert.False(Policy.Decide(misfit, action, record with { IssuerOrganisation = misfit.Organisation }, "any").IsAllowed, $"{action} on {record.Domain}"));
        });
    }

    [Theory]
    [InlineData("inspector", "market-supervision", LedgerAction.SubmitRecord)]
    [InlineData("correction-officer", "judicial", LedgerAction.SubmitRecord)]
    [InlineData("community-worker", "community", LedgerAction.SubmitRecord)]
    [InlineData("auditor", "audit", LedgerAction.ReadStatus)]
    [InlineData("admin", "operator", LedgerAction.ManageKeys)]
    public void EachRoleActsInItsOwnKindOfOrganisation(string role, string kind, LedgerAction action)
    {
        Assert.True(Policy.Decide(As(role, $"demo-{kind}", Xihu, kind), action, null, null).IsAllowed);
    }

    [Fact]
    public void AKeyOfAnUnregisteredOrganisationHasNoKindToCheckAndKeepsItsRole()
    {
        var legacy = As(Roles.CorrectionOfficer, "legacy-bureau", null, kind: null);

        Assert.True(Policy.Decide(legacy, LedgerAction.SubmitRecord, CheckIn with { IssuerOrganisation = "legacy-bureau", Jurisdiction = "", Type = "check-in" }, null).IsAllowed);
    }
}
