using System.Text;
using System.Text.Json.Nodes;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Verification;

/// <summary>Runs <c>ledger verify</c> in process on a bundle against the fixture's chain.</summary>
internal static class LedgerVerifyRun
{
    /// <summary>Runs <c>ledger verify</c> on <paramref name="bundle"/> with <paramref name="options"/> after <c>--rpc</c>.</summary>
    public static Task<CliRun> VerifyAsync(this AnchoredBundles bundles, JsonNode bundle, params string[] options) =>
        bundles.VerifyAsync(Encoding.UTF8.GetBytes(bundle.ToJsonString()), options);

    /// <summary>Runs <c>ledger verify</c> on a proof file holding exactly <paramref name="bytes"/>.</summary>
    public static Task<CliRun> VerifyAsync(this AnchoredBundles bundles, byte[] bytes, params string[] options) =>
        VerifyAsync(bytes, bundles.Rpc, options);

    /// <summary>Runs <c>ledger verify</c> on <paramref name="bundle"/> against the node at <paramref name="rpc"/>.</summary>
    public static Task<CliRun> VerifyAgainstAsync(JsonNode bundle, string rpc) =>
        VerifyAsync(Encoding.UTF8.GetBytes(bundle.ToJsonString()), rpc, []);

    private static async Task<CliRun> VerifyAsync(byte[] bytes, string rpc, string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-proof-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            return await CliRun.RunAsync(["verify", file, "--rpc", rpc, .. options]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
