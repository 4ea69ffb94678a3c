using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ledger.Bench.BareLoop;

/// <summary>The answer to an accepted record.</summary>
internal sealed record Receipt(string Id, string Hash);

/// <summary>The answer to a look-up by hash.</summary>
internal sealed record Found(string Id, string Hash, long CreatedAtMs);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Receipt))]
[JsonSerializable(typeof(Found))]
internal sealed partial class BareLoopJson : JsonSerializerContext;
