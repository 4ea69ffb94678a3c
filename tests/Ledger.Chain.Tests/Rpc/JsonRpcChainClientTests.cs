using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ledger.Chain.Tests.Rpc;

public sealed class JsonRpcChainClientTests
{
    /// <summary>Answers every request with one canned HTTP response.</summary>
    private sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public string? LastRequest { get; private set; }

        public System.Net.Http.Headers.AuthenticationHeaderValue? LastAuthorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastAuthorization = request.Headers.Authorization;
            LastRequest = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    private static readonly Uri Url = new("http://node.invalid:8545/v3/secret-api-key");

    private static (JsonRpcChainClient Client, CannedHandler Handler) Canned(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var handler = new CannedHandler(status, body);
        return (new JsonRpcChainClient(new HttpClient(handler), Url), handler);
    }

    private static async Task<ChainException> FailureOf(string errorJson)
    {
        var (client, _) = Canned($$"""{"jsonrpc":"2.0","id":1,"error":{{errorJson}}}""");
        return await Assert.ThrowsAsync<ChainException>(() => client.SendRawTransactionAsync([0x02]));
    }

    /// <summary>Never answers: a node that accepted the connection and went silent.</summary>
    private sealed class SilentHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task CancellationEndsACallToASilentNodeAtOnce()
    {
        using var http = new HttpClient(new SilentHandler());
        var client = new JsonRpcChainClient(http, Url);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetChainIdAsync(cancel.Token));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task TheHttpClientsTimeoutBoundsEachCallAndReportsTheNodeUnreachable()
    {
        using var http = new HttpClient(new SilentHandler()) { Timeout = TimeSpan.FromMilliseconds(300) };
        var client = new JsonRpcChainClient(http, Url);
        var error = await Assert.ThrowsAsync<ChainException>(() => client.GetBlockNumberAsync());
        Assert.Equal(ChainErrorKind.Unreachable, error.Kind);
        Assert.Contains("node.invalid:8545", error.Message);
        Assert.DoesNotContain("secret-api-key", error.Message);
    }

    [Fact]
    public async Task CredentialsInTheUrlAreSentAsBasicAuthAndNeverShown()
    {
        var handler = new CannedHandler(HttpStatusCode.Unauthorized, "unauthorized");
        using var http = new HttpClient(handler);
        var client = new JsonRpcChainClient(http, new Uri("https://operator:s3cret@node.invalid:8545/"));
        var error = await Assert.ThrowsAsync<ChainException>(() => client.GetChainIdAsync());
        Assert.Equal("Basic", handler.LastAuthorization?.Scheme);
        Assert.DoesNotContain("s3cret", error.ToString());
        Assert.Equal(ChainErrorKind.RpcError, error.Kind);
    }

    [Fact]
    public async Task AClosedPortIsUnreachable()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var http = new HttpClient();
        var client = new JsonRpcChainClient(http, new Uri($"http://127.0.0.1:{port}/"));
        var error = await Assert.ThrowsAsync<ChainException>(() => client.GetChainIdAsync());
        Assert.Equal(ChainErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task MessagesNeverRepeatTheUrlPathWhereApiKeysLive()
    {
        var (client, _) = Canned("<html>bad gateway</html>", HttpStatusCode.BadGateway);
        var error = await Assert.ThrowsAsync<ChainException>(() => client.GetChainIdAsync());
        Assert.Equal(ChainErrorKind.Unreachable, error.Kind);
        Assert.DoesNotContain("secret-api-key", error.Message);
        Assert.Contains("node.invalid:8545", error.Message);
    }

    [Fact]
    public async Task RequestsAreJsonRpcWithHexQuantities()
    {
        var (client, handler) = Canned("""{"jsonrpc":"2.0","id":1,"result":null}""");
        Assert.Null(await client.GetBlockAsync(255));
        Assert.Contains("\"method\":\"eth_getBlockByNumber\"", handler.LastRequest);
        Assert.Contains("\"params\":[\"0xff\",false]", handler.LastRequest);
    }

    [Fact]
    public async Task ExecutionRevertedCarriesTheRevertData()
    {
        var error = await FailureOf("""{"code":3,"message":"execution reverted: custom error 0x70c92e64","data":"0x70c92e64"}""");
        Assert.Equal(ChainErrorKind.Reverted, error.Kind);
        Assert.Equal(new byte[] { 0x70, 0xc9, 0x2e, 0x64 }, error.RevertData);
    }

    [Fact]
    public async Task NestedRevertDataIsFound()
    {
        var error = await FailureOf("""{"code":-32000,"message":"execution reverted","data":{"data":"0x70c92e64"}}""");
        Assert.Equal(new byte[] { 0x70, 0xc9, 0x2e, 0x64 }, error.RevertData);
    }

    [Theory]
    [InlineData("nonce too low", ChainErrorKind.NonceTooLow)]
    [InlineData("transaction already imported", ChainErrorKind.AlreadyKnown)]
    [InlineData("already known", ChainErrorKind.AlreadyKnown)]
    [InlineData("replacement transaction underpriced", ChainErrorKind.ReplacementUnderpriced)]
    [InlineData("Insufficient funds for gas * price + value", ChainErrorKind.InsufficientFunds)]
    [InlineData("invalid chain id for signer", ChainErrorKind.WrongChainId)]
    [InlineData("method not found", ChainErrorKind.RpcError)]
    public async Task NodeErrorMessagesAreClassified(string message, ChainErrorKind kind) =>
        Assert.Equal(kind, (await FailureOf($$"""{"code":-32003,"message":"{{message}}"}""")).Kind);

    [Fact]
    public async Task AMalformedQuantityIsAnRpcError()
    {
        var (client, _) = Canned("""{"jsonrpc":"2.0","id":1,"result":"twelve"}""");
        var error = await Assert.ThrowsAsync<ChainException>(() => client.GetBlockNumberAsync());
        Assert.Equal(ChainErrorKind.RpcError, error.Kind);
    }

    [Fact]
    public async Task ReceiptAddressesComeBackChecksummed()
    {
        var (client, _) = Canned("""
            {"jsonrpc":"2.0","id":1,"result":{"transactionHash":"0xAA00000000000000000000000000000000000000000000000000000000000000",
            "blockNumber":"0x2","blockHash":"0x1100000000000000000000000000000000000000000000000000000000000000","status":"0x1",
            "gasUsed":"0x5208","effectiveGasPrice":"0x3b9aca00","contractAddress":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "logs":[{"address":"0x5fbdb2315678afecb367f032d93f642f64180aa3","topics":[],"data":"0x","logIndex":"0x0"}]}}
            """);
        var receipt = await client.GetTransactionReceiptAsync("0x" + new string('a', 64));
        Assert.NotNull(receipt);
        Assert.Equal("0x5FbDB2315678afecb367f032d93F642f64180aa3", receipt.ContractAddress);
        Assert.Equal("0x5FbDB2315678afecb367f032d93F642f64180aa3", receipt.Logs[0].Address);
        Assert.Equal("0xaa" + new string('0', 62), receipt.TransactionHash);
        Assert.Equal(21_000UL, receipt.GasUsed);
    }
}
