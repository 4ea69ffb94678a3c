using Ledger.Core.Epcis;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// A small supply chain as one EPCIS document, with identifiers unique to one test: a farm commissions lots A and B
/// and ships them; a processor receives them and transforms them into lot C, packs C onto pallet P and ships P; a
/// distributor receives P and ships C to two markets. A rework event turns C back into A, so the graph has a cycle.
/// </summary>
internal sealed class SupplyChain
{
    private readonly string _suffix = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string LotA => $"urn:epc:class:lgtin:4012345.012345.A{_suffix}";
    public string LotB => $"urn:epc:class:lgtin:4012345.012345.B{_suffix}";
    public string LotC => $"urn:epc:class:lgtin:4012345.054321.C{_suffix}";
    public string Pallet => $"urn:epc:id:sscc:4012345.{_suffix}0001";
    public const string Farm = "urn:epc:id:sgln:4012345.00001.0";
    public const string Processor = "urn:epc:id:sgln:4012345.00002.0";
    public const string Distributor = "urn:epc:id:sgln:4012345.00003.0";
    public const string MarketOne = "urn:epc:id:sgln:4012345.00004.0";
    public const string MarketTwo = "urn:epc:id:sgln:4012345.00005.0";

    public static string Canonical(string id) => Gs1Identifier.TryParse(id)!.Canonical;

    public string Document(bool withRework = true)
    {
        var events = new List<string>
        {
            Quantities("2024-05-01T06:00:00+08:00", "commissioning", "ADD", Farm, LotA, LotB),
            Quantities("2024-05-01T09:00:00+08:00", "shipping", "OBSERVE", Farm, LotA, LotB),
            Quantities("2024-05-01T15:00:00+08:00", "receiving", "OBSERVE", Processor, LotA, LotB),
            $$"""
            { "type": "TransformationEvent", "eventTime": "2024-05-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "bizStep": "commissioning",
              "inputQuantityList": [ { "epcClass": "{{LotA}}", "quantity": 200, "uom": "KGM" }, { "epcClass": "{{LotB}}", "quantity": 100, "uom": "KGM" } ],
              "outputQuantityList": [ { "epcClass": "{{LotC}}", "quantity": 280, "uom": "KGM" } ],
              "bizLocation": { "id": "{{Processor}}" } }
            """,
            $$"""
            { "type": "AggregationEvent", "eventTime": "2024-05-02T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD", "bizStep": "packing",
              "parentID": "{{Pallet}}", "childQuantityList": [ { "epcClass": "{{LotC}}", "quantity": 280, "uom": "KGM" } ],
              "bizLocation": { "id": "{{Processor}}" } }
            """,
            Instances("2024-05-02T12:00:00+08:00", "shipping", Processor, Pallet),
            Instances("2024-05-02T18:00:00+08:00", "receiving", Distributor, Pallet),
            Quantities("2024-05-03T06:00:00+08:00", "shipping", "OBSERVE", Distributor, LotC),
            Quantities("2024-05-03T08:00:00+08:00", "receiving", "OBSERVE", MarketOne, LotC),
            Quantities("2024-05-03T08:30:00+08:00", "receiving", "OBSERVE", MarketTwo, LotC),
        };
        if (withRework)
        {
            events.Add($$"""
                { "type": "TransformationEvent", "eventTime": "2024-05-04T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "bizStep": "repairing",
                  "inputQuantityList": [ { "epcClass": "{{LotC}}", "quantity": 5, "uom": "KGM" } ],
                  "outputQuantityList": [ { "epcClass": "{{LotA}}", "quantity": 5, "uom": "KGM" } ],
                  "bizLocation": { "id": "{{Processor}}" } }
                """);
        }
        return $$"""
            { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
              "creationDate": "2024-05-05T00:00:00Z", "epcisBody": { "eventList": [ {{string.Join(",\n", events)}} ] } }
            """;
    }

    private static string Quantities(string time, string step, string action, string place, params string[] lots) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "action": "{{action}}", "bizStep": "{{step}}",
          "epcList": [], "quantityList": [ {{string.Join(", ", lots.Select(l => $$"""{ "epcClass": "{{l}}", "quantity": 100, "uom": "KGM" }"""))}} ],
          "bizLocation": { "id": "{{place}}" },
          "bizTransactionList": [ { "type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:4012345000009:DN-{{time[..10]}}" } ] }
        """;

    private static string Instances(string time, string step, string place, params string[] epcs) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "{{step}}",
          "epcList": [ {{string.Join(", ", epcs.Select(e => $"\"{e}\""))}} ], "bizLocation": { "id": "{{place}}" } }
        """;
}
