using System.Net;
using Ledger.Api.Access;
using Ledger.Api.Protection;
using Ledger.Core.Epcis;
using Ledger.Core.Records.Types.FoodSafety;
using Ledger.Data.Projections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// A lot's published results are found whichever spelling the result and the reader's link use: an EPC URN, the
/// Digital Link on id.gs1.org, or one on a brand's own host with a query string (the <c>food-lot-results</c> projection).
/// </summary>
public sealed class FoodLotSpellingsTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AResultWrittenAsAUrnIsFoundFromABrandsDigitalLinkAndTheOtherWayRound()
    {
        var (urn, canonical, brand) = Spellings("SP-" + Guid.NewGuid().ToString("N")[..8]);
        var test = await EpcisCapturing.SubmitFailedRapidTestAsync(_factory.ClientFor(Roles.Inspector), urn);
        var (urn2, _, brand2) = Spellings("SP-" + Guid.NewGuid().ToString("N")[..8]);
        var inspection = await EpcisCapturing.SubmitInspectionAsync(_factory.ClientFor(Roles.Inspector), brand2, "fail");

        foreach (var link in new[] { urn, canonical, brand })
        {
            var page = await PublicPageAsync(link);
            Assert.Contains($"/food/certificates/{test}?", page, StringComparison.Ordinal);
            Assert.DoesNotContain(inspection, page, StringComparison.Ordinal);
        }
        var other = await PublicPageAsync(urn2);
        Assert.Contains($"/food/certificates/{inspection}?", other, StringComparison.Ordinal);
        Assert.DoesNotContain(test, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALotNoResultNamesInAnySpellingIsStillANotFoundPage()
    {
        var (_, _, brand) = Spellings("SP-NONE-" + Guid.NewGuid().ToString("N")[..6]);

        var response = await _factory.CreateClient().GetAsync($"/food/trace?epc={Uri.EscapeDataString(brand)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ARebuildKeepsTheRowsAndALotWithoutAGs1LotAddsNone()
    {
        var (urn, canonical, _) = Spellings("SP-RB-" + Guid.NewGuid().ToString("N")[..6]);
        await EpcisCapturing.SubmitFailedRapidTestAsync(_factory.ClientFor(Roles.Inspector), urn);
        var before = await RowsAsync(canonical);

        await _factory.QueryAsync(db => new ProjectionRebuild(db, _factory.Services.GetRequiredService<ProtectionKeys>().Master).RunAsync(CancellationToken.None));

        var row = Assert.Single(before);
        Assert.Equal(before, await RowsAsync(canonical));
        Assert.Equal("""{"result":"unqualified","type":"rapid-test"}""", row.Value);
    }

    private async Task<string> PublicPageAsync(string epc)
    {
        var response = await _factory.CreateClient().GetAsync($"/food/trace?epc={Uri.EscapeDataString(epc)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<List<(string Key, string Value)>> RowsAsync(string canonical) => _factory.QueryAsync(async db =>
        (await db.Projections.AsNoTracking().Where(p => p.Projection == FoodLotResults.Name && p.Key.StartsWith(canonical + " ")).ToListAsync())
            .Select(p => (p.Key, p.Value)).ToList());

    // One lot in three spellings: the EPC class URN, its canonical Digital Link, and a brand's Digital Link of it
    // (another host, the short GTIN-13 and a query string).
    private static (string Urn, string Canonical, string Brand) Spellings(string lot)
    {
        var urn = $"urn:epc:class:lgtin:4012345.011111.{lot}";
        var canonical = Gs1Identifier.TryParse(urn)!.Canonical;
        var gtin = canonical.Split('/')[4];
        var brand = $"https://food.example.cn/01/{gtin[1..]}/10/{lot}?linkType=gs1:certificationInfo";
        Assert.Equal(canonical, Gs1Identifier.TryParse(brand)?.Canonical);
        return (urn, canonical, brand);
    }
}
