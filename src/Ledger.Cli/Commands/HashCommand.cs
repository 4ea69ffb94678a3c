using System.Text;
using System.Text.Json.Nodes;
using Ledger.Core.Records;

namespace Ledger.Cli.Commands;

/// <summary><c>ledger hash &lt;record.json&gt;</c>: recompute a record's commitment from its envelope.</summary>
internal static class HashCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            throw new UsageException("hash takes one argument: a record envelope file (or a GET /api/v1/records/{id} response).");
        }
        var text = await InputFile.ReadAsync(args[0]);
        RecordEnvelope envelope;
        try
        {
            var node = JsonNode.Parse(text);
            // Accept the API's record view too: its "envelope" member is exactly what was hashed.
            envelope = RecordEnvelope.FromJson(node?["envelope"] ?? node!);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            await error.WriteLineAsync($"invalid: {args[0]} is not a record envelope: {e.Message}");
            return CliApp.Invalid;
        }
        var canonical = RecordCommitment.CanonicalBytes(envelope);
        await output.WriteLineAsync("canonical: " + Encoding.UTF8.GetString(canonical));
        await output.WriteLineAsync("hash:      " + RecordCommitment.ComputeHash(envelope));
        return 0;
    }
}
