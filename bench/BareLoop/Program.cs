// The bare loop: the least a durable HTTP ingest can do, run beside the service by scripts/bench as its yardstick.
// POST /records parses the JSON body, hashes it, queues it for the group commit (SQLite, WAL, synchronous=FULL) and
// answers 202 only after its transaction committed; GET /records/{hash} looks a record up by its hash.
using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Ledger.Bench.BareLoop;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["Database"] ?? Path.Combine(Path.GetTempPath(), $"bareloop-{Environment.ProcessId}.db");
var store = new RecordStore(database);
var writer = new GroupWriter(store, maxPerCommit: 256);
var app = builder.Build();

app.MapPost("/records", async (HttpRequest request) =>
{
    var length = (int)(request.ContentLength ?? 0);
    if (length is <= 0 or > 64 * 1024)
    {
        return Results.Problem(statusCode: 400, title: "A JSON body of at most 64 KiB is required.");
    }
    var buffer = ArrayPool<byte>.Shared.Rent(length);
    try
    {
        await request.Body.ReadExactlyAsync(buffer.AsMemory(0, length));
        var body = buffer.AsMemory(0, length);
        try
        {
            using var parsed = JsonDocument.Parse(body);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Results.Problem(statusCode: 400, title: "The body must be a JSON object.");
            }
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: 400, title: "The body is not JSON.");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Span));
        var id = Guid.CreateVersion7().ToString();
        await writer.WriteAsync(new PendingRecord(id, hash, body.ToArray()));
        return Results.Json(new Receipt(id, hash), BareLoopJson.Default.Receipt, statusCode: 202);
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(buffer);
    }
});

app.MapGet("/records/{hash}", (string hash) =>
    store.FindByHash(hash) is { } found
        ? Results.Json(found, BareLoopJson.Default.Found)
        : Results.Problem(statusCode: 404, title: "No record has this hash."));

app.Lifetime.ApplicationStopping.Register(writer.Complete);
await app.RunAsync();
writer.Complete();
await writer.Stopped;
