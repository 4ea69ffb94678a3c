using System.Text;

namespace Ledger.Bench.Micro;

/// <summary>What the benchmarks work on: a small food-safety inspection, as its envelope is hashed (about 500 bytes).</summary>
public static class SampleRecord
{
    public const string EnvelopeJson = """
        {"version":"ledger-record/v2","domain":"food-safety","type":"inspection","typeVersion":2,
         "id":"0f6c1e36-4d1f-4c47-9a51-0f7d2d7b8e11","issuer":"cn-330106-market-supervision",
         "occurredAt":"2026-11-20T01:30:00.000Z","salt":"0x6b1f3e5c9a7d2b4e8f0a1c3d5e7f9b2a4c6e8d0f1a3b5c7d9e1f3a5b7c9d1e3f",
         "payload":{"enterprise":{"name":"Green Valley Vegetables Co.","creditCode":"91330106MA2B3C4D5E"},
           "product":"Spinach","lot":"L-2026-1122-01","inspectionKind":"rapid-test","result":"pass",
           "items":[{"analyte":"organophosphates","reading":"12.4","unit":"%","limit":"50"}]}}
        """;

    public static readonly byte[] EnvelopeUtf8 = Encoding.UTF8.GetBytes(EnvelopeJson);
}
