using System.Text;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Cli.Commands;
using Ledger.Verification;
using Ledger.Testing;

namespace Ledger.Cli.Tests.Verification;

/// <summary>
/// Proof bundles made before Ledger.Chain moved to Nethereum (tests/fixtures/pre-nethereum) still verify, with the same
/// verdict word for word, when `ledger verify` is answered offline from the node's recorded answers.
/// </summary>
public sealed class PreNethereumBundleTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "pre-nethereum");

    private static JsonObject Read(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))!.AsObject();

    [Fact]
    public async Task BundlesMadeBeforeTheMoveGetTheSameVerdictFromTheRecordedChain()
    {
        var fixture = Read("bundles.json");
        var replay = new RecordedNode(Read("rpc-answers.json")["answers"]!.AsArray());
        using var http = new HttpClient(replay);
        var chain = new JsonRpcChainClient(http, new Uri("http://127.0.0.1:8545/"));
        var options = new VerifyOptions { ExpectedContract = fixture["contract"]!.GetValue<string>() };
        var bundles = fixture["bundles"]!.AsArray();
        var outcomes = fixture["outcomes"]!.AsArray();
        Assert.Equal(5, bundles.Count);
        for (var i = 0; i < bundles.Count; i++)
        {
            var outcome = await ProofVerifier.VerifyAsync(Encoding.UTF8.GetBytes(bundles[i]!.ToJsonString()), chain, options);
            Assert.Equal(outcomes[i]!["message"]!.GetValue<string>(), outcome.Message);
            Assert.Equal(outcomes[i]!["exitCode"]!.GetValue<int>(), VerifyCommand.ExitCode(outcome.Kind));
        }
        Assert.Equal(4, outcomes.Count(o => o!["exitCode"]!.GetValue<int>() == CliApp.Valid));
    }

    /// <summary>A node that answers only what it answered when the fixture was made, matched by method and arguments.</summary>
    private sealed class RecordedNode(JsonArray answers) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!;
            var key = Key(body["method"]!.GetValue<string>(), body["params"]?.AsArray() ?? []);
            var answer = answers.FirstOrDefault(a => Key(a!["method"]!.GetValue<string>(), a["params"]!.AsArray()) == key)
                ?? throw new InvalidOperationException($"The recorded node was never asked {key}.");
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = body["id"]?.DeepClone(), ["result"] = answer["result"]?.DeepClone() };
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(response.ToJsonString(), Encoding.UTF8, "application/json"),
            };
        }

        // What identifies a question whichever client asks it: eth_call by its target and calldata (a client may add
        // fields such as "from", or spell calldata "input"), anything else by its arguments, ignoring case.
        private static string Key(string method, JsonArray parameters)
        {
            if (method == "eth_call" && parameters[0] is JsonObject call)
            {
                var data = (call["data"] ?? call["input"])!.GetValue<string>();
                return $"{method} {call["to"]!.GetValue<string>()} {data}".ToLowerInvariant();
            }
            return $"{method} {parameters.ToJsonString()}".ToLowerInvariant();
        }
    }
}
