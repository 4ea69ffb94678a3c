using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Ledger.Core.Records;

namespace Ledger.Bench.Micro;

/// <summary>
/// The steps of a submission before its signature, on the small inspection that <c>scripts/bench</c> submits, as a
/// request body gives it (parsed by System.Text.Json): the parse, the payload's check against its JSON Schema, and the envelope's commitment (its
/// canonical JSON and record hash). Each call starts from a fresh parse, as each request does, so the parse is
/// measured alone to be told apart. Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class SubmissionBenchmarks
{
    private static readonly RecordTypeDefinition Inspection =
        RecordTypeCatalog.Default.TryGetSubmittable("food-safety", "inspection", out var definition)
            ? definition
            : throw new InvalidOperationException("The catalog has no food-safety/inspection type.");

    // bench/load/ingest.lua's payload.
    private const string PayloadJson = """
        {"enterprise":{"name":"Green Valley Vegetables Co."},"product":"Spinach","lot":"L-1-000001-1",
         "inspectionKind":"rapid-test","result":"pass"}
        """;

    [GlobalSetup]
    public void Setup()
    {
        if (Inspection.ValidateSubmission(Parse()) is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"The sample payload does not fit its type: {errors[0].Field} {errors[0].Message}");
        }
    }

    [Benchmark(Description = "parse payload (System.Text.Json)")]
    public int ParsePayload() => Parse().Count;

    [Benchmark(Description = "parse + validate payload (JSON Schema)")]
    public int Validate() => Inspection.ValidateSubmission(Parse()).Count;

    [Benchmark(Description = "parse + commit envelope (canonical JSON + hash)")]
    public string Commit() => RecordCommitment.Commit(Envelope(Parse())).RecordHash;

    private static JsonObject Parse() => JsonNode.Parse(PayloadJson)!.AsObject();

    private static RecordEnvelope Envelope(JsonObject payload) => new()
    {
        Version = RecordEnvelope.CurrentVersion,
        Domain = Inspection.Domain,
        Type = Inspection.Type,
        TypeVersion = Inspection.Current.Number,
        Id = "0f6c1e36-4d1f-4c47-9a51-0f7d2d7b8e11",
        Issuer = "cn-330106-market-supervision",
        OccurredAt = "2026-11-20T01:30:00.000Z",
        Payload = payload,
        Salt = "0x6b1f3e5c9a7d2b4e8f0a1c3d5e7f9b2a4c6e8d0f1a3b5c7d9e1f3a5b7c9d1e3f",
    };
}
