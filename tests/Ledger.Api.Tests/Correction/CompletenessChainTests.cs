using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Core.Records.Chains;
using Microsoft.EntityFrameworkCore;
using static Ledger.Api.Tests.Correction.CaseRecords;

namespace Ledger.Api.Tests.Correction;

/// <summary>Every record of a case carries its number and its predecessor's hash, assigned in the commit: one chain, however they race.</summary>
public sealed class CompletenessChainTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private static readonly DateOnly Start = new(2026, 9, 1);
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ThirtyParallelSubmissionsForOneCaseMakeOneChainWithoutGaps()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var office = _factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName);
        var caseRef = FreshRef();
        var opened = await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(90)));

        // From two organisations of the jurisdiction at once: the bureau's officer and the office's.
        var accepted = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            SubmitAsync(i % 2 == 0 ? officer : office, CheckIn(caseRef, Start.AddDays(i), hour: 8 + i % 10))));

        var view = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}");
        var records = view.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(31, records.Count);
        Assert.Equal(Enumerable.Range(1, 31).Select(i => (long)i), records.Select(r => r.GetProperty("seq").GetInt64()));
        var links = records.Select(r => new ChainedRecord(r.GetProperty("recordHash").GetString()!,
            ChainLink.Read(System.Text.Json.Nodes.JsonNode.Parse(r.GetProperty("payload").GetRawText())!.AsObject(), out _))).ToList();
        Assert.True(ChainCheck.Check(links).IsWhole, string.Join("; ", ChainCheck.Check(links).Problems));
        Assert.Equal(opened.GetProperty("record").GetProperty("recordHash").GetString(), links[0].RecordHash);
        Assert.Equal(accepted.Select(a => a.GetProperty("recordHash").GetString()).Order(), links.Skip(1).Select(l => l.RecordHash).Order());
    }

    [Fact]
    public async Task RevocationsRacingCheckInsAreLinksOfOneChainWithoutGaps()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var office = _factory.ClientFor(EmbeddedKeys.OfficeOfficerKeyName);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(90)));
        var first = new List<JsonElement>();
        for (var i = 0; i < 10; i++)
        {
            first.Add(await SubmitAsync(office, CheckIn(caseRef, Start.AddDays(i))));
        }

        // Ten revocations of those, and ten new check-ins, all at once, from the office and the bureau.
        var revoked = first.Select(a => a.GetProperty("recordHash").GetString()!).ToList();
        var revocations = Task.WhenAll(revoked.Select((hash, i) => RevokeAsync(i % 2 == 0 ? office : officer, hash)));
        var checkIns = Task.WhenAll(Enumerable.Range(10, 10).Select(i => SubmitAsync(i % 2 == 0 ? officer : office, CheckIn(caseRef, Start.AddDays(i)))));
        await Task.WhenAll(revocations, checkIns);

        var view = await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}");
        var records = view.GetProperty("records").EnumerateArray().ToList();
        Assert.True(view.GetProperty("chain").GetProperty("whole").GetBoolean(), view.GetProperty("chain").GetRawText());
        Assert.Equal(Enumerable.Range(1, 31).Select(i => (long)i), records.Select(r => r.GetProperty("seq").GetInt64()));
        var links = records.Select(r => new ChainedRecord(r.GetProperty("recordHash").GetString()!,
            ChainLink.Read(System.Text.Json.Nodes.JsonNode.Parse(r.GetProperty("payload").GetRawText())!.AsObject(), out _))).ToList();
        Assert.True(ChainCheck.Check(links).IsWhole, string.Join("; ", ChainCheck.Check(links).Problems));
        Assert.Equal((await revocations).Select(r => r.GetProperty("recordHash").GetString()).Order(),
            records.Where(r => r.GetProperty("type").GetString() == "revocation").Select(r => r.GetProperty("recordHash").GetString()).Order());
        Assert.All(records.Where(r => revoked.Contains(r.GetProperty("recordHash").GetString()!)), r => Assert.Equal("revoked", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ARecordOfAClosedCaseCanStillBeRevokedAndTheRevocationFollowsTheClosing()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(90)));
        var checkIn = await SubmitAsync(officer, CheckIn(caseRef, Start));
        var closing = await SubmitAsync(officer, Closing(caseRef, Start.AddDays(1)));

        var revocation = await RevokeAsync(officer, checkIn.GetProperty("recordHash").GetString()!);

        var records = (await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}")).GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(4, records.Count);
        var payload = records[3].GetProperty("payload");
        Assert.Equal(revocation.GetProperty("recordHash").GetString(), records[3].GetProperty("recordHash").GetString());
        Assert.Equal(4, payload.GetProperty("chain").GetProperty("seq").GetInt64());
        Assert.Equal(closing.GetProperty("recordHash").GetString(), payload.GetProperty("chain").GetProperty("previous").GetString());
    }

    [Fact]
    public async Task ARevocationOfACaseRecordCarriesTheCasesNextLinkInsideItsOwnEnvelope()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(90)));
        var checkIn = await SubmitAsync(officer, CheckIn(caseRef, Start));

        var revocation = await RevokeAsync(officer, checkIn.GetProperty("recordHash").GetString()!);

        // The case's readers see the revocation where it stands in the chain, with the payload it was hashed with.
        var record = (await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}")).GetProperty("records")[2];
        var payload = record.GetProperty("payload");
        Assert.Equal(revocation.GetProperty("recordHash").GetString(), record.GetProperty("recordHash").GetString());
        Assert.Equal("revocation", record.GetProperty("type").GetString());
        Assert.Equal(checkIn.GetProperty("recordHash").GetString(), payload.GetProperty("revokedRecord").GetString());
        Assert.Equal(3, payload.GetProperty("chain").GetProperty("seq").GetInt64());
        Assert.Equal(checkIn.GetProperty("recordHash").GetString(), payload.GetProperty("chain").GetProperty("previous").GetString());
    }

    [Fact]
    public async Task TheChainIsSealedInsideEachRecordSoItsHashCoversTheLink()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(90)));
        var accepted = await SubmitAsync(officer, CheckIn(caseRef, Start));

        var record = await ReadAsync(officer, $"/api/v1/records/{accepted.GetProperty("id").GetString()}");

        var envelope = System.Text.Json.Nodes.JsonNode.Parse(record.GetProperty("envelope").GetRawText())!;
        Assert.Equal(2, envelope["payload"]!["chain"]!["seq"]!.GetValue<long>());
        Assert.Equal(2, envelope["typeVersion"]!.GetValue<int>());
        var hash = Core.Records.RecordCommitment.ComputeHash(Core.Records.RecordEnvelope.FromJson(envelope));
        Assert.Equal(accepted.GetProperty("recordHash").GetString(), hash);
    }

    [Fact]
    public async Task AnIndexRowThatNoLongerMatchesItsRecordIsReported()
    {
        var officer = _factory.ClientFor(Roles.CorrectionOfficer);
        var caseRef = FreshRef();
        var opened = await OpenAsync(officer, Case(caseRef, Start, Start.AddDays(90)));
        await SubmitAsync(officer, CheckIn(caseRef, Start));
        var caseId = opened.GetProperty("caseId").GetString()!;
        await _factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE correction_chain SET previous_hash = {"0x" + new string('1', 64)} WHERE case_id = {caseId} AND seq = 2"));

        var chain = (await ReadAsync(officer, $"/api/v1/correction/cases/{caseRef}")).GetProperty("chain");

        Assert.False(chain.GetProperty("whole").GetBoolean());
        Assert.Contains(chain.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("the index", StringComparison.Ordinal));
    }
}
