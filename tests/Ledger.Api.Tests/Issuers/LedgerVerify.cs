using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Cli;

namespace Ledger.Api.Tests.Issuers;

/// <summary>Runs `ledger verify` on a proof bundle against the service's own chain.</summary>
internal static class LedgerVerify
{
    public static async Task<(int Code, string Output)> RunAsync(LedgerApiFactory factory, JsonElement bundle) =>
        await RunAsync(factory, JsonNode.Parse(bundle.GetRawText())!.AsObject());

    public static async Task<(int Code, string Output)> RunAsync(LedgerApiFactory factory, JsonObject bundle)
    {
        var file = Path.Combine(factory.DataDirectory, $"proof-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, bundle.ToJsonString());
        return await RunFileAsync(factory, file);
    }

    /// <summary>Runs it on a file as it lies on disk, byte for byte (a download, say).</summary>
    public static async Task<(int Code, string Output)> RunFileAsync(LedgerApiFactory factory, string file)
    {
        var chain = await factory.ChainAsync();
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["verify", file, "--rpc", chain.RpcUrl.ToString()], output, error);
        return (code, (output.ToString() + error.ToString()).Trim());
    }
}
