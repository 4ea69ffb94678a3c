namespace Ledger.Cli.Commands.Demo;

/// <summary>
/// The demo's supply chain as one EPCIS 2.0 document: a vegetable farm harvests two lots and ships them; a processor
/// receives them, washes and cuts them into one new lot and packs it onto a pallet; a distributor receives the pallet
/// and ships the lot to two markets, which receive it. The header's master data names the five places. Lot codes carry
/// <paramref name="run"/>, so each run is its own chain.
/// </summary>
internal sealed class FoodDemoChain(string run)
{
    public const string Farm = "urn:epc:id:sgln:6901234.00001.0";
    public const string Processor = "urn:epc:id:sgln:6901234.00002.0";
    public const string Distributor = "urn:epc:id:sgln:6901234.00003.0";
    public const string MarketLonghua = "urn:epc:id:sgln:6901234.00004.0";
    public const string MarketXujiahui = "urn:epc:id:sgln:6901234.00005.0";

    public string SpinachLot => $"urn:epc:class:lgtin:6901234.012345.SP{run}";
    public string BokChoyLot => $"urn:epc:class:lgtin:6901234.012352.BC{run}";
    public string SaladLot => $"urn:epc:class:lgtin:6901234.054321.MX{run}";
    // An SSCC with a 7-digit company prefix has a 10-digit serial reference: the run's last six digits and 0001.
    public string Pallet => $"urn:epc:id:sscc:6901234.{run[^6..]}0001";

    public string Document() => $$"""
        { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
          "creationDate": "2024-05-05T00:00:00Z",
          "epcisHeader": { "epcisMasterData": { "vocabularyList": [ { "type": "urn:epcglobal:epcis:vtype:BusinessLocation", "vocabularyElementList": [
            {{Name(Farm, "青浦绿源蔬菜种植基地")}}, {{Name(Processor, "松江鲜切净菜加工厂")}}, {{Name(Distributor, "闵行冷链配送中心")}},
            {{Name(MarketLonghua, "龙华农贸市场")}}, {{Name(MarketXujiahui, "徐家汇菜市场")}} ] } ] } },
          "epcisBody": { "eventList": [
            {{Lots("2024-05-01T06:00:00+08:00", "commissioning", "ADD", Farm, null, SpinachLot, BokChoyLot)}},
            {{Lots("2024-05-01T09:00:00+08:00", "shipping", "OBSERVE", Farm, "DN-SP-0501", SpinachLot, BokChoyLot)}},
            {{Lots("2024-05-01T15:00:00+08:00", "receiving", "OBSERVE", Processor, "DN-SP-0501", SpinachLot, BokChoyLot)}},
            { "type": "TransformationEvent", "eventTime": "2024-05-02T08:00:00+08:00", "eventTimeZoneOffset": "+08:00", "bizStep": "commissioning",
              "inputQuantityList": [ { "epcClass": "{{SpinachLot}}", "quantity": 200, "uom": "KGM" }, { "epcClass": "{{BokChoyLot}}", "quantity": 100, "uom": "KGM" } ],
              "outputQuantityList": [ { "epcClass": "{{SaladLot}}", "quantity": 280, "uom": "KGM" } ], "bizLocation": { "id": "{{Processor}}" } },
            { "type": "AggregationEvent", "eventTime": "2024-05-02T10:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "ADD", "bizStep": "packing",
              "parentID": "{{Pallet}}", "childQuantityList": [ { "epcClass": "{{SaladLot}}", "quantity": 280, "uom": "KGM" } ], "bizLocation": { "id": "{{Processor}}" } },
            { "type": "ObjectEvent", "eventTime": "2024-05-02T12:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "shipping",
              "epcList": [ "{{Pallet}}" ], "bizLocation": { "id": "{{Processor}}" },
              "bizTransactionList": [ { "type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000004:DN-MX-0502" } ] },
            { "type": "ObjectEvent", "eventTime": "2024-05-02T18:00:00+08:00", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "receiving",
              "epcList": [ "{{Pallet}}" ], "bizLocation": { "id": "{{Distributor}}" } },
            {{Lots("2024-05-03T05:00:00+08:00", "shipping", "OBSERVE", Distributor, "DN-MX-0503", SaladLot)}},
            {{Lots("2024-05-03T07:30:00+08:00", "receiving", "OBSERVE", MarketLonghua, "DN-MX-0503", SaladLot)}},
            {{Lots("2024-05-03T08:00:00+08:00", "receiving", "OBSERVE", MarketXujiahui, "DN-MX-0503", SaladLot)}}
          ] } }
        """;

    // A place's name in the document's master data, which the recall export and the trace page show beside its GLN.
    private static string Name(string place, string name) =>
        $$"""{ "id": "{{place}}", "attributes": [ { "id": "urn:epcglobal:cbv:mda#name", "attribute": "{{name}}" } ] }""";

    private static string Lots(string time, string step, string action, string place, string? document, params string[] lots) => $$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+08:00", "action": "{{action}}", "bizStep": "{{step}}", "epcList": [],
          "quantityList": [ {{string.Join(", ", lots.Select(l => $$"""{ "epcClass": "{{l}}", "quantity": 100, "uom": "KGM" }"""))}} ],
          "bizLocation": { "id": "{{place}}" }{{(document is null ? "" : $$""", "bizTransactionList": [ { "type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000004:{{document}}" } ]""")}} }
        """;
}
