using System.Globalization;
using System.Net;
using System.Text;
using Ledger.Api.Access;
using Ledger.Core.Epcis;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// Location names from a capture document's master data: stored with its events, shown beside the GLN in the recall
/// export and on the trace page, as the organisation that captured each event named its place.
/// </summary>
public sealed class EpcisLocationNamesTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task TheRecallNamesAnEventsPlaceAsItsCapturerNamedItAndAnotherCompanyCannotRenameIt()
    {
        var (place, farmItem, bureauItem) = (Place(), Item(), Item());
        await CaptureAsync(Roles.FoodEnterprise, Document(place, "龙华农场, 一号田", farmItem));
        await CaptureAsync(Roles.Inspector, Document(place, "冒名的名字", bureauItem));

        Assert.Equal("龙华农场, 一号田", Assert.Single(await RecallAsync(farmItem))["Location"]);
        Assert.Equal("冒名的名字", Assert.Single(await RecallAsync(bureauItem))["Location"]);
        Assert.Equal(Gs1Identifier.TryParse(place)!.Canonical, Assert.Single(await RecallAsync(farmItem))["Location (GLN)"]);
    }

    [Fact]
    public async Task ALaterDocumentOfTheSameCompanyRenamesItsPlaceAndTheTracePageShowsTheName()
    {
        var (place, first, second) = (Place(), Item(), Item());
        await CaptureAsync(Roles.FoodEnterprise, Document(place, "Old name", first));
        await CaptureAsync(Roles.FoodEnterprise, Document(place, "  New\tname  ", second));

        Assert.Equal("New name", Assert.Single(await RecallAsync(first))["Location"]);
        var page = await _factory.ClientFor(Roles.Inspector).GetStringAsync($"/food/trace?epc={Uri.EscapeDataString(first)}&direction=forward");
        Assert.Contains("<span class=\"place-name\">New name</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedDocumentStoresNoNameAndAPlaceWithoutOneHasAnEmptyColumn()
    {
        var (place, item, unnamed) = (Place(), Item(), Item());
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(Roles.FoodEnterprise),
            Document(place, "Never stored", item, badKey: "urn:epc:id:sscc:4012345.12345678901"));
        Assert.Equal("failed", job.GetProperty("status").GetString());
        var canonical = Gs1Identifier.TryParse(place)!.Canonical;
        Assert.Equal(0, await _factory.QueryAsync(db => db.EpcisLocationNames.CountAsync(n => n.Identifier == canonical)));

        await CaptureAsync(Roles.FoodEnterprise, EpcisCapturing.ObjectEvent("receiving", place, "2024-05-02T08:00:00Z", unnamed));
        Assert.Equal("", Assert.Single(await RecallAsync(unnamed))["Location"]);
    }

    private async Task CaptureAsync(string role, string document)
    {
        var job = await EpcisCapturing.CaptureAsync(_factory.ClientFor(role), document);
        Assert.Equal("success", job.GetProperty("status").GetString());
    }

    // The recall export's rows as column name → value (no field in these tests holds a comma but the quoted name).
    private async Task<List<Dictionary<string, string>>> RecallAsync(string epc)
    {
        var response = await _factory.ClientFor(Roles.Inspector).GetAsync($"/api/v1/food/recall.csv?epc={Uri.EscapeDataString(epc)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines[1..].Select(Fields).Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    private static string Place() => $"urn:epc:id:sgln:4012345.{Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture)}.0";

    private static string Item() => $"urn:epc:id:sgtin:4012345.011111.N{Guid.NewGuid():N}"[..52];

    // One commissioning event of <item> at <place>, with master data naming <place>; <badKey> adds a malformed key.
    private static string Document(string place, string name, string item, string? badKey = null) => $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
          "epcisHeader": { "epcisMasterData": { "vocabularyList": [
            { "type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
              { "id": "{{place}}", "attributes": [ { "id": "urn:epcglobal:cbv:mda#name", "attribute": "{{name.Replace("\t", "\\t", StringComparison.Ordinal)}}" } ] } ] } ] } },
          "epcisBody": { "eventList": [
            { "type": "ObjectEvent", "eventTime": "2024-05-01T08:00:00Z", "eventTimeZoneOffset": "+08:00", "action": "ADD",
              "bizStep": "commissioning", "epcList": ["{{item}}"{{(badKey is null ? "" : $", \"{badKey}\"")}}],
              "bizLocation": { "id": "{{place}}" } }
          ] }
        }
        """;
}
