using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Ledger.Cli.CommandLine;
using Ledger.Core.Records;

namespace Ledger.Cli.Commands;

/// <summary><c>ledger hash &lt;record.json&gt;</c>: recompute a record's commitment from its envelope.</summary>
internal sealed class HashCommand : LedgerCommand
{
    private readonly Argument<string> _record = Symbols.InputFile("record.json",
        "A record envelope with its salt, or a GET /api/v1/records/{id} response (\"-\" reads standard input).");

    public HashCommand() : base("hash",
        "Print the canonical bytes (RFC 8785) and keccak-256 record hash of a record envelope (with its salt), to recompute a commitment.")
    {
        Arguments.Add(_record);
    }

    protected override async Task<int> RunAsync(ParseResult result, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var path = result.GetRequiredValue(_record);
        var text = await InputFile.ReadAsync(path);
        RecordEnvelope envelope;
        try
        {
            var node = JsonNode.Parse(text);
            // Accept the API's record view too: its "envelope" member is exactly what was hashed.
            envelope = RecordEnvelope.FromJson(node?["envelope"] ?? node!);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            await error.WriteLineAsync($"invalid: {path} is not a record envelope: {e.Message}");
            return CliApp.Invalid;
        }
        var canonical = RecordCommitment.CanonicalBytes(envelope);
        await output.WriteLineAsync("canonical: " + Encoding.UTF8.GetString(canonical));
        await output.WriteLineAsync("hash:      " + RecordCommitment.ComputeHash(envelope));
        return 0;
    }
}
