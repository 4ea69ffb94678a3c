using Ledger.Api.Access;
using Ledger.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Access;

/// <summary>A record's jurisdiction is its issuer's area code, looked up, not stored on the record.</summary>
public sealed class RecordFactsReaderTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ARecordOfARegisteredOrganisationIsInItsArea()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(Roles.CorrectionOfficer), Samples.CheckIn());

        var facts = await FactsOfAsync(accepted.GetProperty("id").GetString()!);

        Assert.Equal(new RecordFacts("community-correction", DataLevel.HighlySensitive, "demo-judicial-bureau", EmbeddedOrganisations.HomeArea) { Type = "check-in" }, facts);
    }

    [Fact]
    public async Task ARecordOfAnOfficeBelowABureauNamesTheBureauAboveIt()
    {
        var accepted = await Samples.SubmitAsync(_factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName), Samples.CheckIn());

        var facts = await FactsOfAsync(accepted.GetProperty("id").GetString()!);

        Assert.Equal(EmbeddedOrganisations.JudicialOffice, facts.IssuerOrganisation);
        Assert.Equal([EmbeddedOrganisations.JudicialBureau], facts.IssuerAncestors);
    }

    [Fact]
    public async Task ARecordOfAnUnregisteredIssuerHasNoJurisdiction()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await _factory.CreateKeyAsync(Roles.Inspector, "unregistered-market-bureau"));
        var accepted = await Samples.SubmitAsync(client, Samples.Inspection("L-UNREGISTERED"));

        var facts = await FactsOfAsync(accepted.GetProperty("id").GetString()!);

        Assert.Equal("unregistered-market-bureau", facts.IssuerOrganisation);
        Assert.Equal("", facts.Jurisdiction);
    }

    private Task<RecordFacts> FactsOfAsync(string id) => _factory.QueryAsync(async db =>
        await new RecordFactsReader(db).ForAsync(await db.Records.SingleAsync(r => r.Id == id), default));
}
